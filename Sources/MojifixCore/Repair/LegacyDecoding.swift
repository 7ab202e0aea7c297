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
            // ASCII with a few NULs is a binary or broken file, not UTF-16 (whose ASCII is half NULs).
            if census.nulBytes * 4 < bytes.count && bytes.allSatisfy({ $0 == 0 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || (0x20...0x7E).contains($0) }) {
                throw .binary("NUL byte")
            }
            if let form = utf16WithoutBOM(bytes), let result = try? transcode(bytes, from: form, bom: nil) { return result }
            return try guessLegacy(bytes, candidates: utf16, binaryIfNone: true, textShaped: true)
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

    /// UTF-16 without a BOM: many NUL bytes, nearly all on the same side of each code unit.
    private func utf16WithoutBOM(_ bytes: [UInt8]) -> Charset? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for i in stride(from: 0, to: bytes.count, by: 2) {
            if bytes[i] == 0 { evenZeros += 1 }
            if bytes[i + 1] == 0 { oddZeros += 1 }
        }
        let units = bytes.count / 2
        if oddZeros >= 2 && oddZeros * 4 >= units && evenZeros * 20 < oddZeros { return .utf16LE }
        if evenZeros >= 2 && evenZeros * 4 >= units && oddZeros * 20 < evenZeros { return .utf16BE }
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
    /// With `textShaped`, a reading must look like running text (white space in it, or nothing
    /// but clearly fitting characters such as emoji): NUL-holding bytes are binary otherwise.
    private func guessLegacy(_ bytes: [UInt8], candidates: [Charset], binaryIfNone: Bool,
                             textShaped: Bool = false) throws(RepairError) -> (text: [UInt8], pass: RepairPass) {
        var readings: [(charset: Charset, score: Double, characters: Int)] = []
        for charset in candidates {
            guard let codec = try? TextCodecs.codec(for: charset),
                  let decoded = try? codec.decode(bytes),
                  (try? codec.encode(decoded)) == bytes,
                  !containsBinaryControls(decoded) else { continue }
            // Mean per non-ASCII character: how much each decoded character looks like real text.
            let scalars = UTF8.scalars(decoded)
            let nonASCII = max(1, scalars.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) })
            let prior = Self.prior(charset, hasNUL: bytes.contains(0))
            let score = textScore(scalars) / Double(nonASCII) * prior
            if textShaped && !scalars.contains(where: { $0 == 0x20 || $0 == 0x0A || $0 == 0x3000 }) && score < 0.9 { continue }
            readings.append((charset, score, nonASCII))
        }
        readings.sort { $0.score > $1.score }
        guard let best = readings.first, best.score > 0.15 else {
            throw binaryIfNone ? .binary("NUL byte") : .unknownEncoding
        }
        // A close runner-up means the bytes are ambiguous; so does any runner-up when the input is
        // a single character (`똠` alone is 깎 in Johab and 獌 in UTF-16).
        let doubtful = best.characters < 2
        let rivals = readings.dropFirst().filter { $0.score > 0.15 && ($0.score >= best.score * 0.8 || doubtful) }
        if !rivals.isEmpty {
            throw .ambiguous([best.charset.icuName] + rivals.map(\.charset.icuName))
        }
        var result = try transcode(bytes, from: best.charset, bom: nil)
        // Confidence of a guessed charset: how far the runner-up trails.
        let runnerUp = readings.dropFirst().first.map { max(0, $0.score) } ?? 0
        result.pass.changes[0].confidence = Double(Int((1 - runnerUp / best.score) * 1000)) / 1000
        return result
    }

    /// Korean files are far more often CP949 (or UTF-16) than Johab or a Chinese or Japanese
    /// charset: a close call goes to the common reading, a clear one still goes the other way.
    /// UTF-16 without a single NUL has no ASCII at all (no space, no newline): rare for text.
    static func prior(_ charset: Charset, hasNUL: Bool) -> Double {
        switch charset {
        case .windows949: return 1
        case .utf16LE, .utf16BE: return hasNUL ? 1 : 0.6
        default: return 0.8
        }
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
