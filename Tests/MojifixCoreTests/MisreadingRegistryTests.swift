import Foundation
import XCTest
import MojifixCore

/// `Misreading.registry` is the one list of misreadings: the corpus script's list, the golden
/// pairs (garbled with Python's codecs), the file-name pairs and the README table must all follow
/// it. On a mismatch the failure message holds the text to paste.
final class MisreadingRegistryTests: XCTestCase {
    /// `Scripts/misreadings.tsv`, which `Scripts/make_corpus.py` generates the corpus from.
    static func scriptList() -> String {
        var lines = ["id\tactual\tshown\tpython_actual\tpython_shown\ttexts\tcontent\tname_rank"]
        for entry in Misreading.registry {
            let m = entry.misreading
            lines.append([entry.id, m.actual.icuName, m.shownAs.icuName, entry.pythonCodecs.actual, entry.pythonCodecs.shownAs,
                          entry.texts.rawValue, entry.content ? "yes" : "no", entry.nameRank.map(String.init) ?? "-"]
                .joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The README's table of misreadings (between its `misreadings` markers).
    static func readmeTable() -> String {
        var lines = ["| garbling | repair chain | text | documents | file names |", "| --- | --- | --- | --- | --- |"]
        for entry in Misreading.registry {
            let m = entry.misreading
            let actual = m.actual == .utf8 ? "UTF-8" : "CP949"
            let text = entry.texts == .korean ? "Korean" : "any language"
            let documents = entry.content ? (entry.languageModelOnly ? "yes (language model decides)" : "yes") : "no"
            lines.append("| \(actual) read as \(entry.label) | `\(m.repairSteps.map(\.description).joined(separator: " -> "))` "
                         + "| \(text) | \(documents) | \(entry.nameRank == nil ? "no" : "yes") |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let readmeBegin = "<!-- misreadings: generated from Misreading.registry, checked by MisreadingRegistryTests -->\n"
    static let readmeEnd = "<!-- end of misreadings -->"

    func testIdsAndMisreadingsAreUnique() {
        XCTAssertEqual(Set(Misreading.registry.map(\.id)).count, Misreading.registry.count)
        XCTAssertEqual(Set(Misreading.registry.map(\.misreading)).count, Misreading.registry.count)
        let ranks = Misreading.registry.compactMap(\.nameRank)
        XCTAssertEqual(ranks.sorted(), Array(0..<ranks.count), "name ranks are 0..<n")
    }

    func testTheCorpusScriptReadsTheRegistry() throws {
        let path = Corpus.root.deletingLastPathComponent().appendingPathComponent("Scripts/misreadings.tsv").path
        let onDisk = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(Array(onDisk.utf8) == Array(Self.scriptList().utf8),
                      "Scripts/misreadings.tsv differs from Misreading.registry; write this, then run Scripts/make_corpus.py:\n\(Self.scriptList())")
    }

    func testTheReadmeTableIsTheRegistry() throws {
        let readme = try String(contentsOfFile: Corpus.root.deletingLastPathComponent().appendingPathComponent("README.md").path,
                                encoding: .utf8)
        guard let begin = readme.range(of: Self.readmeBegin), let end = readme.range(of: Self.readmeEnd, range: begin.upperBound..<readme.endIndex) else {
            return XCTFail("README.md lacks the misreadings markers")
        }
        let table = String(readme[begin.upperBound..<end.lowerBound])
        XCTAssertTrue(Array(table.utf8) == Array(Self.readmeTable().utf8), "README table differs from the registry; paste:\n\(Self.readmeTable())")
    }

    /// Every content misreading has golden pairs made by the corpus script with Python's codecs,
    /// whose manifest names the registry's own chain (the pairs are repaired in GoldenCorpusTests).
    func testEveryDocumentMisreadingHasGoldenPairs() throws {
        let manifest = try String(decoding: Corpus.bytes("manifest.tsv"), as: UTF8.self).split(separator: "\n").map { $0.split(separator: "\t") }
        for entry in Misreading.registry where entry.content {
            let rows = manifest.filter { $0.count == 7 && $0[0] == "golden" && $0[1] == entry.id }
            let pairs = try Corpus.pairs("golden", entry.id, suffix: ".out")
            XCTAssertGreaterThanOrEqual(pairs.count, entry.texts == .korean ? 40 : 100, entry.id)
            XCTAssertEqual(rows.count, pairs.count, entry.id)
            let chain = entry.misreading.repairSteps.map { step -> String in
                switch step {
                case .encode(let c): return "encode:" + c.icuName
                case .decode(let c): return "decode:" + c.icuName
                default: return "\(step)"
                }
            }.joined(separator: ",")
            for row in rows { XCTAssertEqual(row[6].lowercased(), chain.lowercased(), "\(entry.id)/\(row[2])") }
        }
    }

    /// Names left alone on purpose: a name is held to the standard of a line repaired on its own
    /// evidence, and two accented capitals of a short German name are not enough (`√úbersicht`).
    static let nameLimits: Set<String> = ["utf8-as-macintosh/Übersicht Ä-Z.md"]

    /// Every name misreading has golden name pairs, and file-name repair gives each back,
    /// replayable and invertible.
    func testEveryNameMisreadingHasGoldenNamePairsThatAreRepaired() throws {
        let names = try FileNameRepair()
        let replayer = PlanReplayer()
        for entry in Misreading.registry where entry.nameRank != nil {
            let lines = try String(decoding: Corpus.bytes("names/\(entry.id).tsv"), as: UTF8.self).split(separator: "\n").dropFirst()
            XCTAssertGreaterThanOrEqual(lines.count, 2, entry.id)
            for line in lines {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                let garbled = Array(fields[0].utf8), expected = Array(fields[1].utf8)
                if Self.nameLimits.contains("\(entry.id)/\(fields[1])") { continue }
                guard let proposal = names.repair(garbled) else { XCTFail("\(entry.id): \(fields[0]) not repaired"); continue }
                XCTAssertEqual(proposal.repaired, expected, "\(entry.id): \(fields[0])")
                XCTAssertEqual(try replayer.replay(proposal.plan, on: garbled), proposal.repaired, "\(entry.id): replay")
                XCTAssertEqual(try replayer.invert(proposal.plan, on: proposal.repaired), garbled, "\(entry.id): inverse")
            }
        }
    }
}
