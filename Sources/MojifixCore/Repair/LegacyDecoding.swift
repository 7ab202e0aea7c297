import MojifixICU

/// Input that is not plain UTF-8: byte order marks, UTF-16/32, ISO-2022-KR, and legacy charsets
/// (CP949 first). A reading is accepted only after a strict ICU decode, and when two readings stay
/// plausible the input is refused with their names rather than guessed.
struct LegacyDecoding {
    let scoring: UnitScoring

    /// Legacy charsets tried on bytes that are not UTF-8, Korean first.
    static let candidates: [Charset] = [.windows949, .johab, .shiftJIS, .eucJP, .gb18030, .big5, .windows1251, .windows1252]

    /// The UTF-8 text and the transcoding pass, or nil when the input is already plain UTF-8.
    func decode(_ bytes: [UInt8], census: TextCensus, forced: Charset?) throws(RepairError) -> (text: [UInt8], pass: RepairPass)? {
        if let forced { return try transcode(bytes, from: forced, bom: nil) }
        for form in [Charset.utf32LE, .utf32BE, .utf8, .utf16LE, .utf16BE] {
            let bom = ChainStep.byteOrderMark(form)
            if bytes.starts(with: bom) { return try transcode(bytes, from: form, bom: form) }
        }
        let utf16: [Charset] = bytes.count % 2 == 0 ? [.utf16LE, .utf16BE] : []
        if census.nulBytes > 0 {
            if let form = utf16WithoutBOM(bytes), let result = try? transcode(bytes, from: form, bom: nil) { return result }
            return try guessLegacy(bytes, candidates: utf16, binaryIfNone: true)
        }
        if census.isValidUTF8(length: bytes.count) {
            if census.looksBinary(length: bytes.count) { throw .binary("control characters") }
            if bytes.count >= 4, containsISO2022KRDesignator(bytes) {
                return try transcode(bytes, from: .iso2022KR, bom: nil)
            }
            return nil
        }
        return try guessLegacy(bytes, candidates: Self.candidates + utf16, binaryIfNone: census.looksBinary(length: bytes.count))
    }

    // MARK: Transcoding

    private func transcode(_ bytes: [UInt8], from charset: Charset, bom: Charset?) throws(RepairError) -> (text: [UInt8], pass: RepairPass) {
        let mark = bom.map(ChainStep.byteOrderMark) ?? []
        let body = Array(bytes.dropFirst(mark.count))
        let text: [UInt8]
        var lossless = true
        if charset == .utf8 {
            guard UTF8.isValid(body) else {
                throw .undecodable(charset: "UTF-8", offset: body.withUnsafeBufferPointer { UTF8.validPrefixLength($0) } + mark.count)
            }
            text = body
        } else {
            guard let codec = try? TextCodecs.codec(for: charset) else { throw .undecodable(charset: charset.icuName, offset: nil) }
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

    /// UTF-16 without a BOM: many NUL bytes, nearly all on the same side of each code unit.
    private func utf16WithoutBOM(_ bytes: [UInt8]) -> Charset? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for i in stride(from: 0, to: bytes.count, by: 2) {
            if bytes[i] == 0 { evenZeros += 1 }
            if bytes[i + 1] == 0 { oddZeros += 1 }
        }
        let units = bytes.count / 2
        if oddZeros * 4 >= units && evenZeros * 20 < max(oddZeros, 1) { return .utf16LE }
        if evenZeros * 4 >= units && oddZeros * 20 < max(evenZeros, 1) { return .utf16BE }
        return nil
    }

    /// Controls other than white space, ESC, SO and SI: a decoding that yields them is not text.
    private func containsBinaryControls(_ utf8: [UInt8]) -> Bool {
        utf8.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }
    }

    private func containsISO2022KRDesignator(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: ISO2022KRCodec.designator) && bytes.contains(0x0E)
    }

    /// Tries every legacy charset strictly and ranks the readings by how much they look like text.
    private func guessLegacy(_ bytes: [UInt8], candidates: [Charset], binaryIfNone: Bool) throws(RepairError) -> (text: [UInt8], pass: RepairPass) {
        var readings: [(charset: Charset, score: Double)] = []
        for charset in candidates {
            guard let codec = try? TextCodecs.codec(for: charset),
                  let decoded = try? codec.decode(bytes),
                  (try? codec.encode(decoded)) == bytes,
                  !containsBinaryControls(decoded) else { continue }
            // Mean per non-ASCII character: how much each decoded character looks like real text.
            let scalars = UTF8.scalars(decoded)
            let nonASCII = max(1, scalars.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) })
            readings.append((charset, textScore(scalars) / Double(nonASCII) * Self.prior(charset)))
        }
        readings.sort { $0.score > $1.score }
        guard let best = readings.first, best.score > 0.15 else {
            throw binaryIfNone ? .binary("NUL byte") : .unknownEncoding
        }
        if readings.count > 1, readings[1].score > 0.15, readings[1].score >= best.score * 0.8 {
            throw .ambiguous(readings.prefix(while: { $0.score >= best.score * 0.8 }).map(\.charset.icuName))
        }
        return try transcode(bytes, from: best.charset, bom: nil)
    }

    /// Korean files are far more often CP949 (or UTF-16) than Johab or a Chinese or Japanese
    /// charset: a close call goes to the common reading, a clear one still goes the other way.
    static func prior(_ charset: Charset) -> Double {
        charset == .windows949 || charset == .utf16LE || charset == .utf16BE ? 1 : 0.8
    }

    /// Sum of the fitness of non-ASCII characters, less what no clean text does: symbols glued to
    /// letters, case flips inside a word, letters of another script glued to a word.
    func textScore(_ scalars: [UInt32]) -> Double {
        var score = 0.0
        var previous: UInt32 = 0x20
        for s in scalars {
            defer { previous = s }
            guard s >= 0x80 else {
                if previous >= 0x80, ScalarTraits.isLetter(previous), ScalarTraits.isLetter(s),
                   ScalarTraits.letterScript(previous) != .latin { score -= 1 }
                continue
            }
            let letter = ScalarTraits.isLetter(s), previousLetter = ScalarTraits.isLetter(previous)
            if ScalarTraits.isCombiningMark(s) && previousLetter { score += 0.6; continue }  // Thai vowels, Hebrew points
            score += Double(scoring.fitness(s) ?? -2)
            // Scripts switching inside a word: Hangul and Hanja alternate only in Chinese text
            // misread as Korean; Korean with Hanja keeps Hanja words whole.
            if letter && previousLetter && previous >= 0x80, let a = ScalarTraits.letterScript(s),
               let b = ScalarTraits.letterScript(previous), a != b,
               ScalarTraits.family(a) != ScalarTraits.family(b) || a == .hangul || b == .hangul { score -= 0.5 }
            if previous >= 0x80 && letter != previousLetter && !ScalarTraits.isC1Control(previous) { score -= 0.5 }
            if ScalarTraits.isLowercase(previous) && ScalarTraits.isUppercase(s) { score -= 0.5 }
            if letter && previousLetter && previous < 0x80,
               let script = ScalarTraits.letterScript(s), script != .latin { score -= 1 }
        }
        return score
    }
}
