extension MojibakePass {
    /// Decoder `k`'s units in `0..<end`: from the sieve's list of the characters there when the
    /// sieve ran (the same units, without decoding the text again), else from the text.
    func units(_ k: Int, _ p: UnsafeBufferPointer<UInt8>, _ end: Int, _ sifted: ReadingSieve.Sifted?) -> [DecodedUnit] {
        guard let sifted else { return decoders[k].units(in: p, range: 0..<end) }
        return decoders[k].units(sifted.characters, decoder: k, p)
    }
}
