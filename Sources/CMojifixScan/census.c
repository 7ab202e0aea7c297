// The census kernel. The scalar path is the reference; the SSSE3 path validates 16 bytes at a
// time with the lookup method of Keiser & Lemire ("Validating UTF-8 in less than one instruction
// per byte", 2021) and drops to the scalar code only around bytes that can start a character the
// engine looks at (two-byte leads, E1 jamo, E2 punctuation, EF private use/U+FFFD).
#include "CMojifixScan.h"
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define MJ_HAVE_X86 1
#endif

static int is_counted_control(uint8_t b) {
    return b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0C && b != 0x0D && b != 0x0E && b != 0x0F && b != 0x1B;
}

static int second_byte_ok(uint8_t lead, uint8_t b) {
    switch (lead) {
    case 0xE0: return b >= 0xA0 && b <= 0xBF;
    case 0xED: return b >= 0x80 && b <= 0x9F;
    case 0xF0: return b >= 0x90 && b <= 0xBF;
    case 0xF4: return b >= 0x80 && b <= 0x8F;
    default: return (b & 0xC0) == 0x80;
    }
}

/// Length of a valid sequence at p[i], or 0 when it is invalid or truncated.
static inline __attribute__((always_inline)) size_t sequence_at(const uint8_t *p, size_t i, size_t n) {
    uint8_t b0 = p[i];
    size_t len = b0 < 0x80 ? 1 : b0 < 0xC2 ? 0 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : b0 < 0xF5 ? 4 : 0;
    if (len <= 1) return len;
    if (i + len > n || !second_byte_ok(b0, p[i + 1])) return 0;
    for (size_t k = 2; k < len; k++) if ((p[i + k] & 0xC0) != 0x80) return 0;
    return len;
}

typedef struct {
    size_t last_alphabet_end;  // offset just after the last alphabet character (SIZE_MAX: none)
} scan_state;

/// Examines the character at p[i] (already validated, `len` bytes, of `n`) for the flags.
static void look_at(const uint8_t *p, size_t i, size_t len, size_t n, const uint64_t *alphabet,
                    const uint64_t *capitals, mj_census_result *r, scan_state *s) {
    uint32_t c;
    if (len == 2) c = (uint32_t)(p[i] & 0x1F) << 6 | (p[i + 1] & 0x3F);
    else if (len == 3) c = (uint32_t)(p[i] & 0x0F) << 12 | (uint32_t)(p[i + 1] & 0x3F) << 6 | (p[i + 2] & 0x3F);
    else return;
    if (c == 0xFFFD) {
        r->has_replacement = 1;
        if (s->last_alphabet_end == i) r->has_mojibake_pair = 1;
    } else if (c >= 0x1100 && c <= 0x11FF) {
        r->has_conjoining_jamo = 1;
    } else if (alphabet[c >> 6] & ((uint64_t)1 << (c & 63))) {
        if (s->last_alphabet_end == i) r->has_mojibake_pair = 1;
        s->last_alphabet_end = i + len;
        // `voilÃ le`: a lead whose NBSP second byte became a space, ending a lowercase word.
        if (len == 2 && i > 0 && p[i - 1] >= 'a' && p[i - 1] <= 'z' && i + 2 < n && p[i + 2] == 0x20
            && (capitals[c >> 6] & ((uint64_t)1 << (c & 63)))) r->has_mojibake_pair = 1;
    }
}

/// Scalar census of p[from..<to); returns the offset reached (to, or the first invalid byte).
static size_t scalar_range(const uint8_t *p, size_t from, size_t to, size_t n, const uint64_t *alphabet,
                           const uint64_t *capitals, mj_census_result *r, scan_state *s) {
    size_t i = from;
    while (i < to) {
        uint8_t b = p[i];
        if (b < 0x80) {
            if (is_counted_control(b)) { r->control_bytes++; if (b == 0) r->nul_bytes++; }
            i++;
            continue;
        }
        size_t len = sequence_at(p, i, n);
        if (len == 0) return i;
        // Once a pair is found, only U+FFFD and conjoining jamo are left to flag (EF and E1 leads).
        if (b == 0xE1 || b == 0xEF || (!r->has_mojibake_pair && (b < 0xE0 || b == 0xE2))) look_at(p, i, len, n, alphabet, capitals, r, s);
        i += len;
    }
    return i;
}

void mj_census_scalar(const uint8_t *p, size_t n, const uint64_t *alphabet, const uint64_t *capitals, mj_census_result *r) {
    memset(r, 0, sizeof *r);
    scan_state s = { (size_t)-1 };
    r->valid_prefix = scalar_range(p, 0, n, n, alphabet, capitals, r, &s);
    // Past the first invalid byte (legacy text, or a binary file) the control bytes are still
    // counted, so a binary file is known as one whatever its first bytes are. No legacy charset
    // uses a control byte inside a character.
    for (size_t i = r->valid_prefix; i < n; i++) {
        if (p[i] < 0x80 && is_counted_control(p[i])) { r->control_bytes++; if (p[i] == 0) r->nul_bytes++; }
    }
}

#ifdef MJ_HAVE_X86

#define TOO_SHORT (1 << 0)
#define TOO_LONG (1 << 1)
#define OVERLONG_3 (1 << 2)
#define TOO_LARGE (1 << 3)
#define SURROGATE (1 << 4)
#define OVERLONG_2 (1 << 5)
#define TOO_LARGE_1000 (1 << 6)
#define OVERLONG_4 (1 << 6)
#define TWO_CONTS (1 << 7)
#define CARRY (TOO_SHORT | TOO_LONG | TWO_CONTS)

__attribute__((target("ssse3")))
static inline __m128i prev_n(__m128i input, __m128i previous, int n) {
    switch (n) {
    case 1: return _mm_alignr_epi8(input, previous, 15);
    case 2: return _mm_alignr_epi8(input, previous, 14);
    default: return _mm_alignr_epi8(input, previous, 13);
    }
}

/// Error bits of one 16-byte block given the previous block (zero when well-formed so far).
__attribute__((target("ssse3")))
static inline __m128i block_errors(__m128i input, __m128i previous) {
    const __m128i byte_1_high_table = _mm_setr_epi8(
        (char)(TOO_LONG), (char)(TOO_LONG), (char)(TOO_LONG), (char)(TOO_LONG), (char)(TOO_LONG), (char)(TOO_LONG), (char)(TOO_LONG), (char)(TOO_LONG), (char)(TWO_CONTS), (char)(TWO_CONTS), (char)(TWO_CONTS), (char)(TWO_CONTS), (char)(TOO_SHORT | OVERLONG_2), (char)(TOO_SHORT), (char)(TOO_SHORT | OVERLONG_3 | SURROGATE), (char)(TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4));
    const __m128i byte_1_low_table = _mm_setr_epi8(
        (char)(CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4), (char)(CARRY | OVERLONG_2), (char)(CARRY), (char)(CARRY), (char)(CARRY | TOO_LARGE), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000));
    const __m128i byte_2_high_table = _mm_setr_epi8(
        (char)(TOO_SHORT), (char)(TOO_SHORT), (char)(TOO_SHORT), (char)(TOO_SHORT), (char)(TOO_SHORT), (char)(TOO_SHORT), (char)(TOO_SHORT), (char)(TOO_SHORT), (char)(TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4), (char)(TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE), (char)(TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE), (char)(TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE), (char)(TOO_SHORT), (char)(TOO_SHORT), (char)(TOO_SHORT), (char)(TOO_SHORT));
    const __m128i nibble = _mm_set1_epi8(0x0F);
    __m128i prev1 = prev_n(input, previous, 1);
    __m128i b1h = _mm_shuffle_epi8(byte_1_high_table, _mm_and_si128(_mm_srli_epi16(prev1, 4), nibble));
    __m128i b1l = _mm_shuffle_epi8(byte_1_low_table, _mm_and_si128(prev1, nibble));
    __m128i b2h = _mm_shuffle_epi8(byte_2_high_table, _mm_and_si128(_mm_srli_epi16(input, 4), nibble));
    __m128i special = _mm_and_si128(_mm_and_si128(b1h, b1l), b2h);
    __m128i prev2 = prev_n(input, previous, 2), prev3 = prev_n(input, previous, 3);
    __m128i third = _mm_subs_epu8(prev2, _mm_set1_epi8((char)(0xE0 - 0x80)));
    __m128i fourth = _mm_subs_epu8(prev3, _mm_set1_epi8((char)(0xF0 - 0x80)));
    __m128i must23 = _mm_and_si128(_mm_or_si128(third, fourth), _mm_set1_epi8((char)0x80));
    return _mm_xor_si128(must23, special);
}

__attribute__((target("ssse3")))
static void census_ssse3(const uint8_t *p, size_t n, const uint64_t *alphabet, const uint64_t *capitals, mj_census_result *r) {
    memset(r, 0, sizeof *r);
    scan_state s = { (size_t)-1 };
    __m128i previous = _mm_setzero_si128();
    __m128i errors = _mm_setzero_si128();
    const __m128i space = _mm_set1_epi8(0x20);
    const __m128i lead2_base = _mm_set1_epi8((char)0xC2), lead2_span = _mm_set1_epi8(0x1D);
    const __m128i e1 = _mm_set1_epi8((char)0xE1), e2 = _mm_set1_epi8((char)0xE2), ef = _mm_set1_epi8((char)0xEF);
    size_t i = 0;
    // Positions before `scalar_done` were already handled by the scalar path (a character that
    // started in an earlier block and ends in this one).
    size_t scalar_done = 0;
    for (; i + 16 <= n; i += 16) {
        __m128i input = _mm_loadu_si128((const __m128i *)(p + i));
        int high = _mm_movemask_epi8(input);
        if (high == 0) {
            // ASCII: validation only needs the previous block to have ended a sequence.
            errors = _mm_or_si128(errors, _mm_subs_epu8(previous, _mm_setr_epi8(
                (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF,
                (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xEF, (char)0xDF, (char)0xBF)));
            int low = _mm_movemask_epi8(_mm_cmplt_epi8(input, space));
            if (low) {
                for (int k = 0; k < 16; k++) if (low & (1 << k)) {
                    uint8_t b = p[i + k];
                    if (is_counted_control(b)) { r->control_bytes++; if (b == 0) r->nul_bytes++; }
                }
            }
        } else {
            errors = _mm_or_si128(errors, block_errors(input, previous));
            // Control bytes among the ASCII bytes of the block (signed compare: high bytes are negative).
            int low = _mm_movemask_epi8(_mm_cmplt_epi8(input, space)) & ~high;
            if (low) {
                for (int k = 0; k < 16; k++) if (low & (1 << k)) {
                    uint8_t b = p[i + k];
                    if (is_counted_control(b)) { r->control_bytes++; if (b == 0) r->nul_bytes++; }
                }
            }
            __m128i look = _mm_or_si128(_mm_cmpeq_epi8(input, e1), _mm_cmpeq_epi8(input, ef));
            // Two-byte leads and E2 only matter for the mojibake pair: once one is found, only
            // U+FFFD and conjoining jamo are left to flag (garbled text has a lead every few bytes).
            if (!r->has_mojibake_pair) {
                __m128i t = _mm_sub_epi8(input, lead2_base);
                __m128i lead2 = _mm_cmpeq_epi8(_mm_min_epu8(t, lead2_span), t);
                look = _mm_or_si128(look, _mm_or_si128(lead2, _mm_cmpeq_epi8(input, e2)));
            }
            int leads = _mm_movemask_epi8(look);
            while (leads) {
                int k = __builtin_ctz(leads);
                leads &= leads - 1;
                size_t at = i + (size_t)k;
                if (at < scalar_done) continue;
                size_t len = sequence_at(p, at, n);
                if (len == 0) continue;  // invalid: the SIMD errors report it
                look_at(p, at, len, n, alphabet, capitals, r, &s);
                scalar_done = at + len;
            }
        }
        previous = input;
        if (_mm_movemask_epi8(_mm_cmpeq_epi8(errors, _mm_setzero_si128())) != 0xFFFF) break;
    }
    if (_mm_movemask_epi8(_mm_cmpeq_epi8(errors, _mm_setzero_si128())) != 0xFFFF) {
        // Locate the first invalid byte precisely with the scalar path.
        mj_census_scalar(p, n, alphabet, capitals, r);
        return;
    }
    // The tail (and a sequence left open by the last block) goes through the scalar path: back up
    // to the start of the last character so it is validated whole.
    // A lead byte in the last three bytes whose sequence reaches past the blocks (or that can
    // never be valid) was not judged by the SIMD path, which needs the following byte for that.
    size_t tail = i;
    for (size_t k = 1; k <= 3 && k <= i; k++) {
        uint8_t b = p[i - k];
        if ((b & 0xC0) == 0x80) continue;
        if (b >= 0xC0) {
            size_t len = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
            if (b < 0xC2 || b > 0xF4 || i - k + len > i) tail = i - k;
        }
        break;
    }
    if (tail < scalar_done) tail = scalar_done;
    size_t reached = scalar_range(p, tail, n, n, alphabet, capitals, r, &s);
    // Controls between tail and i were counted twice (once per path); they are ASCII, so recount.
    for (size_t k = tail; k < i && k < n; k++) {
        uint8_t b = p[k];
        if (b < 0x80 && is_counted_control(b)) { r->control_bytes--; if (b == 0) r->nul_bytes--; }
    }
    r->valid_prefix = reached;
    if (reached < n) mj_census_scalar(p, n, alphabet, capitals, r);
}
#endif

static int utf8_valid_scalar(const uint8_t *p, size_t from, size_t n) {
    for (size_t i = from; i < n;) {
        size_t len = sequence_at(p, i, n);
        if (len == 0) return 0;
        i += len;
    }
    return 1;
}

#ifdef MJ_HAVE_X86
__attribute__((target("ssse3")))
static int utf8_valid_ssse3(const uint8_t *p, size_t n) {
    __m128i previous = _mm_setzero_si128();
    __m128i errors = _mm_setzero_si128();
    // The last bytes a block may end with when no sequence is left open (as in census_ssse3).
    const __m128i open_ends = _mm_setr_epi8(
        (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF,
        (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xEF, (char)0xDF, (char)0xBF);
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __m128i input = _mm_loadu_si128((const __m128i *)(p + i));
        errors = _mm_or_si128(errors, _mm_movemask_epi8(input) == 0 ? _mm_subs_epu8(previous, open_ends)
                                                                     : block_errors(input, previous));
        previous = input;
    }
    if (_mm_movemask_epi8(_mm_cmpeq_epi8(errors, _mm_setzero_si128())) != 0xFFFF) return 0;
    // The blocks judged every byte whose sequence they hold whole; a lead among the last three
    // bytes may open one that the tail completes, so the tail is read from it.
    size_t tail = i;
    for (size_t k = 1; k <= 3 && k <= i; k++) {
        uint8_t b = p[i - k];
        if ((b & 0xC0) == 0x80) continue;
        if (b >= 0xC0) tail = i - k;
        break;
    }
    return utf8_valid_scalar(p, tail, n);
}
#endif

int mj_utf8_valid(const uint8_t *p, size_t n) {
#ifdef MJ_HAVE_X86
    if (__builtin_cpu_supports("ssse3")) return utf8_valid_ssse3(p, n);
#endif
    return utf8_valid_scalar(p, 0, n);
}

size_t mj_json_plain_run(const uint8_t *p, size_t n, int *high) {
    size_t i = 0;
    int any_high = 0;
#if defined(MJ_HAVE_X86) && defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), control = _mm_set1_epi8(0x1F);
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
        __m128i stop = _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash));
        stop = _mm_or_si128(stop, _mm_cmpeq_epi8(_mm_min_epu8(v, control), v));  // v <= 0x1F
        int stops = _mm_movemask_epi8(stop), highs = _mm_movemask_epi8(v);
        if (stops) {
            int k = __builtin_ctz(stops);
            if (highs & ((1 << k) - 1)) any_high = 1;
            if (any_high) *high = 1;
            return i + (size_t)k;
        }
        if (highs) any_high = 1;
    }
#endif
    for (; i < n; i++) {
        uint8_t b = p[i];
        if (b == '"' || b == '\\' || b < 0x20) break;
        if (b >= 0x80) any_high = 1;
    }
    if (any_high) *high = 1;
    return i;
}

void mj_census(const uint8_t *p, size_t n, const uint64_t *alphabet, const uint64_t *capitals, mj_census_result *r) {
#ifdef MJ_HAVE_X86
    if (__builtin_cpu_supports("ssse3")) { census_ssse3(p, n, alphabet, capitals, r); return; }
#endif
    mj_census_scalar(p, n, alphabet, capitals, r);
}
