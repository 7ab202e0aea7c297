import Foundation
import MojifixCore

/// Access to the golden corpus under Corpus/ (relative to the package root).
enum Corpus {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(path)))
    }

    /// Sub-folders of a corpus section, sorted.
    static func folders(_ section: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(section).path).sorted()
            .filter { !$0.hasPrefix(".") && !$0.contains(".") }
    }

    /// (case name, input, expected) for every case of `section/folder`, where `suffix` names the
    /// expected file's extension (".out" for golden, ".orig" for lossy).
    static func pairs(_ section: String, _ folder: String, suffix: String) throws -> [(name: String, input: [UInt8], expected: [UInt8])] {
        let dir = root.appendingPathComponent(section).appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            .filter { $0.hasSuffix(".in") }
            .map { file in
                let name = String(file.dropLast(3))
                return (name, [UInt8](try Data(contentsOf: dir.appendingPathComponent(file))),
                        [UInt8](try Data(contentsOf: dir.appendingPathComponent(name + suffix))))
            }
    }

    /// The clean texts that must come back unchanged: negatives and clean seeds.
    static func cleanTexts() throws -> [(name: String, bytes: [UInt8])] {
        var out: [(String, [UInt8])] = []
        for section in ["negative", "clean"] {
            let dir = root.appendingPathComponent(section)
            for file in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where !file.hasPrefix(".") {
                out.append(("\(section)/\(file)", [UInt8](try Data(contentsOf: dir.appendingPathComponent(file)))))
            }
        }
        return out
    }
}

/// Shows where two byte strings first differ, as text.
func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
    let n = zip(a, b).prefix { $0 == $1 }.count
    let lo = max(0, n - 30)
    return "at byte \(n): got \(String(decoding: a[lo..<min(a.count, n + 30)], as: UTF8.self).debugDescription)"
        + " want \(String(decoding: b[lo..<min(b.count, n + 30)], as: UTF8.self).debugDescription)"
}

/// Character-level similarity (Levenshtein ratio over scalars), like difflib's ratio in spirit.
func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
    let x = Array(String(decoding: a, as: UTF8.self).unicodeScalars), y = Array(String(decoding: b, as: UTF8.self).unicodeScalars)
    if x.isEmpty && y.isEmpty { return 1 }
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...max(1, x.count) where !x.isEmpty {
        current[0] = i
        for j in stride(from: 1, through: y.count, by: 1) {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    let distance = x.isEmpty ? y.count : previous[y.count]
    return 1 - Double(distance) / Double(max(x.count, y.count))
}
