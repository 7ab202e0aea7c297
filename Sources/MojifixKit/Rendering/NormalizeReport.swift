import MojifixCore
import MojifixMarkdown
import MojifixWorkspace

/// `normalize --report`: the normaliser's findings and anchor changes, positioned in its input,
/// as `path:line:col: rule: message` lines or (`--json`) one document.
package enum NormalizeReport {
    package static func text(_ result: Normalizer.Result, input: [UInt8], file: String) -> String {
        let document = LineIndex(input)
        var out = ""
        for finding in result.findings {
            let (line, column) = document.lineAndColumn(of: finding.offset)
            out += "\(file):\(line):\(column): \(finding.rule): \(finding.message)\n"
        }
        for change in result.anchorChanges {
            let (line, column) = document.lineAndColumn(of: change.offset)
            out += "\(file):\(line):\(column): anchor (\(change.style.rawValue)): #\(change.old) -> #\(change.new)\n"
        }
        return out
    }

    package static func json(_ result: Normalizer.Result, input: [UInt8], file: String) -> String {
        let document = LineIndex(input)
        let items = result.findings.map { finding -> String in
            let (line, column) = document.lineAndColumn(of: finding.offset)
            return FindingJSON.object(path: file, line: line, column: column, rule: finding.rule,
                                      severity: finding.severity.rawValue, message: finding.message)
        }
        let anchors = result.anchorChanges.map { change -> String in
            let (line, _) = document.lineAndColumn(of: change.offset)
            return "{\"path\": \(JSONText.quote(file)), \"line\": \(line), \"style\": \"\(change.style.rawValue)\", "
                + "\"old\": \(JSONText.quote(change.old)), \"new\": \(JSONText.quote(change.new))}"
        }
        return "{\"findings\": [\n  " + items.joined(separator: ",\n  ") + "\n],\n\"anchor_changes\": [\n  "
            + anchors.joined(separator: ",\n  ") + "\n]}\n"
    }
}
