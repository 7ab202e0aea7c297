/// Reduces a heading's raw inline Markdown to the plain text an anchor algorithm sees.
///
/// kramdown GFM (`update_raw_text` in kramdown-parser-gfm) concatenates the values of text,
/// codespan and math elements, the characters of entities, smart quotes and typographic symbols
/// (`<< ` becomes `«` + NBSP, ` >>` NBSP + `»`), and recurses into everything else (emphasis,
/// links, span HTML). github.com slugs the heading element's text content. Both therefore see:
/// - emphasis/strong/strikethrough content without the markers (`*`, `~` are deleted by both slug
///   filters anyway; `_` is a word character, so `*`/`_` runs are paired as delimiters: with
///   CommonMark's flanking rules for GitHub, with kramdown 2.4's `parse_emphasis` conditions for
///   kramdown (no `_` opening after a letter or letter + `-`: `a-_b_` stays literal there);
///   unpaired runs stay literal (`snake_case` keeps its underscores); runs nest as in
///   CommonMark, so `*a _b* c_` keeps both underscores);
/// - code spans verbatim (no escapes, entities or typographic symbols inside);
/// - `[text](url)`, `[text][ref]`: the text; images: nothing; HTML tags and comments: nothing,
///   but the text between tags stays; autolinks `<scheme:...>` / `<a@b.c>`: the address;
/// - backslash escapes and HTML entities decoded (named entities: the HTML 4 set plus `apos`; an
///   unknown name stays literal text, as in kramdown).
/// kramdown only: typographic symbols, `$$math$$` (its content, stripped), a trailing ` {#id}`
/// (explicit id), span IALs `{: ...}` right after a span element and span extensions
/// `{::comment}...{:/comment}` (dropped), `mailto:` dropped from autolinks.
///
/// Not understood (left as literal text): footnote markers `[^1]`, abbreviations, Liquid
/// (`{{ }}` / `{% %}`, which Jekyll expands before kramdown runs). Reference definitions are not
/// seen: `[text][ref]` is taken as a link (its label dropped) as if `ref` were defined; an
/// undefined one renders literally (`[text][ref]` -> `textref`), which this cannot know.
///
/// Code spans, autolinks, raw HTML, link destinations and titles and reference labels are found
/// by the structure scanner's recognisers (`ScalarRecognisers`: CommonMark's rules, one
/// implementation for zones and anchors).
///
/// Checked against the real kramdown 2.4.0 + kramdown-parser-gfm 1.1.0 (Debian bookworm, Ruby
/// 3.1, Jekyll's default options) on ~470 headings (about 1000 ids with the duplicate
/// sequences), and for the GitHub side against cmark-gfm's heading text slugged by a
/// github-slugger re-implementation (see the tests' header).
enum HeadingInlineText {
    struct Reduced {
        var text: [Unicode.Scalar]
        /// kramdown's `{#id}` header id, when present.
        var explicitID: String?
        /// Nothing at all was left of the source (before rendering): kramdown does not make such
        /// a line a header (`return false if text.empty?`), CommonMark makes it an empty heading.
        var sourceIsEmpty: Bool
    }

    private enum Token {
        case text([Unicode.Scalar])
        /// A run of `*` or `_` that may open and/or close emphasis.
        case delimiters(Unicode.Scalar, count: Int, canOpen: Bool, canClose: Bool)
    }

    static func reduce(_ markdown: String, style: AnchorStyle) -> Reduced {
        var s = Array(markdown.unicodeScalars)
        trim(&s)
        var explicitID: String?
        if style == .kramdownGFM, let (id, cut) = kramdownHeaderID(s) {
            explicitID = id
            s.removeSubrange(cut...)
            trim(&s)
        }
        removeClosingHashes(&s, style: style)
        return Reduced(text: render(s, style: style), explicitID: explicitID, sourceIsEmpty: s.isEmpty)
    }

    // MARK: - Heading-level preprocessing

    private static func isSpaceOrTab(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" }

    /// Both parsers strip the heading content of spaces and tabs (and line ends) at both ends.
    private static func trim(_ s: inout [Unicode.Scalar]) {
        func blank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }
        while let last = s.last, blank(last) { s.removeLast() }
        var start = 0
        while start < s.count, blank(s[start]) { start += 1 }
        if start > 0 { s.removeFirst(start) }
    }

    /// kramdown `HEADER_ID = /[\t ]{#(?<id>[A-Za-z][\w:-]*)}\z/` (`\w` is ASCII here). Returns
    /// the id and the index where the match (including its leading blank) starts.
    private static func kramdownHeaderID(_ s: [Unicode.Scalar]) -> (String, Int)? {
        guard s.count >= 5, s[s.count - 1] == "}" else { return nil }
        guard let open = s.lastIndex(of: "{"), open >= 1, open + 2 < s.count - 1 else { return nil }
        guard isSpaceOrTab(s[open - 1]), s[open + 1] == "#" else { return nil }
        let body = s[(open + 2)..<(s.count - 1)]
        guard let first = body.first, first.isASCII, first.properties.isAlphabetic else { return nil }
        for c in body {
            guard c.isASCII else { return nil }
            let v = c.value
            let ok = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
                || c == "_" || c == ":" || c == "-"
            if !ok { return nil }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: body)
        return (String(view), open - 1)
    }

    /// A closing `#` sequence preceded by a space or tab is not text. Content made only of `#`s is
    /// a closing sequence for CommonMark (empty heading) but text for kramdown (`/[\t ]#+\z/`).
    private static func removeClosingHashes(_ s: inout [Unicode.Scalar], style: AnchorStyle) {
        var end = s.count
        while end > 0, s[end - 1] == "#" { end -= 1 }
        guard end < s.count else { return }
        if end == 0 {
            if style == .github { s.removeAll() }
            return
        }
        guard isSpaceOrTab(s[end - 1]) else { return }
        s.removeSubrange(end...)
        trim(&s)
    }

    // MARK: - Inline rendering

    /// Characters a backslash escapes. CommonMark: all ASCII punctuation. kramdown GFM:
    /// `ESCAPED_CHARS_GFM = /\\([\\.*_+`<>()\[\]{}#!:\|"'\$=\-~])/`.
    private static func isEscapable(_ c: Unicode.Scalar, style: AnchorStyle) -> Bool {
        switch style {
        case .github:
            guard c.isASCII else { return false }
            let v = c.value
            return (v >= 0x21 && v <= 0x2F) || (v >= 0x3A && v <= 0x40) || (v >= 0x5B && v <= 0x60) || (v >= 0x7B && v <= 0x7E)
        case .kramdownGFM:
            return "\\.*_+`<>()[]{}#!:|\"'$=-~".unicodeScalars.contains(c)
        }
    }

    private static func isUnicodeWhitespace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" || c.properties.generalCategory == .spaceSeparator
    }

    private static func isPunctuationOrSymbol(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    private static func render(_ s: [Unicode.Scalar], style: AnchorStyle) -> [Unicode.Scalar] {
        let kramdown = style == .kramdownGFM
        var tokens: [Token] = []
        var pending: [Unicode.Scalar] = []
        func emit(_ scalars: [Unicode.Scalar]) { pending.append(contentsOf: scalars) }
        func flush() {
            if !pending.isEmpty { tokens.append(.text(pending)); pending.removeAll() }
        }
        func at(_ j: Int) -> Unicode.Scalar? { j >= 0 && j < s.count ? s[j] : nil }

        let recognisers = ScalarRecognisers(s)
        var openBrackets = 0
        var i = 0
        let n = s.count
        while i < n {
            let c = s[i]
            switch c {
            case "\\":
                if let next = at(i + 1), isEscapable(next, style: style) {
                    emit([next]); i += 2
                } else {
                    emit([c]); i += 1
                }

            case "`":
                var run = 1
                while at(i + run) == "`" { run += 1 }
                // kramdown: a lone backtick between whitespace (or at the start) is literal.
                if kramdown, run == 1, i == 0 || isUnicodeWhitespace(s[i - 1]), let next = at(i + 1), isUnicodeWhitespace(next) {
                    emit([c]); i += 1; continue
                }
                if let close = recognisers.codeSpanCloser(at: i, run: run) {
                    var content = Array(s[(i + run)..<close]).map { $0 == "\n" ? " " : $0 }
                    if kramdown {
                        if run > 1 {
                            if content.first == " " { content.removeFirst() }
                            if content.last == " " { content.removeLast() }
                        }
                    } else if content.count >= 2, content.first == " ", content.last == " ", content.contains(where: { $0 != " " }) {
                        content.removeFirst(); content.removeLast()
                    }
                    emit(content)
                    i = close + run
                } else {
                    emit(Array(repeating: "`", count: run)); i += run
                }

            case "<":
                if kramdown, at(i + 1) == "<" {
                    if at(i + 2) == " " { emit(["«", "\u{A0}"]); i += 3 } else { emit(["«"]); i += 2 }
                } else if let end = recognisers.autolinkEnd(at: i) {
                    // kramdown shows `<mailto:a@b.c>` as `a@b.c`; CommonMark keeps the scheme.
                    let address = Array(s[(i + 1)..<(end - 1)])
                    let mailto = Array("mailto:".unicodeScalars)
                    if kramdown, address.count > mailto.count, Array(address[0..<mailto.count]) == mailto {
                        emit(Array(address[mailto.count...]))
                    } else {
                        emit(address)
                    }
                    i = end
                } else if let end = recognisers.htmlEnd(at: i) {
                    i = end                     // tags and comments are not text
                } else {
                    emit([c]); i += 1
                }

            case ">" where kramdown && at(i + 1) == ">":
                emit(["»"]); i += 2

            case " " where kramdown && at(i + 1) == ">" && at(i + 2) == ">":
                emit(["\u{A0}", "»"]); i += 3

            case "-" where kramdown && at(i + 1) == "-":
                if at(i + 2) == "-" { emit(["\u{2014}"]); i += 3 } else { emit(["\u{2013}"]); i += 2 }

            case "." where kramdown && at(i + 1) == "." && at(i + 2) == ".":
                emit(["\u{2026}"]); i += 3

            case "$" where kramdown && at(i + 1) == "$":
                if let close = find(s, ["$", "$"], from: i + 2), close > i + 2 {
                    var math = Array(s[(i + 2)..<close])       // kramdown strips the formula
                    while let first = math.first, isUnicodeWhitespace(first) { math.removeFirst() }
                    while let last = math.last, isUnicodeWhitespace(last) { math.removeLast() }
                    emit(math); i = close + 2
                } else {
                    emit(["$", "$"]); i += 2
                }

            case "{" where kramdown && at(i + 1) == ":" && at(i + 2) == ":":
                // Span extension `{::comment}...{:/comment}`, `{::nomarkdown}...{:/}`, `{::options .../}`:
                // none of it is text.
                if let end = kramdownExtensionEnd(s, at: i) { i = end } else { emit([c]); i += 1 }

            case "{" where kramdown && at(i + 1) == ":" && i > 0 && "*_`)]>~".unicodeScalars.contains(s[i - 1]):
                // Span IAL `{: .class}` right after a span element: not text. Elsewhere it is text.
                if let close = s[(i + 2)...].firstIndex(of: "}") { i = close + 1 } else { emit([c]); i += 1 }

            case "&":
                if let (decoded, end) = HTMLEntities.decode(s, at: i) {
                    emit(decoded); i = end
                } else {
                    emit([c]); i += 1
                }

            case "!" where at(i + 1) == "[":
                if let end = imageEnd(s, openBracket: i + 1, recognisers) {
                    i = end                     // an image: its alt text is not text content
                } else {
                    emit([c]); i += 1
                }

            case "[":
                openBrackets += 1
                emit([c]); i += 1

            case "]" where openBrackets > 0:
                openBrackets -= 1
                emit([c])
                if at(i + 1) == "(", let end = recognisers.inlineLinkTailEnd(at: i + 1) {
                    i = end                     // the destination and title are not text
                } else if at(i + 1) == "[", let close = recognisers.labelEnd(at: i + 1) {
                    i = close + 1               // [text][ref]
                } else {
                    i += 1
                }

            case "_", "*":
                var run = 1
                while at(i + run) == c { run += 1 }
                let before = at(i - 1), after = at(i + run)
                let beforeSpace = before.map(isUnicodeWhitespace) ?? true
                let afterSpace = after.map(isUnicodeWhitespace) ?? true
                let beforePunct = before.map(isPunctuationOrSymbol) ?? false
                let afterPunct = after.map(isPunctuationOrSymbol) ?? false
                let leftFlanking = !afterSpace && (!afterPunct || beforeSpace || beforePunct)
                let rightFlanking = !beforeSpace && (!beforePunct || afterSpace || afterPunct)
                flush()
                if kramdown {
                    // kramdown 2.4 `parse_emphasis`: no opening before whitespace, and no `_` opening
                    // after `/[[:alpha:]]-?[[:alpha:]]*\z/`; closing not after whitespace, and no
                    // `_` closing before `[[:alnum:]]`.
                    let beforeAlpha = before.map { $0.properties.isAlphabetic } ?? false
                    let alphaHyphen = before == "-" && (at(i - 2).map { $0.properties.isAlphabetic } ?? false)
                    let afterAlnum = after.map { $0.properties.isAlphabetic || $0.properties.generalCategory == .decimalNumber } ?? false
                    let canOpen = !afterSpace && (c == "*" || !(beforeAlpha || alphaHyphen))
                    let canClose = !beforeSpace && (c == "*" || !afterAlnum)
                    tokens.append(.delimiters(c, count: run, canOpen: canOpen, canClose: canClose))
                } else if c == "*" {
                    tokens.append(.delimiters(c, count: run, canOpen: leftFlanking, canClose: rightFlanking))
                } else {
                    tokens.append(.delimiters(c, count: run,
                                              canOpen: leftFlanking && (!rightFlanking || beforePunct),
                                              canClose: rightFlanking && (!leftFlanking || afterPunct)))
                }
                i += run

            default:
                emit([c]); i += 1
            }
        }
        flush()
        return resolveEmphasis(tokens)
    }

    /// Pairs `*` / `_` delimiter runs the CommonMark way (nearest opener of the same character,
    /// two at a time when both sides have two; openers between a matched pair can no longer match)
    /// and turns what is left over into literal characters. `*` would be deleted by both slug
    /// filters anyway; the pairing matters for `_` (a word character) and for nesting.
    private static func resolveEmphasis(_ tokens: [Token]) -> [Unicode.Scalar] {
        var remaining = tokens.map { token -> Int in
            if case let .delimiters(_, count, _, _) = token { return count }
            return 0
        }
        var openers: [Int] = []
        for index in tokens.indices {
            guard case let .delimiters(char, _, canOpen, canClose) = tokens[index] else { continue }
            if canClose {
                while remaining[index] > 0 {
                    guard let position = openers.lastIndex(where: { opener in
                        if case let .delimiters(openChar, _, _, _) = tokens[opener] { return openChar == char }
                        return false
                    }) else { break }
                    let top = openers[position]
                    openers.removeSubrange((position + 1)...)
                    let use = remaining[top] >= 2 && remaining[index] >= 2 ? 2 : 1
                    remaining[top] -= use
                    remaining[index] -= use
                    if remaining[top] == 0 { openers.removeLast() }
                }
            }
            if canOpen, remaining[index] > 0 { openers.append(index) }
        }
        var out: [Unicode.Scalar] = []
        for (index, token) in tokens.enumerated() {
            switch token {
            case let .text(scalars): out.append(contentsOf: scalars)
            case let .delimiters(char, _, _, _): out.append(contentsOf: repeatElement(char, count: remaining[index]))
            }
        }
        return out
    }

    // MARK: - Scanners

    private static func find(_ s: [Unicode.Scalar], _ needle: [Unicode.Scalar], from start: Int) -> Int? {
        guard !needle.isEmpty, start <= s.count - needle.count else { return nil }
        var j = start
        while j <= s.count - needle.count {
            if Array(s[j..<(j + needle.count)]) == needle { return j }
            j += 1
        }
        return nil
    }

    /// kramdown span extension starting at `s[i]` (`{::name ...}`): the index after it, its body
    /// and its end tag (`{:/name}` or `{:/}`), or after the tag alone when it ends with `/}`.
    private static func kramdownExtensionEnd(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        var j = i + 3
        let nameStart = j
        while j < s.count, s[j].isASCII, s[j].properties.isAlphabetic { j += 1 }
        guard j > nameStart, let close = s[j...].firstIndex(of: "}") else { return nil }
        if s[close - 1] == "/" { return close + 1 }
        let name = Array(s[nameStart..<j])
        for endTag in [Array("{:/".unicodeScalars) + name + ["}"], Array("{:/}".unicodeScalars)] {
            if let end = find(s, endTag, from: close + 1) { return end + endTag.count }
        }
        return nil
    }

    /// For `![alt](src)` / `![alt][ref]`: the index after the whole construct.
    private static func imageEnd(_ s: [Unicode.Scalar], openBracket: Int, _ recognisers: ScalarRecognisers) -> Int? {
        var depth = 0
        var j = openBracket
        while j < s.count {
            let c = s[j]
            if c == "\\" { j += 2; continue }
            if c == "[" { depth += 1 }
            if c == "]" {
                depth -= 1
                if depth == 0 { break }
            }
            j += 1
        }
        guard j < s.count, depth == 0 else { return nil }
        if j + 1 < s.count, s[j + 1] == "(", let end = recognisers.inlineLinkTailEnd(at: j + 1) { return end }
        if j + 1 < s.count, s[j + 1] == "[", let close = recognisers.labelEnd(at: j + 1) { return close + 1 }
        return nil
    }
}
