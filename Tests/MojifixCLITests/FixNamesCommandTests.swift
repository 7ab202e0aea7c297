import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `fix --names` through the binary, on trees whose garbled names Python's codecs write (an
/// oracle independent of ICU): the dry run changes nothing, --apply renames exactly the garbled
/// names, and `undo` gives back every name and every byte.
final class FixNamesCommandTests: XCTestCase {
    /// One path component: how Python garbles `name`, and whether mojifix must rename it.
    struct Component {
        var garbling: String
        var name: String
        var renamed: Bool

        static func clean(_ name: String) -> Component { Component(garbling: "clean", name: name, renamed: false) }
        static func garbled(_ garbling: String, _ name: String, renamed: Bool = true) -> Component {
            Component(garbling: garbling, name: name, renamed: renamed)
        }
    }

    enum Kind { case file(String), folder, symlink(String) }

    struct Node {
        var path: [Component]
        var kind: Kind
    }

    /// The plan each garbling is repaired by.
    static let plans = [
        "raw-cp949": "decode windows-949", "cp949-cp437": "encode ibm-437 -> decode windows-949",
        "cp949-latin1": "encode ISO-8859-1 -> decode windows-949", "utf8-mac": "encode macintosh -> decode UTF-8",
        "utf8-cp1252": "encode windows-1252 -> decode UTF-8", "utf8-cp437": "encode ibm-437 -> decode UTF-8",
        "nfd": "normalize NFC",
    ]

    /// Creates the nodes under `root` with Python (folders first, in order).
    static let makeTree = #"""
    import json, os, sys, unicodedata
    UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}  # windows-1252 shows them as C1 controls, as ICU and browsers do
    GARBLE = {
        "clean": lambda n: n.encode(),
        "raw-cp949": lambda n: n.encode("cp949"),
        "cp949-cp437": lambda n: n.encode("cp949").decode("cp437").encode(),
        "cp949-latin1": lambda n: n.encode("cp949").decode("latin-1").encode(),
        "utf8-mac": lambda n: n.encode().decode("mac_roman").encode(),
        "utf8-cp1252": lambda n: "".join(chr(b) if b in UNDEFINED else bytes([b]).decode("cp1252") for b in n.encode()).encode(),
        "utf8-cp437": lambda n: n.encode().decode("cp437").encode(),
        "nfd": lambda n: unicodedata.normalize("NFD", n).encode(),
    }
    root = sys.argv[1].encode()
    for node in json.load(sys.stdin):
        path = os.path.join(root, *[GARBLE[g](n) for g, n in node["path"]])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if node["kind"] == "folder": os.makedirs(path, exist_ok=True)
        elif node["kind"] == "symlink": os.symlink(node["target"].encode(), path)
        else:
            with open(path, "wb") as f: f.write(node["content"].encode())
    """#

    private func build(_ nodes: [Node], in root: URL) throws {
        let spec: [[String: Any]] = nodes.map { node in
            var entry: [String: Any] = ["path": node.path.map { [$0.garbling, $0.name] }]
            switch node.kind {
            case .file(let content): entry["kind"] = "file"; entry["content"] = content
            case .folder: entry["kind"] = "folder"
            case .symlink(let target): entry["kind"] = "symlink"; entry["target"] = target
            }
            return entry
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.makeTree, root.path]
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: spec))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "python3 could not build the tree")
    }

    /// Every entry under `root` by its raw relative path: "d" for a folder, "f" + bytes for a
    /// file, "l" + target for a symlink (hidden entries included, the journal folder left out).
    /// Paths go to Glibc as raw bytes, never through a String.
    static func snapshot(_ root: URL) -> [[UInt8]: [UInt8]] {
        var result: [[UInt8]: [UInt8]] = [:]
        let base = Array(root.path.utf8)
        func walk(_ relative: [UInt8]) {
            let folder = relative.isEmpty ? base : base + [0x2F] + relative
            guard let dir = opendir(cPath(folder)) else { return }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
                if name == [0x2E] || name == [0x2E, 0x2E] || (relative.isEmpty && name == Array(".mojifix".utf8)) { continue }
                let path = relative.isEmpty ? name : relative + [0x2F] + name
                let full = cPath(folder + [0x2F] + name)
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    result[path] = Array("d".utf8)
                    walk(path)
                case S_IFLNK:
                    var target = [CChar](repeating: 0, count: 4096)
                    let n = readlink(full, &target, target.count)
                    result[path] = Array("l".utf8) + target.prefix(max(0, n)).map { UInt8(bitPattern: $0) }
                default:
                    result[path] = Array("f".utf8) + readAll(full)
                }
            }
        }
        walk([])
        return result
    }

    private static func cPath(_ bytes: [UInt8]) -> [CChar] { bytes.map { CChar(bitPattern: $0) } + [0] }

    private static func readAll(_ path: [CChar]) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { return bytes }
            bytes += buffer[0..<n]
        }
    }

    /// The snapshot `--apply` must leave: the same nodes built with every component mojifix
    /// renames written clean.
    private func expectedAfterApply(_ nodes: [Node]) throws -> [[UInt8]: [UInt8]] {
        let scratch = try Fixtures.temporaryDirectory(for: self)
        try build(nodes.map { Node(path: $0.path.map { $0.renamed ? .clean($0.name) : $0 }, kind: $0.kind) }, in: scratch)
        return Self.snapshot(scratch)
    }

    /// The "(new name, plan)" of every `would rename` / `renamed` line.
    private func renames(_ result: CLIResult, verb: String) -> [String] {
        String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").compactMap { line in
            // "VERB OLD -> NEW  (PLAN)": the plan has arrows of its own.
            guard line.hasPrefix(verb + " "), let plan = line.range(of: "  (", options: .backwards),
                  let arrow = line[..<plan.lowerBound].range(of: " -> ", options: .backwards) else { return nil }
            return String(line[arrow.upperBound...])
        }.sorted()
    }

    private func expectedRenames(_ nodes: [Node]) -> [String] {
        var seen = Set<[String]>()
        var out: [String] = []
        for node in nodes {
            for depth in node.path.indices where node.path[depth].renamed {
                let key = node.path[...depth].map { $0.garbling + "|" + $0.name }
                if seen.insert(key).inserted {
                    out.append("\(node.path[depth].name)  (\(Self.plans[node.path[depth].garbling]!))")
                }
            }
        }
        return out.sorted()
    }

    // MARK: The tree of every case

    /// Garbled names of every kind, nested garbled folders, clean names in many languages, a
    /// hidden folder, a symlink to a garbled folder (its name is repaired, it is not followed).
    static let everyCase: [Node] = {
        var nodes: [Node] = []
        let garblings = ["raw-cp949", "cp949-cp437", "cp949-latin1", "utf8-mac", "utf8-cp1252", "utf8-cp437", "nfd"]
        let words = ["한글 문서", "회의록", "보고서_최종", "사진 2024", "프로젝트 계획", "정산 자료", "일간"]
        for (garbling, word) in zip(garblings, words) {
            nodes.append(Node(path: [.garbled(garbling, word + ".txt")], kind: .file("\(garbling) file\n")))
        }
        // Nested: garbled folders inside garbled folders, files of other garblings inside.
        let outer = Component.garbled("raw-cp949", "자료실"), inner = Component.garbled("cp949-cp437", "발표")
        nodes.append(Node(path: [outer], kind: .folder))
        nodes.append(Node(path: [outer, inner], kind: .folder))
        nodes.append(Node(path: [outer, .garbled("utf8-mac", "설명서.md")], kind: .file("outer\n")))
        nodes.append(Node(path: [outer, inner, .garbled("raw-cp949", "슬라이드.pptx")], kind: .file("deep\n")))
        nodes.append(Node(path: [outer, inner, .garbled("nfd", "메모.md")], kind: .file("nfd deep\n")))
        nodes.append(Node(path: [outer, inner, .clean("notes.md")], kind: .file("clean deep\n")))
        // Clean names in many languages and scripts: never touched.
        for name in ["café.md", "naïve.txt", "Größe.txt", "Ærøskøbing.pdf", "São Paulo.jpg", "ÉCOLE.pdf", "Zürich–Bern.txt",
                     "Ελληνικά.txt", "Русский.txt", "日本語.txt", "中文.txt", "한글.txt", "🚀 launch.md", "ㅋㅋㅋ.txt", "README"] {
            nodes.append(Node(path: [.clean(name)], kind: .file("clean \(name)\n")))
        }
        // Hidden: not walked, not renamed.
        nodes.append(Node(path: [.clean(".hidden")], kind: .folder))
        nodes.append(Node(path: [.clean(".hidden"), .garbled("raw-cp949", "숨김.txt", renamed: false)], kind: .file("hidden\n")))
        // A symlink with a garbled name pointing at a folder: renamed, never followed.
        nodes.append(Node(path: [.garbled("raw-cp949", "바로가기")], kind: .symlink("/tmp")))
        return nodes
    }()

    func testDryRunListsEveryRenameAndChangesNothing() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let tree = directory.appendingPathComponent("tree")
        try build(Self.everyCase, in: tree)
        let before = Self.snapshot(tree)
        let result = try CLIRunner.run(["fix", "--names", "tree"], directory: directory)
        XCTAssertEqual(result.exitCode, 1, result.summary)  // something would be renamed
        XCTAssertEqual(renames(result, verb: "would rename"), expectedRenames(Self.everyCase))
        // Raw bytes are shown escaped, never as U+FFFD.
        XCTAssertTrue(String(decoding: result.stdout, as: UTF8.self).contains("would rename tree/\\xC7\\xD1\\xB1\\xDB \\xB9\\xAE\\xBC\\xAD.txt -> 한글 문서.txt  (decode windows-949)"),
                      String(decoding: result.stdout, as: UTF8.self))
        XCTAssertFalse(String(decoding: result.stdout, as: UTF8.self).unicodeScalars.contains("\u{FFFD}"))
        XCTAssertTrue(result.stderr.contains("would be renamed; rename with --apply"), result.stderr)
        XCTAssertEqual(Self.snapshot(tree), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent(".mojifix").path))
    }

    func testApplyRenamesExactlyTheGarbledNamesAndUndoRestoresEveryNameAndByte() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let tree = directory.appendingPathComponent("tree")
        try build(Self.everyCase, in: tree)
        let before = Self.snapshot(tree)

        let apply = try CLIRunner.run(["fix", "--names", "--apply", "tree"], directory: directory)
        XCTAssertEqual(apply.exitCode, 1, apply.summary)
        XCTAssertEqual(renames(apply, verb: "renamed"), expectedRenames(Self.everyCase))
        XCTAssertEqual(Self.snapshot(tree), try expectedAfterApply(Self.everyCase))
        XCTAssertTrue(apply.stderr.contains("/.mojifix/journal/"), apply.stderr)   // at the repository root

        let again = try CLIRunner.run(["fix", "--names", "tree"], directory: directory)
        XCTAssertEqual(again.exitCode, 0, again.summary)  // nothing left to rename
        XCTAssertEqual(again.stdout, [])

        let undo = try CLIRunner.run(["undo"], directory: directory)
        XCTAssertEqual(undo.exitCode, 0, undo.summary)
        XCTAssertEqual(Self.snapshot(tree), before)
    }

    /// The acceptance test: an archive of 5,000 files in 50 folders (some inside others), every
    /// name garbled one of seven ways, is cleaned and fully restored by `undo`.
    func testAnArchiveOfFiveThousandGarbledNamesIsCleanedAndRestored() throws {
        let words = ["회의록", "보고서", "사진", "계약서", "견적서", "발표자료", "일정표", "정산", "기획안", "참고문헌",
                     "설문조사", "공지사항", "업무일지", "예산안", "결과보고", "교육자료", "프로젝트", "디자인", "영수증", "초안"]
        let garblings = ["raw-cp949", "cp949-cp437", "cp949-latin1", "utf8-mac", "utf8-cp1252", "utf8-cp437", "nfd"]
        var nodes: [Node] = []
        var folders: [[Component]] = []
        for k in 0..<50 {
            let name = Component.garbled(garblings[k % garblings.count], "\(words[k % words.count]) 폴더 \(k)")
            folders.append(k >= 40 ? folders[k - 40] + [name] : [name])  // the last ten inside the first ten
            nodes.append(Node(path: folders[k], kind: .folder))
            for i in 0..<100 {
                let file = Component.garbled(garblings[(k + i) % garblings.count], "\(words[(k * 7 + i) % words.count]) \(i).txt")
                nodes.append(Node(path: folders[k] + [file], kind: .file("\(k)/\(i)\n")))
            }
        }
        let directory = try Fixtures.temporaryDirectory(for: self)
        let archive = directory.appendingPathComponent("archive")
        try build(nodes, in: archive)
        let before = Self.snapshot(archive)
        XCTAssertEqual(before.count, 5_050)

        let apply = try CLIRunner.run(["fix", "--names", "--apply", "archive"], directory: directory, timeout: 300)
        XCTAssertEqual(apply.exitCode, 1, apply.summary)
        XCTAssertEqual(renames(apply, verb: "renamed").count, 5_050)
        XCTAssertEqual(Self.snapshot(archive), try expectedAfterApply(nodes))
        XCTAssertEqual(try CLIRunner.run(["fix", "--names", "archive"], directory: directory, timeout: 300).exitCode, 0)

        let undo = try CLIRunner.run(["undo"], directory: directory, timeout: 300)
        XCTAssertEqual(undo.exitCode, 0, undo.summary)
        XCTAssertEqual(Self.snapshot(archive), before)  // every name and every byte
    }

    // MARK: Collisions

    func testNamesThatCollideAreNotRenamed() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let nodes = [
            // The repaired name exists already.
            Node(path: [.garbled("raw-cp949", "자료.txt", renamed: false)], kind: .file("garbled\n")),
            Node(path: [.clean("자료.txt")], kind: .file("existing\n")),
            // Two garbled names that repair to the same name: neither is renamed.
            Node(path: [.garbled("raw-cp949", "회의.txt", renamed: false)], kind: .file("one\n")),
            Node(path: [.garbled("cp949-cp437", "회의.txt", renamed: false)], kind: .file("two\n")),
            // Unrelated: still renamed.
            Node(path: [.garbled("utf8-mac", "일간.md")], kind: .file("three\n")),
        ]
        try build(nodes, in: directory.appendingPathComponent("tree"))
        let result = try CLIRunner.run(["fix", "--names", "--apply", "tree"], directory: directory)
        XCTAssertEqual(result.exitCode, 2, result.summary)
        XCTAssertEqual(renames(result, verb: "renamed"), ["일간.md  (encode macintosh -> decode UTF-8)"])
        XCTAssertTrue(result.stderr.contains("tree/\\xC0\\xDA\\xB7\\xE1.txt -> 자료.txt: 자료.txt already exists; not renamed"), result.stderr)
        XCTAssertTrue(result.stderr.contains("would all become 회의.txt; none renamed"), result.stderr)
        XCTAssertEqual(Self.snapshot(directory.appendingPathComponent("tree")), try expectedAfterApply(nodes))
    }

    func testUndoRefusesWhenTheNewNameIsGoneOrTheOldNameIsTaken() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let tree = directory.appendingPathComponent("tree")
        try build([Node(path: [.garbled("raw-cp949", "가나.txt")], kind: .file("a\n")),
                   Node(path: [.garbled("cp949-cp437", "다라.txt")], kind: .file("b\n")),
                   Node(path: [.garbled("utf8-mac", "마바.txt")], kind: .file("c\n"))], in: tree)
        let before = Self.snapshot(tree)
        XCTAssertEqual(try CLIRunner.run(["fix", "--names", "--apply", "tree"], directory: directory).exitCode, 1)
        // One renamed file is gone, and another's old name is taken by a new file.
        try FileManager.default.removeItem(at: tree.appendingPathComponent("가나.txt"))
        // 다라.txt shown as CP437: the one old name that starts with box drawing.
        let oldName = before.keys.first { key in
            String(validating: key, as: UTF8.self)?.unicodeScalars.first.map { (0x2500...0x259F).contains($0.value) } == true
        }!
        XCTAssertEqual(open(Self.cPath(Array(tree.path.utf8) + [0x2F] + oldName), O_CREAT | O_WRONLY, 0o644) >= 0, true)

        let undo = try CLIRunner.run(["undo"], directory: directory)
        XCTAssertEqual(undo.exitCode, 2, undo.summary)
        XCTAssertTrue(undo.stderr.contains("가나.txt: no longer exists; not renamed back"), undo.stderr)
        XCTAssertTrue(undo.stderr.contains("the old name is taken; 다라.txt not renamed back"), undo.stderr)
        XCTAssertTrue(String(decoding: undo.stdout, as: UTF8.self).contains("renamed back "), undo.summary)  // 마바 was
        // The run stays undoable: once the blocker is gone, undo finishes the job.
        unlink(Self.cPath(Array(tree.path.utf8) + [0x2F] + oldName))
        try Data("a\n".utf8).write(to: tree.appendingPathComponent("가나.txt"))
        let retry = try CLIRunner.run(["undo"], directory: directory)
        XCTAssertEqual(retry.exitCode, 2, retry.summary)  // 가나.txt is a new file now: not the renamed entry
        XCTAssertTrue(retry.stderr.contains("가나.txt: not the entry that was renamed"), retry.stderr)
        XCTAssertTrue(String(decoding: retry.stdout, as: UTF8.self).contains("다라.txt -> "), retry.summary)  // unblocked now
    }

    // MARK: Command line

    func testUsageErrors() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        for arguments in [["fix", "--apply", "."], ["fix", "--names", "-"], ["fix", "--names", "--stdout", "a"],
                          ["fix", "--names", "--apply", "--dry-run", "."], ["fix", "--names", "--from", "cp949", "."],
                          ["rename", "--apply", "--diff", "."], ["rename", "-"]] {
            let result = try CLIRunner.run(arguments, directory: directory)
            XCTAssertEqual(result.exitCode, 64, result.summary)
            XCTAssertTrue(result.stderr.hasPrefix("mojifix: error: "), result.summary)
        }
        let help = try CLIRunner.run(["rename", "--help"], directory: directory)
        XCTAssertTrue(help.stdout.count > 0 && String(decoding: help.stdout, as: UTF8.self).contains("unrecoverable"))
    }

    /// `fix --names *` renames what `*` matched, folders included (and what they hold).
    func testFilesAndFoldersGivenByTheirRawNamesAreRenamed() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        try build([Node(path: [.garbled("raw-cp949", "문서함")], kind: .folder),
                   Node(path: [.garbled("raw-cp949", "문서함", renamed: false), .garbled("raw-cp949", "편지.txt")], kind: .file("x\n")),
                   Node(path: [.garbled("raw-cp949", "단독.txt")], kind: .file("y\n"))], in: directory)
        // The shell passes the raw bytes; Swift's own argv decoding would have replaced them.
        let binary = try CLIRunner.binary()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\"$0\" fix --names --apply * >/dev/null 2>&1", binary.path]
        process.currentDirectoryURL = directory
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        let names = Set(Self.snapshot(directory).keys.map { String(decoding: $0, as: UTF8.self) })
        XCTAssertEqual(names, ["단독.txt", "문서함", "문서함/편지.txt"])
    }

    func testContentJournalLinesKeepTheirFormat() throws {
        // Lines written before renames existed have no "kind"; a content line is written the same way still.
        let directory = try Fixtures.temporaryDirectory(for: self)
        try Data("# T\n\ntext   \n".utf8).write(to: directory.appendingPathComponent("a.md"))
        XCTAssertEqual(try CLIRunner.run(["fix", "a.md"], directory: directory).exitCode, 1)
        let journal = directory.appendingPathComponent(".mojifix/journal")
        let run = try FileManager.default.contentsOfDirectory(atPath: journal.path).first { $0.hasSuffix(".jsonl") }!
        let lines = try Data(contentsOf: journal.appendingPathComponent(run)).split(separator: 0x0A)
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0)) as! [String: Any] }
        // The run first records its root (paths are relative to it), where it stages temporary files, then the content line.
        XCTAssertEqual(objects.map { Set($0.keys) }, [["kind", "root_base64", "mac"], ["kind", "folder_base64"], ["path", "mode", "sha256_before", "sha256_after", "original_base64"]])
        XCTAssertEqual(objects[2]["path"] as? String, "a.md")
        XCTAssertEqual(try CLIRunner.run(["undo"], directory: directory).exitCode, 0)
    }
}
