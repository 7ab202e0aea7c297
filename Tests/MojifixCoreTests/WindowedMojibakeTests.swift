@testable import MojifixCore
import MojifixTestSupport
import XCTest

/// The mojibake pass run window by window (tiny windows, so that lines are cut many times) gives
/// the same output and the same plan, byte for byte, as the whole text at once, on seeded
/// documents mixing clean and garbled paragraphs, long lines, several chains, text garbled twice,
/// quoted mojibake, ignored lines and lost bytes.
final class WindowedMojibakeTests: XCTestCase {
    static let documents = 48

    func testWindowsGiveTheWholeTextResult() throws {
        var generator = TextGenerator(rng: SeededGenerator(seed: 20261204))
        let garbler = Garbler()
        let chains = Misreading.content.filter { $0.actual == .utf8 || $0.actual == .windows949 }
        let whole = try Repairer(), wholeLossy = try Repairer(options: RepairOptions(lossy: true))
        let windowed = try Repairer(), windowedLossy = try Repairer(options: RepairOptions(lossy: true))
        whole.mojibakeWindowBytes = .max
        wholeLossy.mojibakeWindowBytes = .max
        var changed = 0
        for d in 0..<Self.documents {
            let document = Self.document(d, chains, &generator, garbler)
            // Windows of 64 bytes cut nearly every line; of 500, they also hold runs of whole lines.
            windowed.mojibakeWindowBytes = d % 2 == 0 ? 64 : 500
            windowedLossy.mojibakeWindowBytes = windowed.mojibakeWindowBytes
            let expected = try? whole.repair(document)
            if expected?.changed == true { changed += 1 }
            Self.assertSame((try? windowed.repair(document)).map(Self.bytes), expected.map(Self.bytes), "document \(d)")
            Self.assertSame((try? windowedLossy.repair(document)).map(Self.bytes), (try? wholeLossy.repair(document)).map(Self.bytes),
                            "document \(d), lossy")
        }
        XCTAssertGreaterThan(changed, Self.documents / 2)
    }

    /// Paragraphs of Korean or another language, each clean or garbled through one chain (the
    /// document's, or now and then another), some joined into one long line, some garbled only
    /// halfway, some quoted or marked to be ignored, some with lost bytes.
    static func document(_ d: Int, _ chains: [Misreading], _ generator: inout TextGenerator, _ garbler: Garbler) -> [UInt8] {
        let chain = chains[d % chains.count]
        let language = chain.actual == .windows949 ? "ko" : TextGenerator.languages[d % TextGenerator.languages.count]
        var out: [UInt8] = []
        for _ in 0..<(2 + generator.rng.next(6)) {
            var text = generator.text(words: 5 + generator.rng.next(120), language: language, emoji: chain.actual == .utf8)
            if generator.rng.next(3) == 0 { text = text.replacingNewlines() }
            var bytes = Array(text.utf8)
            switch generator.rng.next(8) {
            case 0: break
            case 1:
                let other = generator.rng.pick(chains)
                bytes = garbler.garble(bytes, other) ?? bytes
            case 2:
                let half = bytes.count / 2
                var cut = half
                while cut < bytes.count && bytes[cut] != 0x20 { cut += 1 }
                bytes = (garbler.garble(Array(bytes[..<cut]), chain) ?? Array(bytes[..<cut])) + bytes[cut...]
            case 3:
                bytes = Array("> ".utf8) + (garbler.garble(bytes, chain) ?? bytes)
            case 4:
                bytes = Array("<!-- mojifix: ignore --> ".utf8) + (garbler.garble(bytes, chain) ?? bytes)
            case 5:
                bytes = Self.loseBytes(garbler.garble(bytes, chain) ?? bytes, &generator.rng)
            case 6:
                // Garbled twice: the second layer decides its lines one layer down.
                let once = garbler.garble(bytes, chain) ?? bytes
                bytes = garbler.garble(once, chain) ?? once
            default:
                bytes = garbler.garble(bytes, chain) ?? bytes
            }
            out += bytes
            if out.last != 0x0A { out.append(0x0A) }
        }
        return out
    }

    /// Some NBSPs turned into spaces and some characters into U+FFFD, as editors and strict
    /// decoders lose them.
    static func loseBytes(_ bytes: [UInt8], _ rng: inout SeededGenerator) -> [UInt8] {
        var scalars = Array(String(decoding: bytes, as: Unicode.UTF8.self).unicodeScalars)
        for k in scalars.indices where scalars[k].value >= 0x80 && rng.next(25) == 0 {
            scalars[k] = scalars[k].value == 0xA0 || rng.next(2) == 0 ? " " : "\u{FFFD}"
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return Array(text.utf8)
    }

    static func assertSame(_ windowed: [UInt8]?, _ whole: [UInt8]?, _ what: String, line: UInt = #line) {
        guard windowed != whole else { return }
        guard let windowed, let whole else { return XCTFail("\(what): refused one way only", line: line) }
        let at = (0..<min(windowed.count, whole.count)).first { windowed[$0] != whole[$0] } ?? min(windowed.count, whole.count)
        let shown = { (b: [UInt8]) in String(decoding: b[max(0, at - 40)..<min(b.count, at + 80)], as: Unicode.UTF8.self) }
        XCTFail("\(what): differs at byte \(at): windowed \(shown(windowed).debugDescription), whole \(shown(whole).debugDescription)", line: line)
    }

    /// The output and every field of the plan, as bytes.
    static func bytes(_ result: RepairResult) -> [UInt8] {
        var out = result.output + Array("\n--plan \(result.plan.inputEncoding)\n".utf8)
        func add(_ change: RepairChange) {
            out += Array("\(change.inputRange) \(change.outputRange) \(change.steps) \(change.confidence) \(change.lossless) ".utf8)
            out += Array((change.before ?? "<nil>").utf8) + [0] + Array(change.after.utf8) + [0]
            out += Array("\(change.guesses ?? []) \(change.originalBytes ?? [])\n".utf8)
        }
        for pass in result.plan.passes {
            out += Array("pass \(pass.kind) \(pass.chain)\n".utf8)
            pass.changes.forEach(add)
        }
        for withheld in result.plan.withheld ?? [] {
            out += Array("withheld \(withheld.afterPasses)\n".utf8)
            add(withheld.change)
        }
        for quoted in result.plan.quoted ?? [] {
            out += Array("quoted \(quoted.afterPasses)\n".utf8)
            add(quoted.change)
        }
        return out
    }
}

private extension String {
    func replacingNewlines() -> String { String(unicodeScalars.map { $0 == "\n" ? " " : Character($0) }) }
}
