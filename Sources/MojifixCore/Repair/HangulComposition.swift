internal import MojifixICU

/// macOS writes Hangul (and accented letters) decomposed: `한` as ᄒ + ᅡ + ᆫ. Where a document
/// shows such conjoining jamo, each decomposed cluster is composed to NFC, and only when NFD of the
/// result gives the cluster back, which proves the change invertible (a compatibility ideograph or
/// a cluster that was not in NFD is left alone). Never NFKC.
struct HangulComposition {
    /// Compose only clusters made of Hangul (jamo, or a syllable plus trailing jamo), leaving
    /// decomposed Latin and other marks as they are (file names: only the Hangul is repaired).
    var onlyHangul = false

    func run(_ text: [UInt8]) -> (output: [UInt8], pass: RepairPass)? {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var changes: [RepairChange] = []
        var copied = 0
        text.withUnsafeBufferPointer { p in
            var i = 0
            var clusterStart = 0
            var clusterScalars = 0
            func flush(_ end: Int) {
                defer { clusterStart = end; clusterScalars = 0 }
                guard clusterScalars > 1 else { return }
                let cluster = Array(p[clusterStart..<end])
                if onlyHangul && !UTF8.scalars(cluster).allSatisfy(Self.isHangul) { return }
                guard let composed = try? ICUNormalizer.normalize(cluster, to: .nfc), composed != cluster,
                      (try? ICUNormalizer.normalize(composed, to: .nfd)) == cluster else { return }
                output.append(contentsOf: p[copied..<clusterStart])
                let outputStart = output.count
                output.append(contentsOf: composed)
                changes.append(RepairChange(
                    inputRange: clusterStart..<end, outputRange: outputStart..<output.count,
                    steps: [.normalize("NFC")], confidence: 1, lossless: true,
                    before: String(decoding: cluster, as: Unicode.UTF8.self),
                    after: String(decoding: composed, as: Unicode.UTF8.self)))
                copied = end
            }
            while i < p.count {
                let (scalar, length) = UTF8.decode(p, at: i)
                if !Self.continuesCluster(scalar) { flush(i) }
                clusterScalars += 1
                i += length
            }
            flush(p.count)
            output.append(contentsOf: p[copied...])
        }
        guard !changes.isEmpty else { return nil }
        return (output, RepairPass(kind: .composeHangul, chain: [.normalize("NFC")], changes: changes))
    }

    /// Conjoining jamo: U+1100-U+11FF and the extensions U+A960-U+A97F, U+D7B0-U+D7FF.
    static func isConjoiningJamo(_ s: UInt32) -> Bool {
        (0x1100...0x11FF).contains(s) || (0xA960...0xA97F).contains(s) || (0xD7B0...0xD7FF).contains(s)
    }

    /// A conjoining jamo or a precomposed syllable.
    static func isHangul(_ s: UInt32) -> Bool { isConjoiningJamo(s) || ScalarTraits.isHangulSyllable(s) }

    /// Medial vowels, final consonants and combining marks attach to the character before them.
    private static func continuesCluster(_ s: UInt32) -> Bool {
        if s < 0x300 { return false }
        if (0x1160...0x11FF).contains(s) || (0xD7B0...0xD7FF).contains(s) { return true }
        return ScalarTraits.isCombiningMark(s)
    }
}
