import Glibc
import MojifixCore
import MojifixWorkspace

/// `--from` values of a batch: `CHARSET` for every file, or `GLOB=CHARSET` for the files whose
/// path (or, for a pattern without `/`, whose name) matches the shell pattern. The first matching
/// scope wins, so one folder of Shift_JIS files does not force the rest.
package struct CharsetScopes: Sendable {
    package let scopes: [(pattern: String?, charset: Charset)]

    package init(_ values: [String]) {
        scopes = values.map { value in
            guard let eq = value.lastIndex(of: "="), eq != value.startIndex else { return (nil, Charset.named(value)) }
            return (String(value[..<eq]), Charset.named(String(value[value.index(after: eq)...])))
        }
    }

    package var isEmpty: Bool { scopes.isEmpty }

    /// The charset forced for `path`, nil when no scope covers it (then it is detected).
    package func charset(for path: RawPath) -> Charset? {
        let full = path.string ?? path.display
        let name = String(full.split(separator: "/").last ?? Substring(full))
        for scope in scopes {
            guard let pattern = scope.pattern else { return scope.charset }
            let subject = pattern.utf8.contains(UInt8(ascii: "/")) ? full : name
            if fnmatch(pattern, subject, 0) == 0 || (pattern.utf8.contains(UInt8(ascii: "/")) && fnmatch(pattern, full, 8 /* FNM_LEADING_DIR: a folder pattern covers its files */) == 0) {
                return scope.charset
            }
        }
        return nil
    }
}
