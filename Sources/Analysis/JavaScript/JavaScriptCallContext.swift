/// The state of one call's evaluation: its arguments and their values, computed on demand.
struct JavaScriptCallContext: Sendable {
    /// The call.
    var call: JavaScriptCall
    /// Argument token ranges.
    var arguments: [Range<Int>]
    /// Whether behaviours are recorded.
    var emit: Bool
    /// Evaluation nesting.
    var depth: Int
    /// Values computed so far, by position (filled on the first one); `pending` marks those not computed yet.
    private var values: [JavaScriptValue]

    /// Creates the state of a call whose arguments and values are still to be found.
    /// - Parameters:
    ///   - call: The call.
    ///   - buffers: Empty buffers for the argument ranges and values (reused from an earlier call).
    ///   - emit: Whether behaviours are recorded.
    ///   - depth: Evaluation nesting.
    init(call: JavaScriptCall, buffers: JavaScriptCallBuffers, emit: Bool, depth: Int) {
        self.call = call
        self.arguments = buffers.arguments
        self.values = buffers.values
        self.emit = emit
        self.depth = depth
    }

    /// Hands the buffers over, emptied with their capacity kept (the context is done with them).
    mutating func takeBuffers() -> JavaScriptCallBuffers {
        var buffers = JavaScriptCallBuffers()
        swap(&buffers.arguments, &arguments)
        swap(&buffers.values, &values)
        if !buffers.arguments.isEmpty { buffers.arguments.removeAll(keepingCapacity: true) }
        if !buffers.values.isEmpty { buffers.values.removeAll(keepingCapacity: true) }
        return buffers
    }

    /// The value of an argument already computed.
    func known(_ position: Int) -> JavaScriptValue? {
        guard position >= 0 && position < values.count, !values[position].taint.contains(.pending) else { return nil }
        return values[position]
    }

    /// Remembers the value of an argument.
    mutating func remember(_ value: JavaScriptValue, at position: Int) {
        guard position >= 0 && position < arguments.count else { return }
        if values.isEmpty {
            values.append(
                contentsOf: repeatElement(JavaScriptValue(object: .unknown, taint: .pending), count: arguments.count))
        }
        values[position] = value
    }
}

/// The arrays one call's evaluation fills: kept by the walker between calls, so a call allocates nothing.
struct JavaScriptCallBuffers: Sendable {
    /// Argument token ranges.
    var arguments: [Range<Int>] = []
    /// Argument values.
    var values: [JavaScriptValue] = []
}
