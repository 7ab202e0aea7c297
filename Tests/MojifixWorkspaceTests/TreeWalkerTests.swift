import Foundation
import MojifixWorkspace
import XCTest

/// The folder walk: what it takes, what it leaves out, and that names stay bytes.
final class TreeWalkerTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mojifix-walk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        _ = try? FileManager.default.removeItem(at: root)
    }

    func make(_ relative: String, _ text: String = "x\n") throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func walk(_ options: WalkOptions) -> (files: [String], problems: [String]) {
        var files: [String] = [], problems: [String] = []
        TreeWalker.walk([RawPath(root.path)], options: options) { event in
            switch event {
            case .file(let path): files.append(String(path.description.dropFirst(root.path.count + 1)))
            case .problem(let path, _): problems.append(path.description)
            case .leftOut: break
            }
        }
        return (files, problems)
    }

    func options(include: [String] = ["*.md"], exclude: [String] = [], gitignore: Bool? = false) -> WalkOptions {
        WalkOptions(include: include.compactMap { PathPattern($0) }, exclude: exclude.compactMap { PathPattern($0) }, honourGitignore: gitignore)
    }

    func testIncludeExcludeAndHiddenEntries() throws {
        for file in ["a.md", "b.txt", "drafts/c.md", "posts/d.md", ".hidden/e.md", ".f.md", "posts/g.markdown"] { try make(file) }
        XCTAssertEqual(walk(options()).files, ["a.md", "drafts/c.md", "posts/d.md"])
        XCTAssertEqual(walk(options(include: ["*.md", "*.txt"], exclude: ["drafts/"])).files, ["a.md", "b.txt", "posts/d.md"])
        XCTAssertEqual(walk(options(include: ["posts/**"])).files, ["posts/d.md", "posts/g.markdown"])
    }

    func testGitignoreFilesNestAndNegate() throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try make(".gitignore", "build/\n*.tmp.md\n/top.md\n")
        try make("posts/.gitignore", "!keep.tmp.md\nlocal.md\n")
        for file in ["top.md", "a.md", "build/x.md", "posts/top.md", "posts/x.tmp.md", "posts/keep.tmp.md", "posts/local.md"] { try make(file) }
        XCTAssertEqual(walk(options(gitignore: true)).files, ["a.md", "posts/keep.tmp.md", "posts/top.md"])
        XCTAssertEqual(walk(options()).files.count, 7)   // without the option every file is taken
    }

    /// The default (nil): .gitignore files count inside a git repository, and outside one (an
    /// unpacked archive that happens to hold a .gitignore) they do not.
    func testGitignoreByDefaultOnlyInsideARepository() throws {
        try make(".gitignore", "_site/\n")
        for file in ["a.md", "_site/b.md"] { try make(file) }
        XCTAssertEqual(walk(options(gitignore: nil)).files, ["_site/b.md", "a.md"])
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        XCTAssertEqual(walk(options(gitignore: nil)).files, ["a.md"])
        XCTAssertEqual(walk(options(gitignore: false)).files, ["_site/b.md", "a.md"])
    }

    /// What the filters leave out is reported (an excluded folder once, not entered).
    func testLeftOutEntriesAreReported() throws {
        for file in ["a.md", "b.txt", "drafts/c.md", "drafts/d.md"] { try make(file) }
        var leftOut: [String] = []
        TreeWalker.walk([RawPath(root.path)], options: options(exclude: ["drafts/"])) { event in
            if case .leftOut(let path) = event { leftOut.append(String(path.description.dropFirst(root.path.count + 1))) }
        }
        XCTAssertEqual(leftOut, ["b.txt", "drafts"])
    }

    func testGitignoreAboveTheWalkedFolderApplies() throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try make(".gitignore", "posts/old/\n")
        for file in ["posts/new/a.md", "posts/old/b.md"] { try make(file) }
        var files: [String] = []
        TreeWalker.walk([RawPath(root.appendingPathComponent("posts").path)], options: options(gitignore: true)) { event in
            if case .file(let path) = event { files.append(String(path.description.dropFirst(root.path.count + 1))) }
        }
        XCTAssertEqual(files, ["posts/new/a.md"])
    }

    func testSymlinksAreNeverFollowed() throws {
        try make("real/a.md")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link").path, withDestinationPath: "/usr/share")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("l.md").path, withDestinationPath: root.appendingPathComponent("real/a.md").path)
        XCTAssertEqual(walk(options()).files, ["real/a.md"])
    }

    func testNonUTF8NamesComeBackAsTheirBytes() throws {
        let name: [UInt8] = [0xC7, 0xD1, 0xB1, 0xDB, 0x2E, 0x6D, 0x64]   // CP949 `한글.md`
        let path = RawPath(root.path).appending(name)
        let fd = path.withCString { open($0, O_CREAT | O_WRONLY, 0o644) }
        XCTAssertGreaterThanOrEqual(fd, 0)
        close(fd)
        var found: [RawPath] = []
        TreeWalker.walk([RawPath(root.path)], options: options()) { event in
            if case .file(let path) = event { found.append(path) }
        }
        XCTAssertEqual(found.map(\.bytes), [path.bytes])
        // Every high byte of a non-UTF-8 name is escaped (D1 B1 is not shown as the `ѱ` it happens to form).
        XCTAssertEqual(found.first?.description.hasSuffix("/\\xC7\\xD1\\xB1\\xDB.md"), true)
        XCTAssertNoThrow(try AtomicFile.read(found[0]))   // the bytes open the file again
    }

    func testAMissingRootIsAProblemNotACrash() {
        var problems = 0
        TreeWalker.walk([RawPath(root.appendingPathComponent("nope").path)], options: options()) { event in
            if case .problem = event { problems += 1 }
        }
        XCTAssertEqual(problems, 1)
    }
}
