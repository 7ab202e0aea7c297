import Foundation
import MojifixTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `fix` killed with SIGKILL at random moments over a large folder: every file is either its
/// original or its fully fixed version, the next run removes the killed writer's temporary files,
/// and `undo` gives back the original tree.
final class KillTests: XCTestCase {
    /// 240 files: small garbled cases, large garbled posts (17-100 KB), clean posts, unnormalised
    /// notes, binaries named .md and other binaries, in nested folders.
    func makeLargeFolder(_ posts: URL) throws {
        let fm = FileManager.default
        var cases: [String] = []
        for chain in ["utf8-as-macintosh", "utf8-as-windows-1252", "cp949-as-windows-1252", "raw-windows-949", "raw-utf-16le-bom"] {
            cases += try Fixtures.files(in: "Corpus/golden/\(chain)", suffix: ".in").prefix(30)
        }
        let garbled = try Fixtures.bytes("Corpus/seeds/002.garbled.md")
        var generator = SeededGenerator(seed: 42)
        for index in 0..<240 {
            let folder = posts.appendingPathComponent("part\(index % 7)/\(index % 3 == 0 ? "deep/" : "")")
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            let bytes: [UInt8]
            let name: String
            switch index % 10 {
            case 0, 1, 2, 3: bytes = try Fixtures.bytes(cases[index % cases.count]); name = "case\(index).md"
            case 4 where index % 20 == 4: bytes = Array([[UInt8]](repeating: garbled, count: 1 + index % 6).joined()); name = "big\(index).md"
            case 4: bytes = garbled; name = "post\(index).md"
            case 5, 6: bytes = try Fixtures.bytes("Corpus/markdown/seed-00\([0, 1, 3, 4][index % 4]).out.md"); name = "clean\(index).md"
            case 7, 8: bytes = Array("# Note \(index)\n\n본문   \n\n\n\nend".utf8); name = "note\(index).md"
            default:
                bytes = (0..<(4096 + index * 37)).map { _ in UInt8(generator.unit() * 256) } + [0]
                name = index % 20 == 9 ? "blob\(index).md" : "image\(index).png"
            }
            try Data(bytes).write(to: folder.appendingPathComponent(name))
        }
    }

    func contents(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: root.path)! {
            let url = root.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    func isTemporary(_ path: String) -> Bool { (path as NSString).lastPathComponent.contains(".mojifix-") }

    func journalRuns(_ directory: URL) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(".mojifix/journal").path)) ?? [])
            .filter { $0.hasSuffix(".jsonl") }.count
    }

    /// Undoes every run still in the journal, newest first; the tree must then be the original.
    func undoAll(_ directory: URL, iteration: Int) throws -> String {
        var out = ""
        while journalRuns(directory) > 0 {
            let undo = try CLIRunner.run(["undo"], directory: directory)
            XCTAssertEqual(undo.exitCode, 0, "iteration \(iteration): \(undo.summary)")
            if undo.exitCode != 0 { break }
            out += String(decoding: undo.stdout, as: UTF8.self)
        }
        return out
    }

    func testSIGKILLAtRandomMomentsNeverLeavesAHalfWrittenFile() throws {
        let binary = try CLIRunner.binary()
        let directory = try Fixtures.temporaryDirectory(for: self)
        let posts = directory.appendingPathComponent("posts")
        try makeLargeFolder(posts)
        let original = try contents(posts)
        let originalDigest = try TreeDigest.of(posts)

        // The fully fixed tree, from a run on a copy, and how long such a run takes.
        let reference = directory.appendingPathComponent("reference")
        try FileManager.default.copyItem(at: posts, to: reference.appendingPathComponent("posts"))
        let started = Date()
        let full = try CLIRunner.run(["fix", "posts"], directory: reference)
        let duration = Date().timeIntervalSince(started)
        XCTAssertEqual(full.exitCode, 1, full.summary)
        let fixed = try contents(reference.appendingPathComponent("posts"))
        let changing = original.keys.filter { original[$0] != fixed[$0] }.count
        XCTAssertGreaterThan(changing, 120, "the folder must give fix plenty to write")

        var generator = SeededGenerator(seed: 0x5EED_4B11)
        var partial = 0, temporaries = 0, alreadyOriginal = 0
        var resumeTime = 0.0, undoTime = 0.0
        let iterations = 15
        for iteration in 0..<iterations {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["fix", "posts"]
            process.currentDirectoryURL = directory
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // A run reads and weighs every file before its first group is written: kills in its
            // first fifth land before any write and prove little, so the moments start there.
            Thread.sleep(forTimeInterval: (0.2 + 0.8 * generator.unit()) * duration)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            // Every file whole: its original bytes or its fully fixed bytes, never a mix or a prefix.
            let now = try contents(posts)
            var fixedCount = 0
            for (path, bytes) in now {
                if isTemporary(path) { temporaries += 1; continue }
                guard let before = original[path], let after = fixed[path] else {
                    XCTFail("iteration \(iteration): unexpected file \(path)"); continue
                }
                if bytes == after && before != after { fixedCount += 1 }
                XCTAssertTrue(bytes == before || bytes == after,
                              "iteration \(iteration): \(path) is neither original (\(before.count) B) nor fixed (\(after.count) B): \(bytes.count) B")
            }
            XCTAssertEqual(Set(now.keys.filter { !isTemporary($0) }), Set(original.keys), "iteration \(iteration): a file went missing")
            if fixedCount > 0 && fixedCount < changing { partial += 1 }

            // The next run, undo at once or (every fourth time) fix to the end first, clears the
            // killed writer's temporary files; undo then restores the original tree.
            var mark = Date()
            if iteration % 4 == 3 {
                let rest = try CLIRunner.run(["fix", "posts"], directory: directory)
                XCTAssertNotEqual(rest.exitCode, 2, "iteration \(iteration): \(rest.summary)")
                let completed = try contents(posts)
                XCTAssertEqual(completed.filter { !isTemporary($0.key) }, fixed, "iteration \(iteration): the resumed run differs")
                XCTAssertFalse(completed.keys.contains(where: isTemporary), "iteration \(iteration): temporary files left after the next fix")
            }
            resumeTime += Date().timeIntervalSince(mark); mark = Date()
            let undone = try undoAll(directory, iteration: iteration)
            undoTime += Date().timeIntervalSince(mark)
            alreadyOriginal += undone.components(separatedBy: "already original ").count - 1
            let digest = try TreeDigest.of(posts)
            XCTAssertFalse(digest.keys.contains(where: isTemporary), "iteration \(iteration): temporary files left after undo")
            XCTAssertEqual(digest, originalDigest, "iteration \(iteration): not restored\n" + TreeDigest.differences(digest, originalDigest))
            if digest != originalDigest { break }
        }
        print("KillTests: \(original.count) files (\(changing) to fix), full run \(String(format: "%.2f", duration)) s; "
              + "\(iterations) kills: \(partial) mid-run, \(temporaries) temporary files left, "
              + "\(alreadyOriginal) journaled files found still original by undo; resumed fixes \(String(format: "%.1f", resumeTime)) s, "
              + "undo \(String(format: "%.1f", undoTime)) s")
        XCTAssertGreaterThan(partial, iterations / 4, "too few kills landed in the middle of a run to prove anything")
    }

    /// Runs `fix` (journal in `journal`, when given) on a copy of the large folder in `directory`
    /// and the fully fixed contents of each file.
    func referenceFix(_ directory: URL, _ posts: URL) throws -> (fixed: [String: Data], seconds: Double) {
        let reference = directory.appendingPathComponent("reference")
        try FileManager.default.copyItem(at: posts, to: reference.appendingPathComponent("posts"))
        let started = Date()
        XCTAssertEqual(try CLIRunner.run(["fix", "posts"], directory: reference).exitCode, 1)
        return (try contents(reference.appendingPathComponent("posts")), Date().timeIntervalSince(started))
    }

    /// Every file whole (original or fixed), none missing, no temporary file left.
    func assertWhole(_ posts: URL, _ original: [String: Data], _ fixed: [String: Data], _ trial: String) throws {
        let now = try contents(posts)
        XCTAssertEqual(Set(now.keys), Set(original.keys), "\(trial): files went missing or temporary files were left")
        for (path, bytes) in now where bytes != original[path] && bytes != fixed[path] {
            XCTFail("\(trial): \(path) is neither original nor fixed (\(bytes.count) B)")
        }
    }

    func mount(_ folder: URL, size: Int) throws -> Bool {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try CLIRunner.runProcess(URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", folder.path],
                                        directory: folder.deletingLastPathComponent()).exitCode == 0
    }

    func unmount(_ folder: URL) {
        _ = try? CLIRunner.runProcess(URL(fileURLWithPath: "/bin/umount"), [folder.path], directory: folder.deletingLastPathComponent())
    }

    /// Disk full (small tmpfs mounts, as root): the journal's disk fills up mid-run, or the tree's.
    /// No file is ever half written or lost, a failed group is not replaced, the journal holds whole
    /// lines only, and undo (once there is room) restores the original tree.
    func testDiskFullTrialsNeverLoseAByte() throws {
        guard geteuid() == 0 else { throw XCTSkip("small tmpfs mounts need root") }
        let directory = try Fixtures.temporaryDirectory(for: self)
        let source = directory.appendingPathComponent("source")
        try makeLargeFolder(source)
        let original = try contents(source)
        let fixed = try referenceFix(directory, source).fixed
        let treeBytes = original.values.reduce(0) { $0 + $1.count }
        var generator = SeededGenerator(seed: 0xD15C_F011)
        var failedRuns = 0
        let trials = 4
        for trial in 0..<trials {
            let small = directory.appendingPathComponent("small\(trial)")
            let journalFull = trial % 2 == 0
            // The journal alone: a fraction of the originals; the tree: the files plus some room to stage.
            let size = journalFull ? 64 << 10 + Int(generator.unit() * Double(treeBytes)) : treeBytes + 256 << 10 + Int(generator.unit() * Double(treeBytes))
            guard try mount(small, size: size) else { throw XCTSkip("cannot mount a tmpfs here") }
            defer { unmount(small) }
            let posts = journalFull ? directory.appendingPathComponent("posts\(trial)") : small.appendingPathComponent("posts")
            try FileManager.default.copyItem(at: source, to: posts)
            let journal = journalFull ? small.appendingPathComponent("journal").path : directory.appendingPathComponent("journal\(trial)").path
            let fix = try CLIRunner.run(["fix", "--journal", journal, posts.lastPathComponent], directory: posts.deletingLastPathComponent())
            XCTAssertTrue([1, 2].contains(fix.exitCode), "trial \(trial): \(fix.summary)")
            if fix.exitCode == 2 { failedRuns += 1 }
            try assertWhole(posts, original, fixed, "trial \(trial) (\(journalFull ? "journal" : "tree") disk of \(size) B)")
            if !journalFull {
                XCTAssertEqual(try CLIRunner.runProcess(URL(fileURLWithPath: "/bin/mount"), ["-o", "remount,size=\(4 * treeBytes + (1 << 20))", small.path],
                                                        directory: directory).exitCode, 0)
            }
            let undo = try CLIRunner.run(["undo", "--all", "--journal", journal], directory: posts.deletingLastPathComponent())
            XCTAssertTrue(undo.exitCode == 0 || (undo.exitCode == 2 && undo.stderr.contains("nothing to undo")), "trial \(trial): \(undo.summary)")
            XCTAssertEqual(try contents(posts), original, "trial \(trial): undo did not restore the tree")
        }
        print("KillTests: disk full: \(trials) trials, \(failedRuns) ran out of space mid-run (exit 2), every file whole, undo restored each")
        XCTAssertGreaterThan(failedRuns, 0, "no trial ran out of space: the sizes prove nothing")
    }

    /// Files edited (in place, as an editor saves) while `fix` runs: an edit is never overwritten,
    /// the run reports the files it left alone (exit 2), every other file is whole, and undo
    /// restores every file but the edited ones.
    func testEditsSavedDuringARunAreNeverOverwritten() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let posts = directory.appendingPathComponent("posts")
        try makeLargeFolder(posts)
        let original = try contents(posts)
        let (fixed, duration) = try referenceFix(directory, posts)
        let changing = original.keys.filter { original[$0] != fixed[$0] }.sorted()
        var generator = SeededGenerator(seed: 0xED17)
        var leftAlone = 0
        for trial in 0..<3 {
            let chosen = (0..<12).map { _ in changing[Int(generator.unit() * Double(changing.count))] }
            // Spread over the run: most edits land between a file's read and its rename.
            let delays = chosen.map { _ in generator.unit() * duration / Double(chosen.count) }
            @Sendable func edit(_ index: Int) -> Data { Data("edited \(trial) \(index)\n".utf8) }
            let edits = Dictionary(chosen.enumerated().map { ($1, edit($0)) }, uniquingKeysWith: { $1 })
            let editor = Thread {
                for (index, path) in chosen.enumerated() {
                    Thread.sleep(forTimeInterval: delays[index])
                    try? edit(index).write(to: posts.appendingPathComponent(path))
                }
            }
            let process = Process()
            process.executableURL = try CLIRunner.binary()
            process.arguments = ["fix", "posts"]
            process.currentDirectoryURL = directory
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            editor.start()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            while editor.isExecuting { usleep(1000) }
            XCTAssertTrue([1, 2].contains(process.terminationStatus), "trial \(trial): \(stderr)")
            leftAlone += stderr.components(separatedBy: "changed while mojifix ran; left alone").count - 1
            let now = try contents(posts)
            for (path, edit) in edits { XCTAssertEqual(now[path], edit, "trial \(trial): the edit of \(path) was overwritten") }
            for (path, bytes) in now where edits[path] == nil {
                XCTAssertTrue(bytes == original[path] || bytes == fixed[path], "trial \(trial): \(path) is neither original nor fixed")
            }
            // Undo: every file but the edited ones comes back (those are refused, keeping the edit).
            _ = try CLIRunner.run(["undo", "--all"], directory: directory)
            let undone = try contents(posts)
            for (path, bytes) in undone { XCTAssertEqual(bytes, edits[path] ?? original[path], "trial \(trial): \(path) after undo") }
            for (path, _) in edits { try original[path]!.write(to: posts.appendingPathComponent(path)) }
            _ = try CLIRunner.run(["journal", "prune", "--older-than", "0"], directory: directory)
        }
        print("KillTests: concurrent edits: 36 edits, \(leftAlone) caught between read and rename (left alone, exit 2)")
        XCTAssertGreaterThan(leftAlone, 0, "no edit landed between a read and its rename: the trials prove nothing")
    }
}
