import Foundation
import XCTest

/// Python tools that `Scripts/install-test-venv.sh NAME ...` put in `.build/NAME-venv`.
enum TestVenv {
    /// `.build/NAME-venv/<relative>` (or the path in `override`, an environment variable), or a
    /// skip that gives the installer's reason.
    static func executable(_ name: String, _ relative: String, override: String) throws -> URL {
        let url = ProcessInfo.processInfo.environment[override].map { URL(fileURLWithPath: $0) }
            ?? CLIRunner.packageRoot.appendingPathComponent(".build/\(name)-venv/\(relative)")
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            let recorded = try? String(contentsOf: CLIRunner.packageRoot.appendingPathComponent(".build/\(name)-unavailable.txt"), encoding: .utf8)
            throw XCTSkip("\(name) is not available (\(recorded?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "run Scripts/install-test-venv.sh \(name) ..."))")
        }
        return url
    }
}
