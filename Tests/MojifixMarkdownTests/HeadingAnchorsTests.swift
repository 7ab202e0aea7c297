import XCTest
import MojifixMarkdown

/// Heading ids under kramdown GFM (Jekyll) and GitHub (github-slugger). Ids are compared by
/// Unicode scalars, never with `String ==` (which would hide NFC/NFD and invisible differences).
///
/// Where an expected value comes from:
/// - [REF]  measured for this project with kramdown and GitHub (see README, anchor changes);
/// - [KD]   kramdown-parser-gfm's own test case `test/testcases/header_ids.html` (expected ids as
///          published; a few *inputs* are reconstructed from the rendered HTML, see there);
/// - [SLUG] github-slugger's `test/fixtures.json`, generated from github.com.
///
/// Every other expectation was worked out from the algorithms' source and then checked:
/// - kramdown-gfm: *all* kramdown expectations in this file were run through the real kramdown
///   2.4.0 + kramdown-parser-gfm 1.1.0 (Debian bookworm packages, Ruby 3.1.7, Unicode 13) with
///   Jekyll's default options (`input: GFM`, `auto_ids`, `hard_wrap: false`) and agree, except
///   `[참고][ref] 문서`, which assumes `[ref]` is defined (see there);
/// - github: the heading text as cmark-gfm 0.29.0.gfm.6 renders it (text content of the `<h2>`),
///   slugged by an independent JavaScript re-implementation of github-slugger 2.x on Node 20
///   (`toLowerCase`, `\p{gc=...}` classes). Not the npm package itself and not github.com, so
///   [SLUG] is the only GitHub ground truth here. Same `[ref]` exception.
final class HeadingAnchorsTests: XCTestCase {

    // MARK: - Helpers

    private func hex(_ s: String) -> String {
        s.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 ? String($0) : "\\u{\(String($0.value, radix: 16, uppercase: true))}" }.joined()
    }

    private func assertSame(_ got: String, _ want: String, _ context: String = "",
                            file: StaticString = #filePath, line: UInt = #line) {
        if Array(got.unicodeScalars) != Array(want.unicodeScalars) {
            XCTFail("\(context) got \"\(hex(got))\" want \"\(hex(want))\"", file: file, line: line)
        }
    }

    private func assertSame(_ got: [String], _ want: [String], _ context: String = "",
                            file: StaticString = #filePath, line: UInt = #line) {
        if got.map({ Array($0.unicodeScalars) }) != want.map({ Array($0.unicodeScalars) }) {
            XCTFail("\(context) got \(got.map { hex($0) }) want \(want.map { hex($0) })", file: file, line: line)
        }
    }

    private func assertID(_ heading: String, _ want: String, _ styles: [AnchorStyle] = AnchorStyle.allCases,
                          file: StaticString = #filePath, line: UInt = #line) {
        for style in styles {
            assertSame(HeadingAnchors.id(for: heading, style: style), want, "[\(style.rawValue)] \(hex(heading)):",
                       file: file, line: line)
        }
    }

    private let kd: [AnchorStyle] = [.kramdownGFM]
    private let gh: [AnchorStyle] = [.github]

    // MARK: - API surface

    func testStyles() {
        XCTAssertEqual(AnchorStyle.allCases.map(\.rawValue), ["kramdown-gfm", "github"])
        XCTAssertEqual(AnchorStyle(rawValue: "kramdown-gfm"), .kramdownGFM)
    }

    // MARK: - [REF] facts measured for this project

    func testReferenceFactsKramdown() {
        // `### 🧑💻 개발자 관점` -> `-개발자-관점`: emoji dropped, the leading space becomes a hyphen.
        assertID("\u{1F9D1}\u{1F4BB} 개발자 관점", "-개발자-관점", kd)
        // Restoring the ZWJ does not change it (U+200D is not in Ruby's \p{Word}).
        assertID("\u{1F9D1}\u{200D}\u{1F4BB} 개발자 관점", "-개발자-관점", kd)
        // `### ⚠️ 리스크/한계` -> starts with an invisible U+FE0F (the VS16 is a mark, kept).
        let risk = HeadingAnchors.id(for: "\u{26A0}\u{FE0F} 리스크/한계", style: .kramdownGFM)
        XCTAssertEqual(risk.unicodeScalars.first, "\u{FE0F}")
        assertSame(risk, "\u{FE0F}-리스크한계")
        // `## 주의<NBSP>사항` -> `주의사항` (NBSP removed, not hyphenated).
        assertID("주의\u{A0}사항", "주의사항", kd)
    }

    func testReferenceFactsGitHub() {
        // github-slugger deletes So and Cf (emoji, ZWJ), keeps Mn (VS16), deletes Zs (NBSP).
        assertID("\u{1F9D1}\u{1F4BB} 개발자 관점", "-개발자-관점", gh)
        assertID("\u{1F9D1}\u{200D}\u{1F4BB} 개발자 관점", "-개발자-관점", gh)
        assertID("\u{26A0}\u{FE0F} 리스크/한계", "\u{FE0F}-리스크한계", gh)
        assertID("주의\u{A0}사항", "주의사항", gh)
    }

    // MARK: - ASCII and duplicates

    func testASCII() {
        assertID("Hello World!", "hello-world")
        assertID("Getting Started", "getting-started")
    }

    func testDuplicatesBothStyles() {
        for style in AnchorStyle.allCases {
            assertSame(HeadingAnchors.ids(for: ["foo", "foo", "foo"], style: style), ["foo", "foo-1", "foo-2"], style.rawValue)
            assertSame(HeadingAnchors.ids(for: ["Foo", "foo", "FOO!"], style: style), ["foo", "foo-1", "foo-2"], style.rawValue)
        }
    }

    func testDuplicateSuffixCollisionsGitHub() {
        // [SLUG] "Repetition" and "More repetition" fixtures: generated slugs are registered too.
        assertSame(HeadingAnchors.ids(for: ["echo", "echo", "echo 1", "echo-1", "echo"], style: .github),
                   ["echo", "echo-1", "echo-1-1", "echo-1-2", "echo-2"])
        assertSame(HeadingAnchors.ids(for: ["foxtrot-1", "foxtrot", "foxtrot"], style: .github),
                   ["foxtrot-1", "foxtrot", "foxtrot-2"])
        // [SLUG] "Characters: initial/final space" (fixtures write the spaces as `&#x20;`).
        assertSame(HeadingAnchors.ids(for: ["&#x20;", "&#x20;a", "a&#x20;", "&#x20;a&#x20;", "-a-"], style: .github),
                   ["-", "-a", "a-", "-a-", "-a--1"])
    }

    func testDuplicateSuffixCollisionsKramdown() {
        // `@id_counter[base] += 1`, suffixed ids are not registered, so kramdown really
        // produces duplicate ids here (`echo-1` twice, `foxtrot-1` twice).
        assertSame(HeadingAnchors.ids(for: ["echo", "echo", "echo 1", "echo-1", "echo"], style: .kramdownGFM),
                   ["echo", "echo-1", "echo-1", "echo-1-1", "echo-2"])
        assertSame(HeadingAnchors.ids(for: ["foxtrot-1", "foxtrot", "foxtrot"], style: .kramdownGFM),
                   ["foxtrot-1", "foxtrot", "foxtrot-1"])
    }

    func testEmptyIDs() {
        // [KD] `;.;;` gets no id attribute (id ""), the next empty one `-1`. No `section`
        // fallback in GFM (that is kramdown's converter-level `generate_id`, not reached).
        assertSame(HeadingAnchors.ids(for: [";.;;", ";;", "!!!"], style: .kramdownGFM), ["", "-1", "-2"])
        // kramdown: `...` is a typographic ellipsis, deleted: empty.
        assertID("...", "", kd)
        // github-slugger: "" then "-1", "-2". Not checked against github.com itself.
        assertSame(HeadingAnchors.ids(for: [";.;;", ";;", "!!!"], style: .github), ["", "-1", "-2"])
        assertID("🎉", "")
        // No text at all: not a header for kramdown (not counted), an empty heading for
        // CommonMark/GitHub (counted). `###` alone is text for kramdown, a closing sequence for
        // CommonMark.
        assertSame(HeadingAnchors.ids(for: ["", "", "!!!", "###"], style: .kramdownGFM), ["", "", "", "-1"])
        assertSame(HeadingAnchors.ids(for: ["", "", "!!!", "###"], style: .github), ["", "-1", "-2", "-3"])
    }

    // MARK: - kramdown-parser-gfm's own test case

    func testKramdownGFMHeaderIDsTestCase() {
        // [KD] Expected ids exactly as in header_ids.html. Inputs: the .text source is not
        // available here; `&nbsp;` (two NBSPs around ä) and `$$m=5$$` are reconstructed from the
        // rendered HTML, `--- << typographic >> ...` is confirmed by a published Jekyll render.
        let headings = [
            "test {#myid}", "variable_name", "abc def öúß", "192 abc 192", ";.;;",
            "variable_name", "variable_name", ";;", "before \tafter tab", "with `code`",
            "with &nbsp;ä&nbsp;space", "With \"smart\" quotes", "with --- << typographic >> ... symbols",
            "with $$m=5$$",
        ]
        let want = [
            "myid", "variable_name", "abc-def-öúß", "192-abc-192", "",
            "variable_name-1", "variable_name-2", "-1", "before--after-tab", "with-code",
            "with-äspace", "with-smart-quotes", "with--typographic--symbols",
            "with-m5",
        ]
        assertSame(HeadingAnchors.ids(for: headings, style: .kramdownGFM), want)
    }

    // MARK: - github-slugger fixtures

    func testGitHubSluggerFixtures() {
        // [SLUG]
        let cases: [(String, String)] = [
            ("heading with a - dash", "heading-with-a---dash"),
            ("heading with an _ underscore", "heading-with-an-_-underscore"),
            ("heading with a period.txt", "heading-with-a-periodtxt"),
            ("exchange.bind_headers(exchange, routing [, bindCallback])", "exchangebind_headersexchange-routing--bindcallback"),
            ("apostrophe\u{2019}s should be trimmed", "apostrophes-should-be-trimmed"),
            ("I \u{2665} unicode", "i--unicode"),
            ("dash-dash", "dash-dash"),
            ("en\u{2013}dash", "endash"),
            ("\u{1F604} unicode emoji", "-unicode-emoji"),
            ("\u{1F604}-\u{1F604} unicode emoji", "--unicode-emoji"),
            ("\u{1F604}_\u{1F604} unicode emoji", "_-unicode-emoji"),
            ("\u{1F604} - an emoji", "---an-emoji"),
            (":smile: - a gemoji", "smile---a-gemoji"),
            ("Привет non-latin 你好", "привет-non-latin-你好"),
            (":ok_hand: Single", "ok_hand-single"),
            (":ok_hand::hatched_chick: Two in a row with no spaces", "ok_handhatched_chick-two-in-a-row-with-no-spaces"),
            ("bravoCharlieDelta", "bravocharliedelta"),
            ("a\u{2028}b", "ab"),                                   // Line_Separator
            ("a\u{24BA} \u{1F13A}b", "a\u{24D4}-\u{1F13A}b"),       // Alphabetic symbols stay (Other_Symbol row)
            ("a\u{2160} \u{2170}b", "a\u{2170}-\u{2170}b"),         // Letter_Number stays, lowercased
            ("a\u{B2} \u{BD}b", "a-b"),                             // Other_Number goes
        ]
        for (heading, want) in cases { assertID(heading, want, gh) }
    }

    // MARK: - Where the two styles differ

    func testStyleDifferences() {
        // Tab: kramdown hyphenates it ([KD] "before \tafter tab"), GitHub deletes it (Cc).
        assertID("a\tb", "a-b", kd)
        assertID("a\tb", "ab", gh)
        // kramdown's typographic symbols: `--` / `---` become dashes, which are deleted.
        assertID("a -- b", "a--b", kd)
        assertID("a -- b", "a----b", gh)
        assertID("a --- b", "a--b", kd)
        assertID("a --- b", "a-----b", gh)
        assertID("foo--bar", "foobar", kd)
        assertID("foo--bar", "foo--bar", gh)
        // `<< ` / ` >>` swallow their space (rendered with an NBSP, deleted).
        assertID("a << b >> c", "a-b-c", kd)
        assertID("a << b >> c", "a--b--c", gh)
        // Final sigma: Ruby's downcase has no context rules (Ruby feature #19317, measured),
        // JavaScript's toLowerCase has (Node 20).
        assertID("ΟΔΟΣ", "οδοσ", kd)
        assertID("ΟΔΟΣ", "οδος", gh)
        // Explicit ids are kramdown syntax; GitHub renders the braces as text.
        assertID("설치 {#install}", "install", kd)
        assertID("설치 {#install}", "설치-install", gh)
        // Explicit ids do not register with kramdown's counter (a real duplicate).
        assertSame(HeadingAnchors.ids(for: ["설치 {#install}", "install", "Install"], style: .kramdownGFM),
                   ["install", "install", "install-1"])
        // A single hyphen is never typographic.
        assertID("foo-bar", "foo-bar")
        // kramdown 2.4 never opens `_` emphasis after a letter + `-`; CommonMark does.
        assertID("a-_b_", "a-_b_", kd)
        assertID("a-_b_", "a-b", gh)
        assertID("1-_b_", "1-b")
    }

    // MARK: - Korean, emoji, numbers, punctuation, spaces

    func testKoreanWithParticles() {
        assertID("React의 상태 관리", "react의-상태-관리")
        assertID("Swift로 CLI 만들기: 1부", "swift로-cli-만들기-1부")
        assertID("데이터를 읽고, 쓰고, 지우기", "데이터를-읽고-쓰고-지우기")
        assertID("ㅋㅋ 정리", "ㅋㅋ-정리")                         // compatibility jamo are letters
    }

    func testEmojiAtStartAndEnd() {
        assertID("🚀 시작하기", "-시작하기")
        assertID("정리 🎉", "정리-")
        assertID("완료 \u{2714}\u{FE0F}", "완료-\u{FE0F}")                // the VS16 stays
        assertID("1\u{FE0F}\u{20E3} 단계", "1\u{FE0F}\u{20E3}-단계")      // keycap: VS16 and U+20E3 are marks
        assertID("\u{1F1F0}\u{1F1F7} 한국", "-한국")                       // regional indicators are So
        assertID("\u{1F44D}\u{1F3FD} 좋아요", "-좋아요")                   // skin tone is Sk
        assertID("\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F} 잉글랜드", "-잉글랜드") // tags are Cf
    }

    func testMarkdownInsideHeading() {
        assertID("**중요** 공지", "중요-공지")
        assertID("*강조*와 `코드`", "강조와-코드")
        assertID("_기울임_ 텍스트", "기울임-텍스트")
        assertID("__init__ 메서드", "init-메서드")                         // strong emphasis
        assertID("`__init__` 메서드", "__init__-메서드")                   // code span: verbatim
        assertID("snake_case_name 설명", "snake_case_name-설명")           // intraword underscores stay
        assertID("`a--b` 옵션", "a--b-옵션")                               // no typographic symbols in code
        assertID("`` a`b `` 코드", "ab-코드")
        assertID("[링크](https://example.com/a_b--c \"제목\") 텍스트", "링크-텍스트")
        // Assumes `[ref]` is defined somewhere in the document (then only the text renders). An
        // undefined reference renders literally in both kramdown and cmark (`참고ref-문서`);
        // heading texts alone cannot tell which.
        assertID("[참고][ref] 문서", "참고-문서")
        assertID("[**굵은** 링크](/x) 끝", "굵은-링크-끝")
        assertID("~~삭제~~ 유지", "삭제-유지")
        assertID("<kbd>Ctrl</kbd>+<kbd>C</kbd> 단축키", "ctrlc-단축키")
        assertID("bb<font color='red'>haha</font>qq", "bbhahaqq")          // also a published Jekyll render
        assertID("<https://example.com> 링크", "httpsexamplecom-링크")
        assertID("제목 <!-- 메모 -->", "제목-")
        assertID("\\*별표\\* 아님", "별표-아님")
        assertID("foo\\_bar", "foo_bar")
        // An image contributes no text. UNSURE for GitHub: github.com slugs the element's text
        // content (no alt), but tools built on github-slugger over mdast include the alt text.
        assertID("![logo](logo.png) 프로젝트", "-프로젝트")
        // `*` and `_` nest: the `*` pair closes first, the underscores stay literal.
        assertID("*a _b* c_", "a-_b-c_")
        // kramdown only: a span IAL after a span element is not text; elsewhere it is.
        assertID("제목 *강조*{: .red}", "제목-강조", kd)
        assertID("Title {: .cls}", "title--cls", kd)
        // kramdown only: span extensions are not text; `$$math$$` is, stripped.
        assertID("Title {::comment}x{:/comment}", "title-", kd)
        assertID("$$ a--b $$ 수식", "a--b-수식", kd)
        // Autolinks: kramdown drops `mailto:` from the link text, CommonMark keeps it.
        assertID("<mailto:a@b.c>", "abc", kd)
        assertID("<mailto:a@b.c>", "mailtoabc", gh)
        assertID("<a@b.c>", "abc")
    }

    func testNumbersAtStart() {
        // kramdown GFM keeps leading digits ([KD] "192 abc 192" -> "192-abc-192"); only the
        // basic kramdown generator strips them.
        assertID("1. 소개", "1-소개")
        assertID("2024년 회고", "2024년-회고")
        assertID("3.14 원주율", "314-원주율")
        assertID("192 abc 192", "192-abc-192")
    }

    func testPunctuation() {
        assertID("Q&A", "qa")
        assertID("Q&amp;A", "qa")
        assertID("Tom & Jerry", "tom--jerry")
        assertID("입력/출력", "입력출력")
        assertID("v1.2.3 릴리스", "v123-릴리스")
        assertID("참고: 링크", "참고-링크")
        assertID("왜? 어떻게!", "왜-어떻게")
        assertID("(괄호) [대괄호] {중괄호}", "괄호-대괄호-중괄호")
        assertID("C# 입문", "c-입문")
        assertID("C#", "c")
        assertID("C++ 입문", "c-입문")
        assertID("Node.js와 npm", "nodejs와-npm")
        assertID("「인용」 《책》", "인용-책")
        assertID("가격 $100 ~ ₩1000", "가격-100--1000")
        assertID("제목 ##", "제목")                                         // closing sequence
        assertID("x²", "x")                                                 // Other_Number goes in both
    }

    func testSpaces() {
        assertID("a  b", "a--b")                                            // no collapsing
        assertID("   padded   ", "padded")                                  // heading content is trimmed
        assertID("주의\u{3000}사항", "주의사항")                            // U+3000 removed
        assertID("a\u{2003}b", "ab")                                        // em space removed
        assertID("a\u{200B}b", "ab")                                        // ZWSP (Cf) removed
    }

    func testEntitiesAndCase() {
        assertID("caf&eacute;", "café")
        assertID("&#35;해시", "해시")
        assertID("&lt;div&gt; 태그", "div-태그")
        assertID("&#x1F600; 웃음", "-웃음")
        assertID("&unknownname; x", "unknownname-x")                        // unknown names stay literal
        assertID("İstanbul", "i\u{307}stanbul")                             // full case mapping, both
        assertID("\u{1C5}", "\u{1C6}")                                      // titlecase ǅ -> ǆ
    }

    // MARK: - Exact-scalar semantics

    func testCanonicallyEquivalentIDsAreDistinct() {
        // NFC and NFD spellings are different anchors: no duplicate suffix, and a change.
        for style in AnchorStyle.allCases {
            assertSame(HeadingAnchors.ids(for: ["caf\u{E9}", "cafe\u{301}"], style: style), ["caf\u{E9}", "cafe\u{301}"], style.rawValue)
            let changes = HeadingAnchors.changes(old: ["caf\u{E9}"], new: ["cafe\u{301}"], style: style)
            XCTAssertEqual(changes.count, 1, style.rawValue)
        }
    }

    // MARK: - changes(old:new:)

    func testChangesReportsOnlyDifferences() {
        let old = ["\u{1F9D1}\u{1F4BB} 개발자 관점", "\u{26A0}\u{FE0F} 리스크/한계", "주의\u{A0}사항", "요약"]
        let new = ["\u{1F9D1}\u{200D}\u{1F4BB} 개발자 관점", "\u{26A0}\u{FE0F} 리스크/한계", "주의 사항", "요약"]
        for style in AnchorStyle.allCases {
            let changes = HeadingAnchors.changes(old: old, new: new, style: style)
            XCTAssertEqual(changes.count, 1, style.rawValue)
            if let change = changes.first {
                assertSame(change.old, "주의사항")
                assertSame(change.new, "주의-사항")
            }
        }
    }

    func testChangesFollowDuplicateSuffixes() {
        // Renaming one heading shifts the other's suffix.
        let changes = HeadingAnchors.changes(old: ["Setup", "Set up"], new: ["Setup", "Setup"], style: .kramdownGFM)
        XCTAssertEqual(changes.count, 1)
        if let change = changes.first {
            assertSame(change.old, "set-up")
            assertSame(change.new, "setup-1")
        }
        XCTAssertTrue(HeadingAnchors.changes(old: ["소개", "소개"], new: ["소개", "소개"], style: .github).isEmpty)
        let renamed = HeadingAnchors.changes(old: ["소개", "설치", "소개"], new: ["소개", "설치 방법", "소개"], style: .github)
        XCTAssertEqual(renamed.count, 1)
        if let change = renamed.first {
            assertSame(change.old, "설치")
            assertSame(change.new, "설치-방법")
        }
    }
}
