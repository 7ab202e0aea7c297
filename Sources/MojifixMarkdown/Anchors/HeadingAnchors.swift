/// Heading anchor ids as two renderers compute them, so an edit of heading text can be reported
/// as an anchor change (`old -> new`) and links to the heading can be fixed (kramdown-GFM and GitHub ids, pinned in HeadingAnchorsTests).
///
/// Both algorithms run on the heading's *rendered* text, which `HeadingInlineText` derives from
/// the raw inline Markdown (see there for what is and is not understood).
///
/// ## kramdown GFM (`AnchorStyle.kramdownGFM`)
///
/// Jekyll's default engine is kramdown with `input: GFM`. The GFM parser (gem
/// kramdown-parser-gfm 1.x, `lib/kramdown/parser/gfm.rb`, `generate_gfm_header_id`) sets
/// `auto_id_stripping` (the id is computed from the header's text with the markup stripped) and
/// then, on that text:
/// 1. `downcase`: Ruby's full Unicode case mapping, without the context-dependent rules
///    (no final sigma: `"ΣΣ".downcase == "σσ"`, Ruby feature #19317), `İ` -> `i̇`;
/// 2. deletes every character matching `/[^\p{Word}\- \t]/`; Onigmo's `\p{Word}` is
///    Alphabetic + Mark (Mn/Mc/Me) + Decimal_Number + Connector_Punctuation (Ruby's
///    `tool/enc-unicode.rb`), so it does *not* contain Join_Control (the ZWJ is dropped), but the
///    variation selectors are marks and stay (`⚠️` leaves an invisible U+FE0F);
/// 3. `tr(" \t", "-")`: each space and each tab becomes one hyphen. No trimming, no collapsing,
///    no stripping of leading digits (that is the *basic* kramdown `basic_generate_id`, used by
///    the kramdown parser and by `transliterated_header_ids`, not by GFM);
/// 4. duplicates: `@id_counter = Hash.new(-1)`, keyed by the base id: the n-th repetition of a
///    base gets `-n`. Generated suffixed ids are not registered, so `foo, foo, foo-1` gives
///    `foo, foo-1, foo-1` (a real collision, faithfully reproduced);
/// 5. no fallback: a heading whose id comes out empty gets `""` (kramdown's HTML converter then
///    writes no `id` attribute at all; the `section` fallback belongs to
///    `Kramdown::Converter::Base#generate_id`, which GFM headers never reach). The empty base is
///    counted like any other, so later empty headings get `-1`, `-2`, ...
/// 6. an explicit id (`## Title {#my-id}`) is used as is and does not touch the counters;
/// 7. a heading with no text at all (`##` alone, an empty setext line) is not a header for
///    kramdown: `""`, not counted (CommonMark/GitHub make it an empty heading, counted).
///
/// Measured: these rules and `HeadingInlineText` agree with the real kramdown 2.4.0 +
/// kramdown-parser-gfm 1.1.0 (Jekyll's default options) on ~470 test headings, except the
/// documented `[text][ref]` ambiguity. kramdown's typographic symbols are on by default in
/// Jekyll; a site with `gfm_quirks: [no_auto_typographic]` would keep `--` as hyphens.
///
/// ## GitHub (`AnchorStyle.github`)
///
/// github-slugger 2.x (`Flet/github-slugger`, `index.js` + generated `regex.js`), whose fixtures
/// are generated from what github.com renders:
/// 1. JavaScript `toLowerCase()` (full mapping *with* the Final_Sigma rule);
/// 2. deletes the characters of the General Categories No, Pd (except `-`), Ps, Pe, Pi, Pf, Po,
///    all S*, Cc, Cf, Co, Cn and all Z* (except U+0020), minus every Alphabetic character (circled
///    letters stay). What stays is L*, M*, Nd, Nl, Pc, `-` and ` `: the same set as kramdown's
///    except the tab, which is a control character here: deleted, not hyphenated;
/// 3. every U+0020 becomes `-` (no trimming, no collapsing);
/// 4. duplicates: `while occurrences[slug] exists { occurrences[base] += 1; slug = base-n }`, and
///    every returned slug is registered, so `foo, foo, foo-1` gives `foo, foo-1, foo-1-1`;
/// 5. empty stays empty (`""`, then `-1`, ...).
/// github.com shows the id as `user-content-<slug>` but links use `#<slug>`; this returns `<slug>`.
/// Checked: github-slugger's fixtures, and cmark-gfm's heading text slugged by an independent
/// JavaScript re-implementation (Node 20) on the same ~470 headings; not against github.com.
///
/// Ids are compared and deduplicated by exact Unicode scalars, never by Swift `String ==` (which
/// would merge NFC and NFD spellings that are different anchors in a URL).
public enum AnchorStyle: String, CaseIterable, Sendable {
    /// kramdown with `input: GFM` (kramdown-parser-gfm), Jekyll's default.
    case kramdownGFM = "kramdown-gfm"
    /// github.com / github-slugger.
    case github
}

/// The ids renderers give headings (for `#fragment` links), per `AnchorStyle`.
public struct HeadingAnchors: Sendable {
    /// The id of one heading, as if it were the first heading of its document (no duplicate suffix).
    ///
    /// `headingText` is the heading's raw inline Markdown: after the `#`s and their spaces (ATX) or
    /// the text line (setext). It is reduced to the text the renderer would use: emphasis markers
    /// dropped, code spans kept verbatim, `[text](url)` -> `text`, images and HTML tags dropped,
    /// entities and backslash escapes decoded, and for kramdown its typographic symbols
    /// (`--`, `---`, `...`, `<<`, `>>`), `$$math$$` and a trailing `{#id}`. A closing `#` sequence
    /// and surrounding spaces/tabs are removed as both parsers do. Returns `""` when nothing
    /// survives (for kramdown that means the heading has no `id` attribute).
    public static func id(for headingText: String, style: AnchorStyle) -> String {
        var ids = Deduplicator(style: style)
        return ids.next(headingText)
    }

    /// Ids for all headings of one document, in document order, with each style's duplicate suffixes.
    public static func ids(for headingTexts: [String], style: AnchorStyle) -> [String] {
        var ids = Deduplicator(style: style)
        return headingTexts.map { ids.next($0) }
    }

    /// Old -> new anchor changes between two versions of a document's headings (same headings,
    /// same order), only the pairs whose ids differ (by exact scalars). Headings are paired by
    /// position; if the counts differ, the extra headings of the longer list are ignored.
    public static func changes(old: [String], new: [String], style: AnchorStyle) -> [(old: String, new: String)] {
        let oldIDs = ids(for: old, style: style)
        let newIDs = ids(for: new, style: style)
        var result: [(old: String, new: String)] = []
        for (o, n) in zip(oldIDs, newIDs) where !o.unicodeScalars.elementsEqual(n.unicodeScalars) {
            result.append((old: o, new: n))
        }
        return result
    }

    /// The id without any duplicate handling (the "base" slug), for one heading.
    /// `counted` is false when the id does not take part in duplicate counting: an explicit
    /// kramdown id, or a kramdown heading with no text at all (kramdown does not make it a header).
    static func baseID(for headingText: String, style: AnchorStyle) -> (id: [Unicode.Scalar], counted: Bool) {
        let reduced = HeadingInlineText.reduce(headingText, style: style)
        if let explicit = reduced.explicitID { return (Array(explicit.unicodeScalars), false) }
        switch style {
        case .kramdownGFM: return (kramdownSlug(reduced.text), !reduced.sourceIsEmpty)
        case .github: return (githubSlug(reduced.text), true)
        }
    }

    // MARK: - kramdown GFM

    /// `text.downcase.gsub(/[^\p{Word}\- \t]/, '').tr(" \t", "-")`
    static func kramdownSlug(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.count)
        for scalar in text {
            for lower in lowercase(scalar) {
                if lower == " " || lower == "\t" {
                    out.append("-")
                } else if lower == "-" || isRubyWord(lower) {
                    out.append(lower)
                }
            }
        }
        return out
    }

    /// Onigmo's `\p{Word}`: Alphabetic | Mark | Decimal_Number | Connector_Punctuation.
    static func isRubyWord(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }

    // MARK: - GitHub

    /// github-slugger: `value.toLowerCase().replace(regex, '').replace(/ /g, '-')`
    static func githubSlug(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.count)
        for (index, scalar) in text.enumerated() {
            let lowered: [Unicode.Scalar]
            if scalar == "\u{03A3}", isFinalSigma(text, at: index) {
                lowered = ["\u{03C2}"]
            } else {
                lowered = lowercase(scalar)
            }
            for lower in lowered {
                if lower == " " {
                    out.append("-")
                } else if lower == "-" || !isSluggerRemoved(lower) {
                    out.append(lower)
                }
            }
        }
        return out
    }

    /// Characters github-slugger's generated regex deletes (script/generate-regex: the categories
    /// No, Pd, Ps, Pe, Pi, Pf, Po, S*, Cc, Co, Cf, Cn, Z*, minus Alphabetic, minus ` ` and `-`).
    static func isSluggerRemoved(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic { return false }
        switch properties.generalCategory {
        case .otherNumber,
             .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
             .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
             .control, .privateUse, .format, .unassigned,
             .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return true
        default:
            return false
        }
    }

    /// Unicode's Final_Sigma condition (as JavaScript's `toLowerCase` applies it): a cased letter
    /// before (skipping case-ignorables) and no cased letter after (skipping case-ignorables).
    static func isFinalSigma(_ text: [Unicode.Scalar], at index: Int) -> Bool {
        var before = index - 1
        while before >= 0, text[before].properties.isCaseIgnorable { before -= 1 }
        guard before >= 0, text[before].properties.isCased else { return false }
        var after = index + 1
        while after < text.count, text[after].properties.isCaseIgnorable { after += 1 }
        return !(after < text.count && text[after].properties.isCased)
    }

    // MARK: - Shared

    /// Full (unconditional) lowercase mapping of one scalar, as Ruby's `downcase` and, apart from
    /// Final_Sigma, JavaScript's `toLowerCase` do.
    static func lowercase(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if scalar.isASCII {
            if scalar.value >= 0x41 && scalar.value <= 0x5A { return [Unicode.Scalar(scalar.value + 0x20)!] }
            return [scalar]
        }
        return Array(scalar.properties.lowercaseMapping.unicodeScalars)
    }

    /// Stateful id assignment for one document in one style.
    struct Deduplicator {
        let style: AnchorStyle
        /// kramdown: `@id_counter` (default -1); GitHub: github-slugger's `occurrences`.
        /// Keyed by exact scalars: Swift `String` keys would merge canonically equivalent ids.
        private var counters: [[Unicode.Scalar]: Int] = [:]

        init(style: AnchorStyle) { self.style = style }

        mutating func next(_ headingText: String) -> String {
            let (base, counted) = HeadingAnchors.baseID(for: headingText, style: style)
            if !counted { return string(base) }
            switch style {
            case .kramdownGFM:
                let count = (counters[base] ?? -1) + 1
                counters[base] = count
                return count > 0 ? string(base) + "-\(count)" : string(base)
            case .github:
                var slug = base
                while counters[slug] != nil {
                    let count = (counters[base] ?? 0) + 1
                    counters[base] = count
                    slug = base + Array("-\(count)".unicodeScalars)
                }
                counters[slug] = 0
                return string(slug)
            }
        }

        private func string(_ scalars: [Unicode.Scalar]) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            return String(view)
        }
    }
}
