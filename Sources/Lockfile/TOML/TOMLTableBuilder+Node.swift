import LockgateCore

extension TOMLTableBuilder {
    /// What a key holds.
    enum Slot {
        case value(TOMLValue)
        case table(Int)
        case tableArray(Int)
    }

    /// One table under construction; small tables are searched in order, large ones get a hash index.
    struct Node {
        var origin: Origin
        var location: SourceLocation
        var keys: [TOMLKey] = []
        var slots: [Slot] = []
        var index: [String: Int]?

        init(origin: Origin, location: SourceLocation) {
            self.origin = origin
            self.location = location
        }

        subscript(key: String) -> Slot? {
            guard let position = position(of: key) else { return nil }
            return slots[position]
        }

        func position(of key: String) -> Int? {
            if let index { return index[key] }
            return keys.firstIndex { $0.text == key }
        }

        mutating func append(_ slot: Slot, key: TOMLKey) {
            keys.append(key)
            slots.append(slot)
            if index != nil {
                index?[key.text] = keys.count - 1
            } else if keys.count > 8 {
                index = Dictionary(keys.enumerated().map { ($1.text, $0) }, uniquingKeysWith: { first, _ in first })
            }
        }
    }
}
