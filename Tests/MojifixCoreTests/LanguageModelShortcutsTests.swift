import XCTest
import Dispatch
import CMojifixLanguage
import MojifixCore

/// The model's fast paths (a direct table of the common bigrams, a per-thread cache of which
/// languages know a token, skipped lookups for tokens a language does not know) give exactly the
/// costs of the plain hash-table lookups, in every language. They rest on a property of the
/// generated table (a bigram is kept only when both its characters are kept): a regenerated
/// model that broke it would fail here.
final class LanguageModelShortcutsTests: XCTestCase {
    /// Tokens of the direct table, and others from every modelled script, signs and separators.
    static let scalars: [UInt32] = {
        var s: [UInt32] = [0x20, 0x30] + Array(0x61...0x7A) + Array(0xDF...0xFF)
        s += [0x41, 0x5A, 0xC0, 0xC9, 0x100, 0x107, 0x11F, 0x131, 0x142, 0x15F, 0x17E, 0x1EB9]  // Latin
        s += [0x3B1, 0x3C2, 0x3C3, 0x3C9, 0x430, 0x43E, 0x44F, 0x456, 0x5D0, 0x5E9, 0x627, 0x644]  // Greek, Cyrillic, Hebrew, Arabic
        s += [0xE01, 0xE32, 0x3042, 0x30AB, 0x4E00, 0x6211, 0x7E41, 0xAC00, 0xB2E4, 0xD55C, 0x3131]  // Thai, kana, Han, Hangul
        s += [0xA0, 0xA9, 0xD7, 0x2013, 0x2019, 0x201C, 0x20AC, 0x2122, 0x2022, 0x3002, 0xFF0C, 0x1F600]  // signs, separators
        return s
    }()

    func testEveryLanguageCostsTheSameAsThePlainLookups() {
        let tokens = Self.scalars.map(mj_lm_token)
        for language in 0..<mj_lm_language_count() {
            for previous in tokens {
                for token in tokens {
                    let fast = mj_lm_cost(language, previous, token), plain = mj_lm_reference_cost(language, previous, token)
                    if fast != plain {
                        XCTFail("language \(language): \(previous) -> \(token) costs \(fast), the table says \(plain)")
                        return
                    }
                }
            }
        }
    }

    /// Threads filling the direct table and the cache at once read the same costs.
    func testThreadsScoringAtOnceAgree() {
        let text = Array("Le marché ouvre à huit heures, même le dimanche où il fait très froid.".unicodeScalars.map(\.value))
        let expected = LanguageModel.shared.score(text, languages: LanguageModel.shared.all)
        let results = UnsafeMutableBufferPointer<Double>.allocate(capacity: 8)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            results[i] = LanguageModel.shared.score(text, languages: LanguageModel.shared.all).best?.cost ?? -1
        }
        for i in 0..<8 { XCTAssertEqual(results[i], expected.best?.cost) }
    }
}
