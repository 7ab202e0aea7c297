/// One gitignore-style pattern, matched on bytes against a path relative to the folder the
/// pattern belongs to. The same rules serve `--include`/`--exclude` and `.gitignore` lines, so a
/// user has one syntax to learn: a pattern without a slash matches a name at any depth; with a
/// slash it is anchored; `*` and `?` stop at `/`, `**` crosses folders; a trailing `/` matches
/// folders only; `[a-z]`, `[!x]` and `\` escapes work as in git.
package struct PathPattern: Sendable {
    enum Token: Equatable, Sendable {
        case byte(UInt8)
        case any            // ?
        case star           // *
        case globstar       // ** (crosses folders)
        case set([ClosedRange<UInt8>], negated: Bool)
    }

    let tokens: [Token]
    let anchored: Bool
    package let directoryOnly: Bool
    package let negated: Bool

    /// Parses a pattern; nil for a blank or comment line.
    package init?(_ text: String, allowNegation: Bool = false) {
        var bytes = Array(text.utf8)
        // Trailing spaces are ignored unless escaped (git's rule).
        while bytes.last == UInt8(ascii: " "), !(bytes.count >= 2 && bytes[bytes.count - 2] == UInt8(ascii: "\\")) { bytes.removeLast() }
        guard !bytes.isEmpty, bytes[0] != UInt8(ascii: "#") else { return nil }
        var negated = false
        if allowNegation, bytes[0] == UInt8(ascii: "!") { negated = true; bytes.removeFirst() }
        var directoryOnly = false
        if bytes.last == UInt8(ascii: "/") { directoryOnly = true; bytes.removeLast() }
        guard !bytes.isEmpty else { return nil }
        var anchored = bytes.dropLast().contains(UInt8(ascii: "/"))
        if bytes.first == UInt8(ascii: "/") { bytes.removeFirst(); anchored = true }
        if bytes.starts(with: Array("**/".utf8)) { anchored = true }
        self.tokens = Self.tokenize(bytes)
        self.anchored = anchored
        self.directoryOnly = directoryOnly
        self.negated = negated
    }

    /// Whether `relative` (a path below the pattern's folder, `/`-separated, no leading slash) matches.
    package func matches(_ relative: [UInt8], isDirectory: Bool) -> Bool {
        if directoryOnly && !isDirectory { return false }
        if anchored { return Self.match(tokens[...], relative[...]) }
        // Unanchored: the pattern matches the last component.
        let name = relative.lastIndex(of: UInt8(ascii: "/")).map { relative[($0 + 1)...] } ?? relative[...]
        return Self.match(tokens[...], name)
    }

    private static func tokenize(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\") where index + 1 < bytes.count:
                tokens.append(.byte(bytes[index + 1])); index += 2
            case UInt8(ascii: "?"):
                tokens.append(.any); index += 1
            case UInt8(ascii: "*"):
                var end = index
                while end < bytes.count && bytes[end] == UInt8(ascii: "*") { end += 1 }
                // `**` is special only as a whole segment; elsewhere it is a plain star.
                let segmentStart = index == 0 || bytes[index - 1] == UInt8(ascii: "/")
                let segmentEnd = end == bytes.count || bytes[end] == UInt8(ascii: "/")
                if end - index >= 2 && segmentStart && segmentEnd {
                    tokens.append(.globstar)
                    // `**/` also matches no folder at all: swallow the slash into the globstar.
                    if end < bytes.count { end += 1 }
                } else {
                    tokens.append(.star)
                }
                index = end
            case UInt8(ascii: "["):
                if let (set, next) = parseSet(bytes, from: index) { tokens.append(set); index = next } else { tokens.append(.byte(byte)); index += 1 }
            default:
                tokens.append(.byte(byte)); index += 1
            }
        }
        return tokens
    }

    private static func parseSet(_ bytes: [UInt8], from start: Int) -> (Token, Int)? {
        var index = start + 1
        var negated = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "!") || bytes[index] == UInt8(ascii: "^") { negated = true; index += 1 }
        var ranges: [ClosedRange<UInt8>] = []
        var first = true
        while index < bytes.count {
            var low = bytes[index]
            if low == UInt8(ascii: "]") && !first { return (.set(ranges, negated: negated), index + 1) }
            first = false
            if low == UInt8(ascii: "\\"), index + 1 < bytes.count { index += 1; low = bytes[index] }
            if index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "-"), bytes[index + 2] != UInt8(ascii: "]") {
                let high = bytes[index + 2]
                if low <= high { ranges.append(low...high) }
                index += 3
            } else {
                ranges.append(low...low)
                index += 1
            }
        }
        return nil
    }

    /// Backtracking match; patterns are short, so the worst case stays small.
    private static func match(_ pattern: ArraySlice<Token>, _ text: ArraySlice<UInt8>) -> Bool {
        var p = pattern, t = text
        while let token = p.first {
            switch token {
            case .byte(let b):
                guard t.first == b else { return false }
                p.removeFirst(); t.removeFirst()
            case .any:
                guard let c = t.first, c != UInt8(ascii: "/") else { return false }
                p.removeFirst(); t.removeFirst()
            case .set(let ranges, let negated):
                guard let c = t.first, c != UInt8(ascii: "/"), ranges.contains(where: { $0.contains(c) }) != negated else { return false }
                p.removeFirst(); t.removeFirst()
            case .star:
                let rest = p.dropFirst()
                var candidate = t
                while true {
                    if match(rest, candidate) { return true }
                    guard let c = candidate.first, c != UInt8(ascii: "/") else { return false }
                    candidate.removeFirst()
                }
            case .globstar:
                let rest = p.dropFirst()
                // Followed by more pattern: it stands for zero or more whole folders.
                if rest.isEmpty { return true }
                var candidate = t
                while true {
                    if match(rest, candidate) { return true }
                    guard let slash = candidate.firstIndex(of: UInt8(ascii: "/")) else { return false }
                    candidate = candidate[(slash + 1)...]
                }
            }
        }
        return t.isEmpty
    }
}
