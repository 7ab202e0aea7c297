/// A text garbled whole: one reading explains every non-ASCII character of it.
///
/// Where a UTF-8 reading's units take every non-ASCII character of the text (each one's byte in
/// the shown charset, all together valid UTF-8, nothing lost) and no reading decoding the text
/// differently does the same, that reading is the text's: the other readings, which leave
/// characters unexplained, and CP949's, are not weighed (what ftfy's whole-string re-encoding
/// does first). The reading's units still go through `acceptance` like any other's. Readings only
/// the model decides (CP866, KOI8-R, Windows-1253 and 1256) are never taken so, and a text with
/// fewer than `wholeTextUnits` units is weighed against every reading.
extension MojibakePass {
    /// Units a text needs before one reading that explains it whole stands alone.
    static let wholeTextUnits = 4

    /// What the search for a reading of the whole text found.
    struct WholeText {
        /// The decoder (first of its twins) whose reading explains the whole text, when exactly
        /// one reading does.
        var decoder: Int? = nil
        /// The units of the decoders tried, by decoder (the readings decode them once).
        var decoded: [(decoder: Int, units: [DecodedUnit])] = []

        func units(_ k: Int) -> [DecodedUnit]? { decoded.first { $0.decoder == k }?.units }
    }

    /// Tries the decoders whose table has every non-ASCII character of the text.
    func wholeTextReading(_ p: UnsafeBufferPointer<UInt8>, _ sifted: ReadingSieve.Sifted) -> WholeText {
        var whole = WholeText()
        let candidates = sifted.complete & sifted.mayDecode & plainUTF8
        guard candidates != 0 else { return whole }
        var explaining = 0
        for k in decoders.indices where candidates >> UInt64(k) & 1 != 0 && sifted.twin[k] == k {
            let units = self.units(k, p, p.count, sifted)
            whole.decoded.append((k, units))
            if units.count >= Self.wholeTextUnits && Self.explainsAll(units, nonASCIIBytes: sifted.nonASCIIBytes) {
                explaining += 1
                whole.decoder = k
            }
        }
        // Two readings that explain the text whole and decode it differently: weighed as usual.
        if explaining > 1 { whole.decoder = nil }
        return whole
    }

    /// The units take every non-ASCII byte of the text, and none was lost.
    private static func explainsAll(_ units: [DecodedUnit], nonASCIIBytes: Int) -> Bool {
        var bytes = 0
        for unit in units {
            guard !unit.lossy else { return false }
            bytes += unit.end - unit.start
        }
        return bytes == nonASCIIBytes
    }
}
