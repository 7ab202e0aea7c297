/// Runs the enabled rules in registry order. Each rule sees the document as the rules before it
/// left it (re-parsed after every rule that edits), proposes byte-range edits, and those edits
/// are applied outside protected zones only. Findings are reported at their position in the
/// input, mapped back through the edits made since.
public struct Normalizer: Sendable {
    public let options: NormalizeOptions

    public init(options: NormalizeOptions = NormalizeOptions()) { self.options = options }

    public struct Result: Sendable {
        public var output: [UInt8]
        /// Every change made and every report, in input coordinates (offset into the input).
        public var findings: [Finding]
        public var changed: Bool
        /// Headings whose anchor id changed, per id style (links to them must be updated).
        public var anchorChanges: [AnchorChange]
    }

    /// One heading's anchor before and after, under one id style.
    public struct AnchorChange: Sendable, Equatable {
        public var style: AnchorStyle
        /// Offset of the heading in the input.
        public var offset: Int
        public var old: String
        public var new: String
    }

    public func normalize(_ input: [UInt8]) -> Result {
        var document = MarkdownDocument(input)
        var findings: [Finding] = []
        var stages: [[TextEdit]] = []
        for rule in RuleRegistry.rules where options.enabledRules.contains(rule.name) {
            let outcome = rule.init().apply(to: document, options: options)
            let edits = Self.admissible(outcome.edits, in: document, rule: rule)
            for finding in outcome.findings {
                findings.append(Self.mapBack(finding, through: stages))
            }
            for edit in edits {
                findings.append(Self.mapBack(Finding(offset: edit.range.lowerBound, rule: rule.name, message: edit.message,
                                                     severity: .fixed), through: stages))
            }
            guard !edits.isEmpty else { continue }
            document = MarkdownDocument(Self.apply(edits, to: document.bytes))
            stages.append(edits)
        }
        findings.sort { $0.offset < $1.offset }
        let anchors = stages.isEmpty ? [] : Self.anchorChanges(from: MarkdownDocument(input), to: document)
        return Result(output: document.bytes, findings: findings, changed: !stages.isEmpty, anchorChanges: anchors)
    }

    /// Ids of the headings before and after, paired in order (when the count is unchanged).
    static func anchorChanges(from old: MarkdownDocument, to new: MarkdownDocument) -> [AnchorChange] {
        func texts(_ document: MarkdownDocument) -> [String] {
            document.structure.headings.map { String(decoding: document.bytes[$0.textRange], as: UTF8.self) }
        }
        let before = texts(old), after = texts(new)
        guard before.count == after.count else { return [] }
        var changes: [AnchorChange] = []
        for style in AnchorStyle.allCases {
            let oldIDs = HeadingAnchors.ids(for: before, style: style), newIDs = HeadingAnchors.ids(for: after, style: style)
            for (k, heading) in old.structure.headings.enumerated() where !oldIDs[k].unicodeScalars.elementsEqual(newIDs[k].unicodeScalars) {
                changes.append(AnchorChange(style: style, offset: old.structure.lines[heading.line].lowerBound,
                                            old: oldIDs[k], new: newIDs[k]))
            }
        }
        return changes
    }

    /// Sorted, non-overlapping edits that change something; none may edit a protected zone
    /// (line-ending and BOM edits are file-level and may cross zones).
    static func admissible(_ edits: [TextEdit], in document: MarkdownDocument, rule: MarkdownRule.Type) -> [TextEdit] {
        var result: [TextEdit] = []
        var end = 0
        let structure = document.structure
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            guard edit.range.lowerBound >= end, Array(document.bytes[edit.range]) != edit.replacement else { continue }
            if !RuleRegistry.crossesZones.contains(rule.name) {
                if edit.range.isEmpty {
                    // An insertion is fine at a zone's edge, not inside it.
                    if let zone = structure.zone(containing: edit.range.lowerBound),
                       zone.range.lowerBound < edit.range.lowerBound { continue }
                } else if structure.touchesZone(edit.range) {
                    continue
                }
            }
            result.append(edit)
            end = edit.range.upperBound
        }
        return result
    }

    static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = 0
        for edit in edits {
            out += bytes[copied..<edit.range.lowerBound]
            out += edit.replacement
            copied = edit.range.upperBound
        }
        out += bytes[copied...]
        return out
    }

    /// An offset in the document after `stages` of edits, mapped to the input.
    static func mapBack(_ finding: Finding, through stages: [[TextEdit]]) -> Finding {
        var offset = finding.offset
        for edits in stages.reversed() {
            var delta = 0
            var mapped: Int? = nil
            for edit in edits {
                let newStart = edit.range.lowerBound + delta
                if offset < newStart { mapped = offset - delta; break }
                if offset < newStart + edit.replacement.count { mapped = edit.range.lowerBound; break }
                delta += edit.replacement.count - edit.range.count
            }
            offset = mapped ?? offset - delta
        }
        var result = finding
        result.offset = max(0, offset)
        return result
    }
}
