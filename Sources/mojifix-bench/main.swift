// In-process benchmark of the repair engine: `mojifix-bench FILE... [--repeat N] [--normalize]`
// (`--normalize` times the Markdown normaliser instead; `--scan-only` the clean-path census;
// `--transcode-only` the detection and transcoding of input that is not UTF-8).
// Prints one JSON object per file with the best time of N repairs of the whole file (file I/O
// excluded; wall and CPU time), so Benchmarks/bench_repair.py can set it beside ftfy measured in the same run.
#if canImport(Glibc)
import Glibc
#endif
import MojifixCore
import MojifixMarkdown

func now(_ clock: clockid_t = CLOCK_MONOTONIC) -> Double {
    var ts = timespec()
    clock_gettime(clock, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func readFile(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
        let n = fread(&chunk, 1, chunk.count, file)
        if n == 0 { break }
        bytes += chunk[0..<n]
    }
    return bytes
}

var files: [String] = []
var repeats = 5
var scanOnly = false
var normalizeMode = false
var transcodeOnly = false
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    if argument == "--scan-only" { scanOnly = true; continue }
    if argument == "--normalize" { normalizeMode = true; continue }
    if argument == "--transcode-only" { transcodeOnly = true; continue }
    if argument == "--repeat", let value = arguments.popFirst().flatMap({ Int($0) }) { repeats = max(1, value) } else { files.append(argument) }
}
guard !files.isEmpty else {
    fputs("usage: mojifix-bench FILE... [--repeat N]\n", stderr)
    exit(64)
}

let repairer = try Repairer()
for path in files {
    guard let input = readFile(path) else {
        fputs("mojifix-bench: cannot read \(path)\n", stderr)
        exit(2)
    }
    var best = Double.infinity
    // CPU time too: on a shared machine the wall time of a run measures the load as much as the code.
    var bestCPU = Double.infinity
    var changed = false
    for _ in 0..<repeats {
        let start = now()
        let startCPU = now(CLOCK_PROCESS_CPUTIME_ID)
        if scanOnly {
            changed = !repairer.looksClean(input)
        } else if transcodeOnly {
            changed = (try? repairer.transcode(input)).flatMap { $0 } != nil
        } else if normalizeMode {
            changed = Normalizer().normalize(input).changed
        } else {
            let result = try? repairer.repair(input)
            changed = result?.changed ?? false
        }
        best = min(best, now() - start)
        bestCPU = min(bestCPU, now(CLOCK_PROCESS_CPUTIME_ID) - startCPU)
    }
    let mbps = Double(input.count) / 1e6 / best
    let escaped = path.replacingOccurrencesOfQuote()
    print("{\"file\": \"\(escaped)\", \"bytes\": \(input.count), \"seconds\": \(best), \"mb_per_s\": \(mbps), \"cpu_seconds\": \(bestCPU), \"mb_per_cpu_s\": \(Double(input.count) / 1e6 / bestCPU), \"changed\": \(changed)}")
}

extension String {
    func replacingOccurrencesOfQuote() -> String {
        var out = ""
        for c in self { if c == "\"" || c == "\\" { out.append("\\") }; out.append(c) }
        return out
    }
}
