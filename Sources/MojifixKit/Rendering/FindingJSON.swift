import MojifixWorkspace

/// One finding as the JSON object `check --format json` and `normalize --report --json` print.
package enum FindingJSON {
    package static func object(path: String, line: Int, column: Int, rule: String, severity: String, message: String) -> String {
        "{\"path\": \(JSONText.quote(path)), \"line\": \(line), \"column\": \(column), \"rule\": \(JSONText.quote(rule)), "
            + "\"severity\": \"\(severity)\", \"message\": \(JSONText.quote(message))}"
    }
}
