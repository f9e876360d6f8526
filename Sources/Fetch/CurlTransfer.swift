import CCurl
import Foundation

/// The state of one transfer while libcurl runs it. Only the driver thread touches it (callbacks run inside
/// `curl_multi_perform` on that thread), so it needs no lock.
final class CurlTransfer {
    let request: HTTPRequest
    let continuation: CheckedContinuation<HTTPResponse, any Error>
    var body = Data()
    var headers: [String: String] = [:]
    var exceededLimit = false
    var headerList: UnsafeMutablePointer<curl_slist>?
    /// libcurl writes its error text here; allocated so the address stays fixed while the transfer runs.
    let errorBuffer: UnsafeMutablePointer<CChar> = {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        buffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        return buffer
    }()

    init(request: HTTPRequest, continuation: CheckedContinuation<HTTPResponse, any Error>) {
        self.request = request
        self.continuation = continuation
    }

    deinit {
        if let headerList { curl_slist_free_all(headerList) }
        errorBuffer.deallocate()
    }

    /// Appends body bytes, refusing more than the request allows.
    func append(_ pointer: UnsafeMutablePointer<CChar>, count: Int) -> Bool {
        if body.count + count > request.maxBodyBytes {
            exceededLimit = true
            return false
        }
        pointer.withMemoryRebound(to: UInt8.self, capacity: count) { body.append($0, count: count) }
        return true
    }

    /// Records one header line; a new status line (after a 1xx or a redirect) starts a fresh set.
    func header(_ pointer: UnsafeMutablePointer<CChar>, count: Int) {
        let line = pointer.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }
        if line.hasPrefix("HTTP/") {
            headers = [:]
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        headers[name] = value
    }

    var errorText: String { String(cString: errorBuffer) }
}

/// libcurl's body callback: appends to the transfer named by `userdata`.
let curlWriteCallback: lockgate_curl_data_callback = { buffer, size, count, userdata in
    guard let buffer, let userdata else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
    let bytes = size * count
    return transfer.append(buffer, count: bytes) ? bytes : 0
}

/// libcurl's header callback: records one header line on the transfer named by `userdata`.
let curlHeaderCallback: lockgate_curl_data_callback = { buffer, size, count, userdata in
    guard let buffer, let userdata else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
    transfer.header(buffer, count: size * count)
    return size * count
}
