internal import MojifixICU

/// Input that is not plain UTF-8: byte order marks, UTF-16/32, ISO-2022-KR, and legacy charsets
/// (CP949 first). A reading is accepted only after a strict ICU decode, and when two readings stay
/// plausible the input is refused with their names rather than guessed.
struct LegacyDecoding {
    let scoring: UnitScoring
    let detector = CharsetDetector()

    /// The UTF-8 text and the transcoding pass, or nil when the input is already plain UTF-8.
    func decode(_ bytes: [UInt8], census: TextCensus, forced: Charset?) throws(RepairError) -> (text: [UInt8], pass: RepairPass)? {
        if let forced, (try? TextCodecs.codec(for: forced)) == nil { throw .unknownCharset(forced.icuName) }
        for form in [Charset.utf32LE, .utf32BE, .utf8, .utf16LE, .utf16BE] {
            let bom = ChainStep.byteOrderMark(form)
            if bytes.starts(with: bom) { return try transcode(bytes, from: form, bom: form) }
        }
        // A forced charset applies only to input that is not UTF-8 text already, so that
        // running twice changes nothing; it must decode strictly (else `undecodable`).
        if let forced, !(census.nulBytes == 0 && census.isValidUTF8(length: bytes.count)) {
            return try transcode(bytes, from: forced, bom: nil)
        }
        if census.nulBytes > 0 {
            // UTF-16/32 without a BOM only on the evidence of their NUL bytes; any other NUL is binary.
            if let form = utf32WithoutBOM(bytes) ?? utf16WithoutBOM(bytes),
               let result = try? transcode(bytes, from: form, bom: nil), isPlausibleText(result.text),
               hasUTF16Evidence(bytes, reading: result.text) { return result }
            throw .binary("NUL byte")
        }
        if census.isValidUTF8(length: bytes.count) {
            if census.looksBinary(length: bytes.count) { throw .binary("control characters") }
            // ISO-2022-KR, ISO-2022-JP and HZ are 7-bit: only pure ASCII can be one of them (and
            // clean UTF-8 text leaves at its first non-ASCII byte, before any slower search).
            guard SevenBitCJK.isSevenBit(bytes) else { return nil }
            if bytes.count >= 4, containsISO2022KRDesignator(bytes) {
                return try transcode(bytes, from: .iso2022KR, bom: nil)
            }
            // 7-bit CJK encodings are valid ASCII: an escape sequence (ISO-2022-JP) or a `~{`
            // shift whose reading is plausible Chinese (HZ) tells them apart from plain text.
            if let charset = SevenBitCJK.charset(of: bytes) {
                return try transcode(bytes, from: charset, bom: nil)
            }
            return nil
        }
        // Valid but for surrogates written as UTF-8 (CESU-8, lone ones): UTF-8, not a legacy charset.
        if CESU8Codec.isAlmostUTF8(bytes) { return try transcode(bytes, from: CESU8Codec.charset, bom: nil) }
        return try guessLegacy(bytes, binaryIfNone: census.looksBinary(length: bytes.count))
    }

    // MARK: Transcoding

    private func transcode(_ bytes: [UInt8], from charset: Charset, bom: Charset?) throws(RepairError) -> (text: [UInt8], pass: RepairPass) {
        let mark = bom.map(ChainStep.byteOrderMark) ?? []
        // (No copy of the whole input when there is no mark to strip.)
        let body = mark.isEmpty ? bytes : Array(bytes.dropFirst(mark.count))
        let text: [UInt8]
        var lossless = true
        if charset == .utf8 {
            guard UTF8.isValid(body) else {
                throw .undecodable(charset: "UTF-8", offset: body.withUnsafeBufferPointer { UTF8.validPrefixLength($0) } + mark.count)
            }
            text = body
        } else {
            guard let codec = try? TextCodecs.codec(for: charset) else { throw .unknownCharset(charset.icuName) }
            guard let decoded = try? codec.decode(body) else { throw .undecodable(charset: charset.icuName, offset: nil) }
            text = decoded
            // Proof: encoding the text again must give the same bytes. Where it does not (a
            // designator in an unusual place, a byte with two readings), the original bytes are
            // kept in the plan so the change can still be undone.
            lossless = (try? codec.encode(decoded)) == body
        }
        var steps: [ChainStep] = bom.map { [.stripBOM($0)] } ?? []
        if charset != .utf8 || bom == nil { steps.append(.decode(charset)) }
        let change = RepairChange(inputRange: 0..<bytes.count, outputRange: 0..<text.count, steps: steps,
                                  confidence: 1, lossless: lossless, before: nil,
                                  after: String(decoding: text, as: Unicode.UTF8.self),
                                  guesses: lossless ? nil : ["re-encoding does not give the same bytes; original kept"],
                                  originalBytes: lossless ? nil : bytes)
        return (text, RepairPass(kind: .transcode, chain: steps, changes: [change]))
    }

    // MARK: Detection

    /// UTF-16 without a BOM: most NUL bytes on the same side of the code units (the high byte of
    /// ASCII; the other side has them only where a character's low byte is zero, as in 가 U+AC00).
    private func utf16WithoutBOM(_ bytes: [UInt8]) -> Charset? {
        guard bytes.count >= 2, bytes.count % 2 == 0 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for i in stride(from: 0, to: bytes.count, by: 2) {
            if bytes[i] == 0 { evenZeros += 1 }
            if bytes[i + 1] == 0 { oddZeros += 1 }
        }
        if oddZeros > evenZeros * 2 { return .utf16LE }
        if evenZeros > oddZeros * 2 { return .utf16BE }
        return nil
    }

    /// One NUL is no pattern ("abc\0def" is a broken file, not three rare ideographs): with a
    /// single one, the UTF-16 reading must be plausible text in a modelled language.
    private func hasUTF16Evidence(_ bytes: [UInt8], reading utf8: [UInt8]) -> Bool {
        bytes.reduce(0, { $0 + ($1 == 0 ? 1 : 0) }) >= 2 || LanguageModel.shared.score(UTF8.scalars(utf8)).plausibility >= CharsetDetector.goodFit
    }

    /// A UTF-16/32 reading found on NUL evidence must still be text: no controls, U+0000 rare
    /// (a binary file read as UTF-16 shows controls wherever a unit's high byte is zero).
    private func isPlausibleText(_ utf8: [UInt8]) -> Bool {
        !containsBinaryControls(utf8) && utf8.reduce(0, { $0 + ($1 == 0 ? 1 : 0) }) * 8 < utf8.count
    }

    /// UTF-32 without a BOM: every unit's high bytes zero and its plane one that text uses (0-2).
    private func utf32WithoutBOM(_ bytes: [UInt8]) -> Charset? {
        guard bytes.count >= 8, bytes.count % 4 == 0 else { return nil }
        let units = stride(from: 0, to: bytes.count, by: 4)
        if units.allSatisfy({ bytes[$0 + 3] == 0 && bytes[$0 + 2] <= 0x02 }) { return .utf32LE }
        if units.allSatisfy({ bytes[$0] == 0 && bytes[$0 + 1] <= 0x02 }) { return .utf32BE }
        return nil
    }

    /// Controls other than white space: a decoding that yields them is not text. NUL is text
    /// in UTF-16/32 (a U+0000 there is kept), so it does not count here.
    private func containsBinaryControls(_ utf8: [UInt8]) -> Bool {
        utf8.contains { $0 != 0 && $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }
    }

    private func containsISO2022KRDesignator(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: ISO2022KRCodec.designator) && bytes.contains(0x0E)
    }

    /// The language model's verdict on bytes that are neither UTF-8 nor UTF-16/32: the best
    /// reading when it is clearly the best, the two best names when they are close.
    private func guessLegacy(_ bytes: [UInt8], binaryIfNone: Bool) throws(RepairError) -> (text: [UInt8], pass: RepairPass) {
        switch detector.detect(bytes) {
        case .charset(let charset, let confidence):
            var result = try transcode(bytes, from: charset, bom: nil)
            result.pass.changes[0].confidence = confidence
            return result
        case .ambiguous(let charsets):
            // Mostly well-formed UTF-8 (a legacy file's bytes seldom are: a CP949 syllable or a
            // Latin-1 letter starts no sequence, or one its next byte does not continue): the
            // readings `--from` would choose between garble the rest.
            let tally = UTF8.tally(bytes)
            if let first = tally.firstStray, tally.sequences > tally.strayBytes { throw .mostlyUTF8(strayBytes: tally.strayBytes, firstAt: first) }
            throw .ambiguous(charsets.map(\.icuName))
        case .none:
            throw binaryIfNone ? .binary("control characters") : .unknownEncoding
        }
    }
}
