import MojifixTestSupport
import XCTest
import MojifixCore
import MojifixICU

/// FileNameRepair: each garbling a real archive holds is repaired with a replayable, invertible
/// plan; clean names in any language are never touched.
final class FileNameRepairTests: XCTestCase {
    private var names: FileNameRepair!
    private var garbler = Garbler()

    override func setUpWithError() throws { names = try FileNameRepair() }

    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    private func cp949(_ text: String) throws -> [UInt8] { try ICUConverter("windows-949").encode(bytes(text)) }

    /// `name` garbled as `misreading`, as UTF-8 bytes of the shown characters.
    private func garbled(_ name: String, _ misreading: Misreading) -> [UInt8] {
        garbler.garble(bytes(name), misreading)!
    }

    /// Repairs `input`, expects `expected` and the chain, and proves the plan both ways.
    private func assertRepairs(_ input: [UInt8], to expected: String, chain: String, _ garbling: FileNameProposal.Garbling,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        guard let proposal = names.repair(input) else {
            return XCTFail("not repaired: \(String(decoding: input, as: UTF8.self).debugDescription) (want \(expected))", file: file, line: line)
        }
        XCTAssertEqual(proposal.repaired, bytes(expected), String(decoding: proposal.repaired, as: UTF8.self), file: file, line: line)
        XCTAssertEqual(proposal.chainDescription, chain, file: file, line: line)
        XCTAssertEqual(proposal.garbling, garbling, file: file, line: line)
        XCTAssertEqual(proposal.original, input, file: file, line: line)
        let replayer = PlanReplayer()
        XCTAssertEqual(try replayer.replay(proposal.plan, on: input), proposal.repaired, "replay", file: file, line: line)
        XCTAssertEqual(try replayer.invert(proposal.plan, on: proposal.repaired), input, "inverse", file: file, line: line)
    }

    // MARK: The four cases

    func testRawCP949NameIsDecoded() throws {
        for name in ["한글.txt", "회의록 2024.hwp", "보고서_최종(수정).docx", "사진", "【공지】 일정표.pdf", "한.xlsx", "사전(辭典).txt", "사전【辭典】.txt"] {
            let raw = try cp949(name)
            XCTAssertFalse(UTF8Validity.isValid(raw), name)
            try assertRepairs(raw, to: name, chain: "decode windows-949", .rawCP949)
        }
    }

    func testLimitsOfRawCP949() throws {
        // 책 is C3 A5 in CP949, which is also valid UTF-8 (å): a clean name, left alone. So are
        // the other single syllables whose two bytes form a UTF-8 sequence (about 9%).
        XCTAssertEqual(try cp949("책.txt"), bytes("å.txt"))
        XCTAssertNil(names.repair(try cp949("책.txt")))
        XCTAssertEqual(try cp949("표.txt"), bytes("ǥ.txt"))
        XCTAssertNil(names.repair(try cp949("표.txt")))
        // More Hanja than Hangul is what Chinese bytes read as CP949 look like: left alone.
        XCTAssertNil(names.repair(try cp949("韓國語 사전.txt")))
        // Hanja touching Hangul inside a word is what UTF-8 Korean read as CP949 gives (媛밸렇).
        XCTAssertNil(names.repair(try cp949("韓國語사전 목록.txt")))
    }

    func testCP949ShownAsCP437OrLatin1IsRepaired() throws {
        try assertRepairs(bytes("╟╤▒█.txt"), to: "한글.txt", chain: "encode ibm-437 -> decode windows-949", .misreadCP949)
        try assertRepairs(bytes("ÇÑ±Û.txt"), to: "한글.txt", chain: "encode ISO-8859-1 -> decode windows-949", .misreadCP949)
        for shown in [Charset.cp437, .latin1, .windows1252, .macintosh] {
            for name in ["회의록 2024.hwp", "보고서_최종(수정).docx", "프로젝트 계획서 v2.pptx", "2024년 3월 정산.xlsx"] {
                let input = garbled(name, Misreading(actual: .windows949, shownAs: shown))
                // Latin-1 and Windows-1252 agree on every KS X 1001 byte: the plan names Latin-1.
                let named = shown == .windows1252 ? Charset.latin1 : shown
                try assertRepairs(input, to: name, chain: "encode \(named) -> decode windows-949", .misreadCP949)
            }
        }
    }

    func testUTF8ShownAsMacRomanOrWindows1252IsRepaired() throws {
        try assertRepairs(bytes("ÏùºÍ∞Ñ.md"), to: "일간.md", chain: "encode macintosh -> decode UTF-8", .misreadUTF8)
        try assertRepairs(bytes("GrÃ¶ÃŸe.txt"), to: "Größe.txt", chain: "encode windows-1252 -> decode UTF-8", .misreadUTF8)
        try assertRepairs(bytes("rÃ©sumÃ©.pdf"), to: "résumé.pdf", chain: "encode windows-1252 -> decode UTF-8", .misreadUTF8)
        let samples = ["한글.txt", "책.txt", "日本語のファイル.txt", "中文文件.docx", "🚀 launch.md", "Привет мир.txt", "Ελληνικά.pdf", "회의록 2024 (final).hwp"]
        for shown in [Charset.macintosh, .windows1252, .latin1, .cp437] {
            for name in samples {
                let input = garbled(name, Misreading(actual: .utf8, shownAs: shown))
                guard let proposal = names.repair(input) else { XCTFail("\(name) via \(shown) not repaired"); continue }
                XCTAssertEqual(proposal.repaired, bytes(name), "\(name) via \(shown)")
                XCTAssertEqual(try PlanReplayer().invert(proposal.plan, on: proposal.repaired), input)
            }
        }
    }

    func testDecomposedHangulIsComposedAndOnlyTheHangul() throws {
        let nfd = try ICUNormalizer.normalize(bytes("한글 문서.md"), to: .nfd)
        try assertRepairs(nfd, to: "한글 문서.md", chain: "normalize NFC", .decomposedHangul)
        XCTAssertNil(names.repair(nfd)?.note)
        // macOS decomposes everything; the accent stays decomposed and the proposal says so.
        let mixed = try ICUNormalizer.normalize(bytes("Café 메모.txt"), to: .nfd)
        try assertRepairs(mixed, to: "Cafe\u{301} 메모.txt", chain: "normalize NFC", .decomposedHangul)
        XCTAssertNotNil(names.repair(mixed)?.note)
        // NFD Latin alone is not a Hangul problem.
        XCTAssertNil(names.repair(bytes("cafe\u{301}.md")))
    }

    func testDecomposedHangulGarbledByAZipToolIsRepairedInTwoPasses() throws {
        // A Mac zip (NFD UTF-8, no UTF-8 flag) opened by a tool that reads names as CP437.
        let nfd = try ICUNormalizer.normalize(bytes("회의록.txt"), to: .nfd)
        let input = garbler.garble(nfd, Misreading(actual: .utf8, shownAs: .cp437))!
        try assertRepairs(input, to: "회의록.txt", chain: "encode ibm-437 -> decode UTF-8 -> normalize NFC", .misreadUTF8)
    }

    func testTwoReadingsGivingDifferentNamesAreLeftAloneAndListed() throws {
        // Both CP949 shown as Latin-1 (뷔여) and CP949 shown as Mac OS Roman give a Korean word.
        let input = bytes("ºß¿©.txt")
        let found = names.readings(input)
        XCTAssertEqual(found.count, 2)
        XCTAssertEqual(found.first?.repaired, bytes("뷔여.txt"))
        XCTAssertEqual(found.map(\.chainDescription), ["encode ISO-8859-1 -> decode windows-949", "encode macintosh -> decode windows-949"])
        XCTAssertNil(names.repair(input))
    }

    // MARK: Never touched

    static let cleanNames = [
        "café.md", "naïve.txt", "Größe.txt", "Ærøskøbing.pdf", "Œuvres complètes.epub", "façade.png", "señor.doc",
        "São Paulo.jpg", "AÇÃO.txt", "ÉCOLE.pdf", "Zürich–Bern.txt", "crème brûlée.md", "Ñandú.png", "ÀÉÎÕÜ.txt",
        "«Éditions».txt", "l'été.txt", "Ça va.txt", "résumé.pdf", "Ångström.txt", "ÄÖÜ äöü ß.txt", "DÉÇU.txt",
        "Ελληνικά.txt", "Русский.txt", "Українська.doc", "Tiếng Việt.txt", "ภาษาไทย.txt", "مرحبا.txt", "שלום.txt",
        "नमस्ते.txt", "日本語.txt", "中文.txt", "한글.txt", "韓國語 사전.txt", "ㅋㅋㅋ.txt", "ＡＢＣ.txt", "🚀 launch.md",
        "👍🏽.png", "🧑‍💻 notes.md", "½ price.txt", "© 2024.txt", "°C±2.txt", "™ notes.md", "±°.txt", "§§ 1-3.txt",
        "¿Qué?.txt", "¡Hola!.txt", "ƒ(x).txt", "√2.txt", "∆t.md", "π≈3.14.txt", "Ω.txt", "µs.txt", "│ notes │.txt",
        "█ block.txt", "─── line.txt", "file.tar.gz", "README", "Makefile", "a", ".hidden", "x.md", "ÀÉ", "Øß", "ÇÃ.txt",
        "Ãé.txt", "Â£5.txt", "Ä°stanbul.txt", "wei√ü.txt", "ÉÉÉÉ.txt", "Ëô.txt", "ÐÑÒ.txt", "ÞÆÐ.txt", "ÿÿ.txt",
    ]

    func testCleanNamesInAnyLanguageAreNeverTouched() throws {
        for name in Self.cleanNames {
            XCTAssertNil(names.repair(bytes(name)), "renamed a clean name: \(name) -> "
                         + String(decoding: names.repair(bytes(name))?.repaired ?? [], as: UTF8.self))
        }
    }

    func testRawBytesThatAreNotKoreanAreLeftAlone() throws {
        let latin1 = try ICUConverter("ISO-8859-1"), shiftJIS = try ICUConverter("windows-31j"), gbk = try ICUConverter("GB18030")
        for name in ["café.txt", "résumé.pdf", "Müller.doc", "Ångström.txt", "naïve"] {
            XCTAssertNil(names.repair(try latin1.encode(bytes(name))), "Latin-1 \(name)")
        }
        for name in ["日本語.txt", "ひらがな.txt", "カタカナ.doc"] {
            XCTAssertNil(names.repair(try shiftJIS.encode(bytes(name))), "Shift_JIS \(name)")
        }
        XCTAssertNil(names.repair(try gbk.encode(bytes("中文.txt"))), "GBK")
        XCTAssertNil(names.repair([0xFF, 0xFE, 0x41]))
        XCTAssertNil(names.repair([0xC7, 0xD1, 0x00]), "NUL")
    }

    func testNeverProposesReplacementCharactersControlsOrSlashes() throws {
        // U+FFFD left by an earlier lossy decode: the lost byte cannot be proven, so no rename.
        XCTAssertNil(names.repair(bytes("í\u{FFFD}œ.txt")))
        // A reading that would give a C1 control (UTF-8 C2 85 = NEL) or a slash is refused.
        XCTAssertNil(names.repair(bytes("Â\u{85}x.txt")))
        XCTAssertNil(names.repair(bytes("a/b")))
    }

    // MARK: Properties

    func testRepairUndoesEveryGarblingOfGeneratedNames() throws {
        var generator = NameGenerator(rng: SeededGenerator(seed: 20240601))
        // Every name reading of the registry.
        let shown = { (actual: Charset) in Misreading.registry.filter { $0.nameRank != nil && $0.misreading.actual == actual }.map(\.misreading.shownAs) }
        let utf8Shown = shown(.utf8), cp949Shown = shown(.windows949)
        XCTAssertEqual(utf8Shown.count + cp949Shown.count, Misreading.registry.filter { $0.nameRank != nil }.count)
        for i in 0..<200 {
            let name = generator.name(style: i % 4)
            for shown in utf8Shown {
                let input = garbled(name, Misreading(actual: .utf8, shownAs: shown))
                XCTAssertEqual(names.repair(input)?.repaired, bytes(name), "#\(i) \(name) via \(shown)")
            }
            let korean = generator.name(style: 0)
            let raw = try cp949(korean)
            XCTAssertEqual(names.repair(raw)?.repaired, bytes(korean), "#\(i) raw \(korean)")
            for shown in cp949Shown {
                let input = garbled(korean, Misreading(actual: .windows949, shownAs: shown))
                XCTAssertEqual(names.repair(input)?.repaired, bytes(korean), "#\(i) \(korean) CP949 via \(shown)")
            }
            let nfd = try ICUNormalizer.normalize(bytes(korean), to: .nfd)
            XCTAssertEqual(names.repair(nfd)?.repaired, bytes(korean), "#\(i) NFD \(korean)")
            let zipped = garbler.garble(nfd, Misreading(actual: .utf8, shownAs: .cp437))!
            XCTAssertEqual(names.repair(zipped)?.repaired, bytes(korean), "#\(i) NFD \(korean) via CP437")
        }
    }

    func testGeneratedCleanNamesAreUnchanged() throws {
        var generator = NameGenerator(rng: SeededGenerator(seed: 77))
        for i in 0..<400 {
            let name = generator.name(style: i % 5)
            XCTAssertNil(names.repair(bytes(name)), "#\(i) \(name)")
        }
    }
}

/// Well-formedness of raw bytes (the test does not rely on the library for it).
enum UTF8Validity {
    static func isValid(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }
}

/// Seeded file names: Korean (KS X 1001 words), Japanese, Chinese, mixed with Latin, digits and
/// emoji, and (style 4) Western names with accented letters in any case.
struct NameGenerator {
    var rng: SeededGenerator

    static let kana = Array("あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんアイウエオカキクケコサシスセソタチツテトナニヌネノ".unicodeScalars)
    static let han = Array("日本語中文件資料報告会議写真計画年月新旧東西南北上下大小春夏秋冬学校電話時間".unicodeScalars)
    static let western = ["café", "naïve", "Größe", "élève", "façade", "señor", "Ærø", "Œuvre", "AÇÃO", "DÉJÀ", "ÜBER",
                          "crème", "brûlée", "Ñandú", "Ångström", "smørbrød", "łódź", "Straße", "ÉCOLE", "São", "Zürich"]
    static let extensions = [".txt", ".md", ".pdf", ".hwp", ".docx", ".jpg", ".tar.gz", ""]
    static let separators = [" ", "_", "-", " (", ") ", "."]

    mutating func word(style: Int) -> String {
        var word = ""
        switch style {
        case 0:
            for _ in 0..<Int.random(in: 2...4, using: &rng) {
                word.unicodeScalars.append(Unicode.Scalar(TextGenerator.syllables.randomElement(using: &rng)!)!)
            }
        case 1: for _ in 0..<Int.random(in: 2...5, using: &rng) { word.unicodeScalars.append(Self.kana.randomElement(using: &rng)!) }
        case 2: for _ in 0..<Int.random(in: 2...4, using: &rng) { word.unicodeScalars.append(Self.han.randomElement(using: &rng)!) }
        case 3:
            let roll = Int.random(in: 0..<4, using: &rng)
            word = roll == 0 ? TextGenerator.latinWords.randomElement(using: &rng)! + self.word(style: 0)
                : roll == 1 ? TextGenerator.emoji.randomElement(using: &rng)! : self.word(style: roll == 2 ? 1 : 0)
        default:
            let base = Self.western.randomElement(using: &rng)!
            word = Bool.random(using: &rng) ? base.uppercased() : base
        }
        return word
    }

    /// A name of one to three words of a style, maybe a number, and an extension.
    mutating func name(style: Int) -> String {
        var out = word(style: style)
        for _ in 0..<Int.random(in: 0...2, using: &rng) {
            out += Self.separators.randomElement(using: &rng)! + word(style: style)
        }
        if Int.random(in: 0..<3, using: &rng) == 0 { out += " " + String(Int.random(in: 1...2025, using: &rng)) }
        return out + Self.extensions.randomElement(using: &rng)!
    }
}
