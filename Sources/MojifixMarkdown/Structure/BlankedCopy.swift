/// The copy of a document that cmark parses when some of its blocks must not be read as Markdown
/// (front matter, Liquid, kramdown and math blocks, see `StructureBuilder`): `blanking` replaced
/// by spaces (line endings kept), then `filling` (on one line each) by `x`: text cmark reads as
/// the start of a paragraph, where spaces would make the rest of their line an indented code
/// block. Made for the ranges asked for (`WindowedReparse` needs its windows, not all 4 MB).
struct BlankedCopy {
    let s: UnsafeBufferPointer<UInt8>
    /// Sorted and merged (blanking or filling a byte twice is doing it once).
    let blanking: [Range<Int>], filling: [Range<Int>]

    init(_ s: UnsafeBufferPointer<UInt8>, blanking: [Range<Int>], filling: [Range<Int>]) {
        self.s = s
        self.blanking = StructureBuilder.merged(blanking)
        self.filling = StructureBuilder.merged(filling)
    }

    var count: Int { s.count }

    /// The copy's bytes in `range`.
    func bytes(_ range: Range<Int>) -> [UInt8] {
        let low = range.lowerBound
        return [UInt8](unsafeUninitializedCapacity: range.count) { copy, initialized in
            if let source = s.baseAddress, let target = copy.baseAddress, !range.isEmpty {
                target.initialize(from: source + low, count: range.count)
            }
            initialized = range.count
            for part in Self.parts(of: blanking, in: range) {
                for k in part where copy[k - low] != MDByte.lf && copy[k - low] != MDByte.cr { copy[k - low] = MDByte.space }
            }
            for part in Self.parts(of: filling, in: range) { for k in part { copy[k - low] = 0x78 } }
        }
    }

    /// The whole copy.
    func whole() -> [UInt8] { bytes(0..<s.count) }

    /// The parts of `ranges` (sorted, disjoint) inside `range`.
    private static func parts(of ranges: [Range<Int>], in range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var k = ranges.index(endingAfter: range.lowerBound)
        while k < ranges.count && ranges[k].lowerBound < range.upperBound {
            result.append(ranges[k].clamped(to: range))
            k += 1
        }
        return result
    }
}
