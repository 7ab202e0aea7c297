import Foundation
import XCTest

/// `repair --jsonl` as Spark calls it: a JSON Lines RDD piped through the binary with `RDD.pipe`
/// in local mode (Scripts/spark_jsonl_demo.py makes garbled records in four languages and checks
/// every `text` and every other field). Needs PySpark (`.build/pyspark-venv`) and Java.
final class SparkPipeTests: XCTestCase {
    func testRDDPipeRepairsEveryRecordAndKeepsTheOtherFields() throws {
        let python = try TestVenv.executable("pyspark", "bin/python", override: "MOJIFIX_PYSPARK_PYTHON")
        let java = try CLIRunner.runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["java", "-version"], directory: CLIRunner.packageRoot)
        guard java.exitCode == 0 else { throw XCTSkip("no java on PATH: Spark needs it") }
        let script = CLIRunner.packageRoot.appendingPathComponent("Scripts/spark_jsonl_demo.py")
        let result = try CLIRunner.runProcess(python, [script.path, "--lines", "4000", "--partitions", "2",
                                                       "--binary", try CLIRunner.binary().path],
                                              directory: CLIRunner.packageRoot, timeout: 600)
        XCTAssertEqual(result.exitCode, 0, result.summary)
        XCTAssertTrue(result.stdout.count + result.stderrBytes.count > 0)
    }
}
