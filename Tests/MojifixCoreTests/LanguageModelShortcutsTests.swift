import XCTest
import Dispatch
import CMojifixLanguage
import MojifixCore
import MojifixTestSupport

/// The model's fast paths (per-thread rows of every language's cost of a bigram, a per-thread
/// cache of which languages know a token and at what unigram cost, skipped lookups for tokens a
/// language does not know and for bigrams no language holds, whole rows summed at once) give
/// exactly the costs of the plain hash-table lookups, in every language. They rest on a property
/// of the generated table (a bigram is kept only when both its characters are kept): a
/// regenerated model that broke it would fail here.
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

    /// The scorer adds 64 rows in 16-bit sums before carrying them over: no cost of a bigram may
    /// exceed 556 (twice a byte of the table plus the backoff, for `ß`). A regenerated model whose
    /// floor (the cost of a character a language never uses) or any other cost were higher would
    /// overflow them.
    func testNoBigramCostsMoreThanTheSixteenBitSumsHold() {
        let unseen: [UInt32] = [0xE000, 0x10FFFD, 0x2E80, 0x1F600, 0xA4, 0xDF]  // private use, radicals, emoji, a sign, ß
        let tokens = (Self.scalars + unseen).map(mj_lm_token)
        for language in 0..<mj_lm_language_count() {
            for previous in tokens {
                for token in tokens {
                    let cost = mj_lm_cost(language, previous, token)
                    XCTAssertTrue((0...556).contains(cost), "language \(language): \(previous) -> \(token) costs \(cost)")
                    if !(0...556).contains(cost) { return }
                }
            }
        }
    }

    /// Scores of seeded texts (the scalars above, capitals, digits and punctuation between them,
    /// runs of separators) under several masks and every kind of bigram: the same costs and counts
    /// as language by language with the plain lookups.
    func testScoresAreThoseOfThePlainLookups() {
        var rng = SeededGenerator(seed: 2026_1205)
        let pool = Self.scalars + [0x2E, 0x2C, 0x27, 0x31, 0x0A, 0xAB, 0xBF, 0x2026, 0x3000, 0x1E9E]
        let every = LanguageModel.shared.all.mask
        for n in 0..<400 {
            // The first one long enough for the 16-bit sums to be carried over many times (every 64 bigrams).
            let text = (0..<(n == 0 ? 70_000 : Int.random(in: 0...60, using: &rng))).map { _ in pool.randomElement(using: &rng)! }
            let masks: [UInt64] = [every, text.withUnsafeBufferPointer { mj_lm_languages_for($0.baseAddress, $0.count) },
                                   rng.next() & every, 1 << UInt64(Int(mj_lm_language_count()) - 1)]
            for mask in masks {
                for which in [MJ_LM_ALL, MJ_LM_NON_ASCII, MJ_LM_ASCII] {
                    var fast = [Int64](repeating: 0, count: 64), plain = [Int64](repeating: 0, count: 64)
                    let a = text.withUnsafeBufferPointer { mj_lm_score($0.baseAddress, $0.count, mask, which, &fast) }
                    let b = text.withUnsafeBufferPointer { mj_lm_reference_score($0.baseAddress, $0.count, mask, which, &plain) }
                    XCTAssertEqual(a, b, "text \(n): bigrams counted")
                    if fast != plain {
                        XCTFail("text \(n) \(text), mask \(mask), \(which): \(fast) vs \(plain)")
                        return
                    }
                }
            }
        }
    }

    /// Once a thread has filled thousands of rows, a bigram whose bit in the filter of every
    /// language's bigrams is clear is looked up in no language, and a token's unigram costs come
    /// from the token cache: the costs stay those of the plain lookups, for bigrams of letters of
    /// every modelled script (most in no word list, some in several) met after the filter is built.
    func testBigramsMetOnceTheFilterIsBuiltCostAsThePlainLookups() {
        var rng = SeededGenerator(seed: 2026_1205_6)
        let pool: [ClosedRange<UInt32>] = [0x61...0x7A, 0xC0...0x17F, 0x391...0x3C9, 0x410...0x44F, 0x5D0...0x5EA, 0x620...0x64A,
                                           0xE01...0xE3A, 0x3041...0x3096, 0x4E00...0x4FFF, 0xAC00...0xAD00]
        func text(_ count: Int) -> [UInt32] { (0..<count).map { _ in pool.randomElement(using: &rng)!.randomElement(using: &rng)! } }
        var costs = [Int64](repeating: 0, count: 64)
        let every = LanguageModel.shared.all.mask
        _ = text(60_000).withUnsafeBufferPointer { mj_lm_score($0.baseAddress, $0.count, every, MJ_LM_ALL, &costs) }
        let tokens = text(20_000).map(mj_lm_token) + Self.scalars.map(mj_lm_token)
        for (previous, token) in zip(tokens, tokens.dropFirst()) {
            for language in 0..<mj_lm_language_count() {
                let fast = mj_lm_cost(language, previous, token), plain = mj_lm_reference_cost(language, previous, token)
                if fast != plain {
                    XCTFail("language \(language): \(previous) -> \(token) costs \(fast), the table says \(plain)")
                    return
                }
            }
        }
    }

    /// `best` (the C kernel's minimum, the first language listed on a tie) is `score(...).best`:
    /// the same language and cost, over seeded texts of every script, with the default languages,
    /// chosen ones, none, and each kind of bigram.
    func testBestIsTheBestOfTheScores() {
        var rng = SeededGenerator(seed: 2026_1205_7)
        let model = LanguageModel.shared
        let pool = Self.scalars + [0x2E, 0x2C, 0x27, 0x31, 0x0A, 0xAB, 0x2026, 0x3000]
        for n in 0..<600 {
            let text = (0..<Int.random(in: 0...50, using: &rng)).map { _ in pool.randomElement(using: &rng)! }
            // Two languages that often tie (the same script, the same bigrams of a short text).
            let sets: [LanguageSet?] = [nil, LanguageSet(mask: rng.next() & model.all.mask), LanguageSet(mask: 0),
                                        LanguageSet(mask: 0b11 << UInt64(Int.random(in: 0...20, using: &rng)))]
            for languages in sets {
                for bigrams in [LanguageModel.Bigrams.all, .nonASCII, .ascii] {
                    let fast = model.best(text, languages: languages, bigrams: bigrams)
                    let scored = model.score(text, languages: languages, bigrams: bigrams).best
                    XCTAssertEqual(fast?.language, scored?.language, "text \(n) \(text), \(String(describing: languages)), \(bigrams)")
                    XCTAssertEqual(fast?.cost, scored?.cost, "text \(n) \(text), \(String(describing: languages)), \(bigrams)")
                }
            }
        }
    }

    /// Threads filling their rows and the token cache at once read the same costs as the plain
    /// lookups, over texts of so many distinct rare bigrams (letters of several scripts and
    /// Hangul) that each thread's cache of uncommon rows evicts slots again and again.
    func testThreadsScoringAtOnceAgree() {
        let every = LanguageModel.shared.all.mask
        let differing = UnsafeMutableBufferPointer<Int>.allocate(capacity: 8)
        defer { differing.deallocate() }
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            var rng = SeededGenerator(seed: UInt64(2026_1205 + i))
            let pool: [ClosedRange<UInt32>] = [0x61...0x7A, 0xC0...0x17F, 0x391...0x3C9, 0x410...0x44F, 0xAC00...0xAD00]
            let text = (0..<40_000).map { _ in pool.randomElement(using: &rng)!.randomElement(using: &rng)! }
            var fast = [Int64](repeating: 0, count: 64), plain = [Int64](repeating: 0, count: 64)
            _ = text.withUnsafeBufferPointer { mj_lm_score($0.baseAddress, $0.count, every, MJ_LM_ALL, &fast) }
            _ = text.withUnsafeBufferPointer { mj_lm_reference_score($0.baseAddress, $0.count, every, MJ_LM_ALL, &plain) }
            differing[i] = zip(fast, plain).filter { $0 != $1 }.count
        }
        for i in 0..<8 { XCTAssertEqual(differing[i], 0, "thread \(i)") }
    }
}
