import CMojifixICU

/// Why an ICU call failed.
package enum ICUError: Error, Equatable, Sendable {
    /// ICU does not know the charset name.
    case unknownCharset(String)
    /// The input is not valid in the source charset or has no exact mapping in the target.
    case illegalInput
    /// Any other ICU status (a U_* error code).
    case failure(Int32)
}

/// A strict converter between one ICU charset and UTF-8.
///
/// Strict means both directions stop at the first byte sequence or character without an exact
/// mapping (no substitution, no skipping, no fallbacks). Instances keep ICU state, so use one per
/// thread.
package final class ICUConverter {
    /// The name it was opened with, e.g. "macintosh".
    package let name: String
    /// ICU's canonical name for it, e.g. "macos-0_2-10.2".
    package let canonicalName: String
    /// The largest number of bytes one character takes in the charset.
    package let maxCharSize: Int
    private let handle: OpaquePointer

    package init(_ name: String) throws(ICUError) {
        var status: Int32 = 0
        guard let handle = mj_converter_open(name, &status) else { throw .unknownCharset(name) }
        self.handle = handle
        self.name = name
        self.canonicalName = String(cString: mj_converter_canonical_name(handle))
        self.maxCharSize = Int(mj_converter_max_char_size(handle))
    }

    deinit { mj_converter_close(handle) }

    /// The characters the charset maps both ways, as ranges: what a strict encode and decode
    /// accept. (One ICU call: cheaper than asking the converter about each character.)
    package func roundTripRanges() throws(ICUError) -> [ClosedRange<UInt32>] {
        var capacity: Int32 = 4096
        while true {
            var flat = [UInt32](repeating: 0, count: Int(capacity))
            let needed = flat.withUnsafeMutableBufferPointer { mj_converter_roundtrip_ranges(handle, $0.baseAddress, capacity) }
            guard needed >= 0 else { throw .failure(needed) }
            if needed <= capacity {
                return stride(from: 0, to: Int(needed), by: 2).map { flat[$0]...flat[$0 + 1] }
            }
            capacity = needed
        }
    }

    /// Charset bytes to UTF-8.
    package func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(ICUError) -> [UInt8] {
        try run(bytes, initialCapacity: bytes.count * 3 + 16, mj_decode_to_utf8)
    }

    /// UTF-8 to charset bytes.
    package func encode(_ utf8: UnsafeBufferPointer<UInt8>) throws(ICUError) -> [UInt8] {
        try run(utf8, initialCapacity: utf8.count * 2 + 16, mj_encode_from_utf8)
    }

    package func decode(_ bytes: [UInt8]) throws(ICUError) -> [UInt8] {
        try withBuffer(bytes) { (buffer) throws(ICUError) in try decode(buffer) }
    }

    package func encode(_ utf8: [UInt8]) throws(ICUError) -> [UInt8] {
        try withBuffer(utf8) { (buffer) throws(ICUError) in try encode(buffer) }
    }

    private typealias Conversion = (OpaquePointer?, UnsafePointer<UInt8>?, Int32,
                                    UnsafeMutablePointer<UInt8>?, Int32, UnsafeMutablePointer<Int32>?) -> Int32

    private func run(_ input: UnsafeBufferPointer<UInt8>, initialCapacity: Int,
                     _ conversion: Conversion) throws(ICUError) -> [UInt8] {
        try growingOutput(initialCapacity: initialCapacity) { buffer, capacity, status in
            conversion(handle, input.baseAddress, Int32(input.count), buffer, capacity, &status)
        }
    }
}

/// Calls an ICU-style `fill` (returns bytes written, or MJ_OVERFLOW / MJ_ILLEGAL / another
/// negative code) with a buffer that doubles until the output fits.
func growingOutput(initialCapacity: Int,
                   _ fill: (UnsafeMutablePointer<UInt8>?, Int32, inout Int32) -> Int32) throws(ICUError) -> [UInt8] {
    var capacity = initialCapacity
    while true {
        var status: Int32 = 0
        var written: Int32 = 0
        let output = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            written = fill(buffer.baseAddress, Int32(capacity), &status)
            count = max(0, Int(written))
        }
        switch Int(written) {
        case MJ_OVERFLOW: capacity *= 2
        case MJ_ILLEGAL: throw .illegalInput
        case ..<0: throw .failure(status)
        default: return output
        }
    }
}

/// Runs `body` on the bytes of `array`, which may be empty (then with a valid empty buffer).
@inline(__always)
func withBuffer<R, E: Error>(_ array: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
    let result: Result<R, E> = array.withUnsafeBufferPointer { buffer in
        do throws(E) { return .success(try body(buffer)) } catch { return .failure(error) }
    }
    return try result.get()
}
