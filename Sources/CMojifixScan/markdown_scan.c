// Byte conditions of the Markdown normaliser's quick structure, 16 bytes at a time where SSE2 is
// there (every x86-64): only blocks holding a control byte or one of `$`, `{`, `#` are looked at
// byte by byte.
#include "CMojifixScan.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

/// The conditions at p[i], a byte flagged by the block scan (or any byte on the scalar path).
static int look(const uint8_t *p, size_t i, size_t n) {
    uint8_t b = p[i];
    // A CR ends a line for cmark on its own too; the line table knows only CRLF.
    if (b == 0x0D) return i + 1 < n && p[i + 1] == 0x0A ? 0 : MJ_MD_CONTROL;
    if (b < 0x20) return b == 0x09 || b == 0x0A ? 0 : MJ_MD_CONTROL;
    if (i + 1 >= n) return 0;
    uint8_t c = p[i + 1];
    switch (b) {
    case '$': return c == '$' ? MJ_MD_SPECIAL : 0;
    case '{': return c == '%' || (c == ':' && i + 2 < n && p[i + 2] == ':') ? MJ_MD_SPECIAL : 0;
    case '#':
        if (c == 0xC2 && i + 2 < n && p[i + 2] == 0xA0) return MJ_MD_SPECIAL;
        if (c == 0xE3 && i + 3 < n && p[i + 2] == 0x80 && p[i + 3] == 0x80) return MJ_MD_SPECIAL;
        return 0;
    default: return 0;
    }
}

int mj_markdown_bytes(const uint8_t *p, size_t n) {
    int found = 0;
    size_t i = 0;
#if defined(__x86_64__)
    const __m128i below = _mm_set1_epi8(0x1F), dollar = _mm_set1_epi8('$');
    const __m128i brace = _mm_set1_epi8('{'), hash = _mm_set1_epi8('#');
    for (; i + 16 <= n; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(p + i));
        __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(x, below), x),
                                   _mm_or_si128(_mm_cmpeq_epi8(x, dollar),
                                                _mm_or_si128(_mm_cmpeq_epi8(x, brace), _mm_cmpeq_epi8(x, hash))));
        int mask = _mm_movemask_epi8(hit);
        while (mask) {
            int k = __builtin_ctz(mask);
            mask &= mask - 1;
            found |= look(p, i + (size_t)k, n);
        }
    }
#endif
    for (; i < n; i++) found |= look(p, i, n);
    return found;
}

/// The inline scanner's bytes (see the header).
static int inline_special(uint8_t b) {
    switch (b) {
    case '\\': case '`': case '<': case '!': case '[': case ']': case ':': case 'w': case '@': case '{': case '$':
        return 1;
    default:
        return 0;
    }
}

#if defined(__x86_64__)
/// `mj_markdown_inline_special` over the whole 32-byte blocks of `p` (AVX2): the first one's
/// index, else the end of the blocks. By nibbles: a byte is one of them when
/// the entry of its high nibble (2-7: bits 0-5) and that of its low nibble share a bit. Low
/// nibbles: 0 `@` and backtick, 1 `!`, 4 `$`, 7 `w`, A `:`, B `[` and `{`, C `<` and `\`, D `]`.
__attribute__((target("avx2")))
static size_t inline_special_avx2(const uint8_t *p, size_t n) {
    const __m256i high = _mm256_setr_epi8(0, 0, 1, 2, 4, 8, 16, 32, 0, 0, 0, 0, 0, 0, 0, 0,
                                          0, 0, 1, 2, 4, 8, 16, 32, 0, 0, 0, 0, 0, 0, 0, 0);
    const __m256i low = _mm256_setr_epi8(4 | 16, 1, 0, 0, 1, 0, 0, 32, 0, 0, 2, 8 | 32, 2 | 8, 8, 0, 0,
                                         4 | 16, 1, 0, 0, 1, 0, 0, 32, 0, 0, 2, 8 | 32, 2 | 8, 8, 0, 0);
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        __m256i x = _mm256_loadu_si256((const __m256i *)(p + i));
        __m256i h = _mm256_shuffle_epi8(high, _mm256_and_si256(_mm256_srli_epi16(x, 4), nibble));
        __m256i l = _mm256_shuffle_epi8(low, _mm256_and_si256(x, nibble));
        __m256i none = _mm256_cmpeq_epi8(_mm256_and_si256(h, l), _mm256_setzero_si256());
        uint32_t mask = ~(uint32_t)_mm256_movemask_epi8(none);
        if (mask) return i + (size_t)__builtin_ctz(mask);
    }
    return i;
}
#endif

size_t mj_markdown_inline_special(const uint8_t *p, size_t n) {
    size_t i = 0;
#if defined(__x86_64__)
    if (n >= 32 && __builtin_cpu_supports("avx2")) {
        i = inline_special_avx2(p, n);
        if (i < (n & ~(size_t)31)) return i;
    }
    // `[`, `\`, `]` are 0x5B-0x5D: one range test (x - 0x5B <= 2, unsigned) for the three.
    const __m128i bracket = _mm_set1_epi8(0x5B), two = _mm_set1_epi8(2);
    const __m128i backtick = _mm_set1_epi8('`'), less = _mm_set1_epi8('<'), bang = _mm_set1_epi8('!');
    const __m128i colon = _mm_set1_epi8(':'), w = _mm_set1_epi8('w'), at = _mm_set1_epi8('@');
    const __m128i brace = _mm_set1_epi8('{'), dollar = _mm_set1_epi8('$');
    for (; i + 16 <= n; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(p + i));
        __m128i d = _mm_sub_epi8(x, bracket);
        __m128i hit = _mm_cmpeq_epi8(_mm_min_epu8(d, two), d);
        hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(x, backtick), _mm_cmpeq_epi8(x, less)));
        hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(x, bang), _mm_cmpeq_epi8(x, colon)));
        hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(x, w), _mm_cmpeq_epi8(x, at)));
        hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(x, brace), _mm_cmpeq_epi8(x, dollar)));
        int mask = _mm_movemask_epi8(hit);
        if (mask) return i + (size_t)__builtin_ctz(mask);
    }
#endif
    for (; i < n; i++) if (inline_special(p[i])) return i;
    return n;
}

size_t mj_markdown_rare_byte(const uint8_t *p, size_t n) {
    size_t i = 0;
#if defined(__x86_64__)
    const __m128i c0 = _mm_set1_epi8((char)0xC0), ea = _mm_set1_epi8((char)0xEA), three = _mm_set1_epi8(3);
    const __m128i cr = _mm_set1_epi8(0x0D);
    for (; i + 16 <= n; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(p + i));
        __m128i lead = _mm_cmpeq_epi8(_mm_max_epu8(x, c0), x);
        __m128i d = _mm_sub_epi8(x, ea);
        __m128i hangul = _mm_cmpeq_epi8(_mm_min_epu8(d, three), d);
        __m128i hit = _mm_or_si128(_mm_andnot_si128(hangul, lead), _mm_cmpeq_epi8(x, cr));
        int mask = _mm_movemask_epi8(hit);
        if (mask) return i + (size_t)__builtin_ctz(mask);
    }
#endif
    for (; i < n; i++) if (p[i] == 0x0D || (p[i] >= 0xC0 && (p[i] < 0xEA || p[i] > 0xED))) return i;
    return n;
}

size_t mj_markdown_find_any(const uint8_t *p, size_t n, const uint8_t *set, size_t count) {
    size_t i = 0;
    if (count > 16) count = 16;
#if defined(__x86_64__)
    __m128i wanted[16];
    for (size_t k = 0; k < count; k++) wanted[k] = _mm_set1_epi8((char)set[k]);
    for (; i + 16 <= n; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(p + i)), hit = _mm_setzero_si128();
        for (size_t k = 0; k < count; k++) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(x, wanted[k]));
        int mask = _mm_movemask_epi8(hit);
        if (mask) return i + (size_t)__builtin_ctz(mask);
    }
#endif
    for (; i < n; i++)
        for (size_t k = 0; k < count; k++)
            if (p[i] == set[k]) return i;
    return n;
}
