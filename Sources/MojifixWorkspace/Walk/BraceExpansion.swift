/// Shell-style brace alternatives in `--include`/`--exclude` globs: `*.{md,txt}` stands for
/// `*.md` and `*.txt`, as users type it in a shell (gitignore syntax itself has no braces, so
/// `.gitignore` lines are never expanded). Nested groups expand too; a `\{`, a group without a
/// comma and an unclosed `{` stay literal.
package enum BraceExpansion {
    package static func expand(_ glob: String) -> [String] {
        let bytes = Array(glob.utf8)
        guard let (open, close, commas) = firstGroup(bytes) else { return [glob] }
        let prefix = bytes[..<open], suffix = bytes[(close + 1)...]
        var alternatives: [ArraySlice<UInt8>] = [], start = open + 1
        for comma in commas + [close] {
            alternatives.append(bytes[start..<comma]); start = comma + 1
        }
        return alternatives.flatMap { alternative in
            expand(String(decoding: prefix + alternative + suffix, as: UTF8.self))
        }
    }

    /// The first `{…}` holding a comma at its own depth: its bounds and those commas.
    private static func firstGroup(_ bytes: [UInt8]) -> (Int, Int, [Int])? {
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2; continue
            case UInt8(ascii: "{"):
                if let (close, commas) = group(bytes, from: index), !commas.isEmpty { return (index, close, commas) }
            default: break
            }
            index += 1
        }
        return nil
    }

    private static func group(_ bytes: [UInt8], from open: Int) -> (Int, [Int])? {
        var depth = 0, commas: [Int] = [], index = open
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 1
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return (index, commas) }
            case UInt8(ascii: ",") where depth == 1: commas.append(index)
            default: break
            }
            index += 1
        }
        return nil
    }
}
