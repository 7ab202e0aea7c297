// ICU access for mojifix. Everything that includes an ICU header lives in this one file.
#include "CMojifixICU.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/unorm2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>
#if defined(__x86_64__)
#include <emmintrin.h>
#include <immintrin.h>
#endif

struct mj_converter {
    UConverter *charset;
    UConverter *utf8;
    UChar pivot[1024];
};

// ICU's STOP callback is not strict (it drops default-ignorable code points when encoding,
// Documentation/ICU.md). A callback that leaves the error code set stops the conversion for real.
static void U_CALLCONV strict_to_unicode(const void *context, UConverterToUnicodeArgs *args,
                                         const char *units, int32_t length,
                                         UConverterCallbackReason reason, UErrorCode *err) {
    (void)context; (void)args; (void)units; (void)length; (void)reason; (void)err;
}

static void U_CALLCONV strict_from_unicode(const void *context, UConverterFromUnicodeArgs *args,
                                           const UChar *units, int32_t length, UChar32 codePoint,
                                           UConverterCallbackReason reason, UErrorCode *err) {
    (void)context; (void)args; (void)units; (void)length; (void)codePoint; (void)reason; (void)err;
}

static void make_strict(UConverter *converter, UErrorCode *status) {
    ucnv_setToUCallBack(converter, strict_to_unicode, NULL, NULL, NULL, status);
    ucnv_setFromUCallBack(converter, strict_from_unicode, NULL, NULL, NULL, status);
    ucnv_setFallback(converter, 0);
}

mj_converter *mj_converter_open(const char *name, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    mj_converter *c = calloc(1, sizeof(mj_converter));
    if (c == NULL) { *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    c->charset = ucnv_open(name, &err);
    if (err <= U_ZERO_ERROR) c->utf8 = ucnv_open("UTF-8", &err);
    if (err <= U_ZERO_ERROR) make_strict(c->charset, &err);
    if (err <= U_ZERO_ERROR) make_strict(c->utf8, &err);
    // A warning (for example U_AMBIGUOUS_ALIAS_WARNING for "windows-1252") is success.
    if (err > U_ZERO_ERROR) {
        *status = err;
        mj_converter_close(c);
        return NULL;
    }
    *status = U_ZERO_ERROR;
    return c;
}

void mj_converter_close(mj_converter *c) {
    if (c == NULL) return;
    if (c->charset) ucnv_close(c->charset);
    if (c->utf8) ucnv_close(c->utf8);
    free(c);
}

const char *mj_converter_canonical_name(const mj_converter *c) {
    UErrorCode err = U_ZERO_ERROR;
    const char *name = ucnv_getName(c->charset, &err);
    return err > U_ZERO_ERROR ? "" : name;
}

int32_t mj_converter_max_char_size(const mj_converter *c) {
    return ucnv_getMaxCharSize(c->charset);
}

int32_t mj_converter_roundtrip_ranges(const mj_converter *c, uint32_t *ranges, int32_t capacity) {
    UErrorCode err = U_ZERO_ERROR;
    USet *set = uset_openEmpty();
    if (set == NULL) return -1;
    ucnv_getUnicodeSet(c->charset, set, UCNV_ROUNDTRIP_SET, &err);
    int32_t written = 0;
    if (err <= U_ZERO_ERROR) {
        int32_t items = uset_getItemCount(set);
        for (int32_t i = 0; i < items; i++) {
            UChar32 start, end;
            UErrorCode itemErr = U_ZERO_ERROR;
            // A range (0) or a string (its length): a converter's set holds no strings that matter here.
            if (uset_getItem(set, i, &start, &end, NULL, 0, &itemErr) != 0 || itemErr > U_ZERO_ERROR) continue;
            if (written + 2 <= capacity) { ranges[written] = (uint32_t)start; ranges[written + 1] = (uint32_t)end; }
            written += 2;
        }
    }
    uset_close(set);
    return err > U_ZERO_ERROR ? -1 : written;
}

static int32_t convert(UConverter *to, UConverter *from, mj_converter *c,
                       const uint8_t *src, int32_t length, uint8_t *dst, int32_t capacity,
                       int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    char *target = (char *)dst;
    const char *source = (const char *)src;
    UChar *pivotSource = c->pivot, *pivotTarget = c->pivot;
    ucnv_convertEx(to, from, &target, (char *)dst + capacity, &source, source + length,
                   c->pivot, &pivotSource, &pivotTarget, c->pivot + 1024,
                   1, 1, &err);
    *status = err;
    if (err == U_BUFFER_OVERFLOW_ERROR) return MJ_OVERFLOW;
    if (err == U_INVALID_CHAR_FOUND || err == U_ILLEGAL_CHAR_FOUND ||
        err == U_TRUNCATED_CHAR_FOUND || err == U_ILLEGAL_ESCAPE_SEQUENCE ||
        err == U_UNSUPPORTED_ESCAPE_SEQUENCE) return MJ_ILLEGAL;
    if (err > U_ZERO_ERROR) return MJ_FAILURE;
    return (int32_t)(target - (char *)dst);
}

int32_t mj_decode_to_utf8(mj_converter *c, const uint8_t *src, int32_t length,
                          uint8_t *dst, int32_t capacity, int32_t *status) {
    return convert(c->utf8, c->charset, c, src, length, dst, capacity, status);
}

int32_t mj_encode_from_utf8(mj_converter *c, const uint8_t *src, int32_t length,
                            uint8_t *dst, int32_t capacity, int32_t *status) {
    return convert(c->charset, c->utf8, c, src, length, dst, capacity, status);
}

int32_t mj_normalize_utf8(char form, const uint8_t *src, int32_t length,
                          uint8_t *dst, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *norm = form == 'D' ? unorm2_getNFDInstance(&err) : unorm2_getNFCInstance(&err);
    if (err > U_ZERO_ERROR) { *status = err; return MJ_FAILURE; }
    int32_t u16len = 0;
    u_strFromUTF8(NULL, 0, &u16len, (const char *)src, length, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) err = U_ZERO_ERROR;
    if (err > U_ZERO_ERROR) { *status = err; return MJ_ILLEGAL; }
    // NFD can expand a Hangul syllable to 3 units; 4x leaves room for any canonical expansion.
    int32_t cap16 = u16len * 4 + 16;
    UChar *in = malloc(sizeof(UChar) * (size_t)(u16len + 1));
    UChar *out = malloc(sizeof(UChar) * (size_t)cap16);
    int32_t result = MJ_FAILURE;
    if (in && out) {
        u_strFromUTF8(in, u16len + 1, NULL, (const char *)src, length, &err);
        int32_t outLen = unorm2_normalize(norm, in, u16len, out, cap16, &err);
        int32_t written = 0;
        if (err <= U_ZERO_ERROR) u_strToUTF8((char *)dst, capacity, &written, out, outLen, &err);
        if (err == U_BUFFER_OVERFLOW_ERROR) result = MJ_OVERFLOW;
        else if (err <= U_ZERO_ERROR) result = written;
    }
    free(in); free(out);
    *status = err;
    return result;
}

/// A scalar that is NFC_Quick_Check=Yes with canonical combining class 0.
static int nfc_quick_yes(uint32_t c) {
    if (c < 0x80) return 1;
    return u_getCombiningClass((UChar32)c) == 0
        && u_getIntPropertyValue((UChar32)c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
}

/// The next scalar of well-formed UTF-8 at src[*i] (advancing *i), or -1 for anything else.
static int32_t next_scalar(const uint8_t *src, int32_t length, int32_t *i) {
    int32_t k = *i;
    uint8_t b0 = src[k];
    if (b0 >= 0xC2 && b0 <= 0xDF && k + 1 < length && (src[k + 1] & 0xC0) == 0x80) {
        *i = k + 2;
        return ((b0 & 0x1F) << 6) | (src[k + 1] & 0x3F);
    }
    if (b0 >= 0xE0 && b0 <= 0xEF && k + 2 < length && (src[k + 1] & 0xC0) == 0x80 && (src[k + 2] & 0xC0) == 0x80) {
        int32_t c = ((b0 & 0x0F) << 12) | ((src[k + 1] & 0x3F) << 6) | (src[k + 2] & 0x3F);
        if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return -1;
        *i = k + 3;
        return c;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4 && k + 3 < length && (src[k + 1] & 0xC0) == 0x80 && (src[k + 2] & 0xC0) == 0x80
        && (src[k + 3] & 0xC0) == 0x80) {
        int32_t c = ((b0 & 0x07) << 18) | ((src[k + 1] & 0x3F) << 12) | ((src[k + 2] & 0x3F) << 6) | (src[k + 3] & 0x3F);
        if (c < 0x10000 || c > 0x10FFFF) return -1;
        *i = k + 4;
        return c;
    }
    return -1;
}

/// One character (or eight ASCII bytes) of the quick check at src[*i], advancing *i: 0 when it is
/// not quick-check Yes with combining class 0 (or not well-formed UTF-8).
static int quick_yes_step(const uint8_t *src, int32_t length, int32_t *i) {
    uint8_t b0 = src[*i];
    if (b0 < 0x80) {
        uint64_t word;
        if (*i + 8 <= length && (memcpy(&word, src + *i, 8), (word & 0x8080808080808080ULL) == 0)) *i += 8;
        else *i += 1;
        return 1;
    }
    // Hangul syllables and CJK ideographs (three bytes) without a call.
    if ((b0 & 0xF0) == 0xE0 && *i + 2 < length) {
        uint32_t b1 = src[*i + 1] ^ 0x80u, b2 = src[*i + 2] ^ 0x80u;
        if ((b1 | b2) < 0x40) {
            uint32_t c3 = ((uint32_t)(b0 & 0x0F) << 12) | (b1 << 6) | b2;
            if (c3 - 0xAC00 <= 0xD7A3 - 0xAC00 || c3 - 0x4E00 <= 0x9FFF - 0x4E00) { *i += 3; return 1; }
        }
    }
    int32_t c = next_scalar(src, length, i);
    return c >= 0 && nfc_quick_yes((uint32_t)c);
}

#if defined(__x86_64__)
/// Bit k set when byte k of `x` is in lo...lo+span.
static inline int in_range(__m128i x, uint8_t lo, uint8_t span) {
    __m128i t = _mm_sub_epi8(x, _mm_set1_epi8((char)lo));
    return _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8((char)span)), t));
}

/// How many of the 16 bytes at p are ASCII and whole Hangul syllables (U+AC00-U+D7A3), stopping
/// before a syllable the block does not hold whole; 0 when anything else is in them.
static int ascii_hangul_prefix(const uint8_t *p) {
    __m128i x = _mm_loadu_si128((const __m128i *)p);
    int ascii = _mm_movemask_epi8(x) ^ 0xFFFF;
    if (ascii == 0xFFFF) return 16;
    int lead = in_range(x, 0xEA, 3), cont = in_range(x, 0x80, 0x3F);
    int cut = lead & 0x4000 ? 14 : lead & 0x8000 ? 15 : 16;
    int keep = (1 << cut) - 1;
    lead &= keep;
    if (((ascii | lead | cont) & keep) != keep) return 0;
    // Every lead kept has both its continuations in the block (`EB EB 80 80` ending it is no syllable).
    if ((((lead << 1) | (lead << 2)) & ~keep & 0xFFFF) != 0) return 0;
    if ((cont & keep) != (((lead << 1) | (lead << 2)) & keep)) return 0;
    // EA 80-AF is below U+AC00; ED 9F-BF and ED 9E A4-BF are past U+D7A3.
    int ea = in_range(x, 0xEA, 0) & lead, ed = in_range(x, 0xED, 0) & lead;
    if ((ea | ed) == 0) return cut;
    int is_9e = in_range(x, 0x9E, 0);
    int outside = (ea & (in_range(x, 0x80, 0x2F) >> 1)) | (ed & (in_range(x, 0x9F, 0x20) >> 1))
        | (ed & (is_9e >> 1) & (in_range(x, 0xA4, 0x1B) >> 2));
    return outside ? 0 : cut;
}

/// The same for 32 bytes with AVX2 (bit k of each mask is byte k).
__attribute__((target("avx2")))
static inline uint32_t in_range32(__m256i x, uint8_t lo, uint8_t span) {
    __m256i t = _mm256_sub_epi8(x, _mm256_set1_epi8((char)lo));
    return (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_min_epu8(t, _mm256_set1_epi8((char)span)), t));
}

/// `ascii_hangul_prefix` for the 32 bytes at p.
__attribute__((target("avx2")))
static int ascii_hangul_prefix32(const uint8_t *p) {
    __m256i x = _mm256_loadu_si256((const __m256i *)p);
    uint32_t ascii = ~(uint32_t)_mm256_movemask_epi8(x);
    if (ascii == 0xFFFFFFFFu) return 32;
    uint32_t lead = in_range32(x, 0xEA, 3), cont = in_range32(x, 0x80, 0x3F);
    int cut = lead & 0x40000000u ? 30 : lead & 0x80000000u ? 31 : 32;
    uint32_t keep = cut == 32 ? 0xFFFFFFFFu : (1u << cut) - 1;
    lead &= keep;
    if (((ascii | lead | cont) & keep) != keep) return 0;
    if ((((lead << 1) | (lead << 2)) & ~keep) != 0) return 0;
    if ((cont & keep) != (((lead << 1) | (lead << 2)) & keep)) return 0;
    uint32_t ea = in_range32(x, 0xEA, 0) & lead, ed = in_range32(x, 0xED, 0) & lead;
    if ((ea | ed) == 0) return cut;
    uint32_t is_9e = in_range32(x, 0x9E, 0);
    uint32_t outside = (ea & (in_range32(x, 0x80, 0x2F) >> 1)) | (ed & (in_range32(x, 0x9F, 0x20) >> 1))
        | (ed & (is_9e >> 1) & (in_range32(x, 0xA4, 0x1B) >> 2));
    return outside ? 0 : cut;
}
#endif

int32_t mj_nfc_quick_yes_span(const uint8_t *src, int32_t length) {
    int32_t i = 0;
#if defined(__x86_64__)
    const int avx2 = __builtin_cpu_supports("avx2");
#endif
    while (i < length) {
        int32_t at = i;
#if defined(__x86_64__)
        if (avx2 && i + 32 <= length) {
            int whole = ascii_hangul_prefix32(src + i);
            if (whole) { i += whole; continue; }
        }
        if (i + 16 <= length) {
            int whole = ascii_hangul_prefix(src + i);
            if (whole) { i += whole; continue; }
            for (int32_t end = i + 16; i < end;) {
                at = i;
                if (!quick_yes_step(src, length, &i)) return at;
            }
            continue;
        }
#endif
        if (!quick_yes_step(src, length, &i)) return at;
    }
    return length;
}

int32_t mj_compose_pair(int32_t a, int32_t b) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
    if (U_FAILURE(err)) return -1;
    return unorm2_composePair(nfc, a, b);
}

int mj_is_nfc_utf8(const uint8_t *src, int32_t length) {
    // Every scalar quick-check Yes with combining class 0 makes the text NFC (UAX #15 quick
    // check); otherwise (also for ill-formed UTF-8) ICU's full check decides.
    if (mj_nfc_quick_yes_span(src, length) == length) return 1;
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
    int32_t u16len = 0;
    u_strFromUTF8(NULL, 0, &u16len, (const char *)src, length, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) err = U_ZERO_ERROR;
    if (err > U_ZERO_ERROR) return -1;
    UChar *text = malloc(sizeof(UChar) * (size_t)(u16len + 1));
    if (text == NULL) return -1;
    u_strFromUTF8(text, u16len + 1, NULL, (const char *)src, length, &err);
    UBool result = err <= U_ZERO_ERROR ? unorm2_isNormalized(nfc, text, u16len, &err) : 0;
    free(text);
    return err > U_ZERO_ERROR ? -1 : (result ? 1 : 0);
}

static mj_script script_from_icu(uint32_t scalar);

// Scripts below U+3000 (every mojibake alphabet and the letters around it) looked up once: the
// scoring of decoded units asks for the script of each unit and its neighbours, and ICU's lookup
// was a few percent of the repair time on garbled text.
#define SCRIPT_TABLE_LIMIT 0x3000u
static uint8_t script_table[SCRIPT_TABLE_LIMIT];
static pthread_once_t script_table_once = PTHREAD_ONCE_INIT;
static void fill_script_table(void) {
    for (uint32_t s = 0; s < SCRIPT_TABLE_LIMIT; s++) script_table[s] = (uint8_t)script_from_icu(s);
}

mj_script mj_script_of(uint32_t scalar) {
    if (scalar < SCRIPT_TABLE_LIMIT) {
        pthread_once(&script_table_once, fill_script_table);
        return (mj_script)script_table[scalar];
    }
    if (scalar >= 0xAC00 && scalar <= 0xD7A3) return MJ_SCRIPT_HANGUL;
    return script_from_icu(scalar);
}

mj_script mj_script_of_icu(uint32_t scalar) { return script_from_icu(scalar); }

static mj_script script_from_icu(uint32_t scalar) {
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript((UChar32)scalar, &err);
    if (err > U_ZERO_ERROR) return MJ_SCRIPT_OTHER;
    switch (code) {
    case USCRIPT_COMMON: return MJ_SCRIPT_COMMON;
    case USCRIPT_INHERITED: return MJ_SCRIPT_INHERITED;
    case USCRIPT_LATIN: return MJ_SCRIPT_LATIN;
    case USCRIPT_GREEK: return MJ_SCRIPT_GREEK;
    case USCRIPT_CYRILLIC: return MJ_SCRIPT_CYRILLIC;
    case USCRIPT_ARMENIAN: return MJ_SCRIPT_ARMENIAN;
    case USCRIPT_HEBREW: return MJ_SCRIPT_HEBREW;
    case USCRIPT_ARABIC: return MJ_SCRIPT_ARABIC;
    case USCRIPT_SYRIAC: return MJ_SCRIPT_SYRIAC;
    case USCRIPT_THAANA: return MJ_SCRIPT_THAANA;
    case USCRIPT_NKO: return MJ_SCRIPT_NKO;
    case USCRIPT_DEVANAGARI: return MJ_SCRIPT_DEVANAGARI;
    case USCRIPT_THAI: return MJ_SCRIPT_THAI;
    case USCRIPT_HANGUL: return MJ_SCRIPT_HANGUL;
    case USCRIPT_HAN: return MJ_SCRIPT_HAN;
    case USCRIPT_HIRAGANA: return MJ_SCRIPT_HIRAGANA;
    case USCRIPT_KATAKANA: return MJ_SCRIPT_KATAKANA;
    case USCRIPT_BOPOMOFO: return MJ_SCRIPT_BOPOMOFO;
    case USCRIPT_YI: return MJ_SCRIPT_YI;
    default: return MJ_SCRIPT_OTHER;
    }
}

int mj_has_property(uint32_t scalar, mj_property property) {
    UProperty which;
    switch (property) {
    case MJ_PROP_EMOJI: which = UCHAR_EMOJI; break;
    case MJ_PROP_EXTENDED_PICTOGRAPHIC: which = UCHAR_EXTENDED_PICTOGRAPHIC; break;
    case MJ_PROP_DEFAULT_IGNORABLE: which = UCHAR_DEFAULT_IGNORABLE_CODE_POINT; break;
    case MJ_PROP_VARIATION_SELECTOR: which = UCHAR_VARIATION_SELECTOR; break;
    case MJ_PROP_BIDI_CONTROL: which = UCHAR_BIDI_CONTROL; break;
    default: return 0;
    }
    return u_hasBinaryProperty((UChar32)scalar, which) ? 1 : 0;
}

static int string_has_property(const uint8_t *src, int32_t length, UProperty which) {
    UErrorCode err = U_ZERO_ERROR;
    UChar stackBuffer[256];
    int32_t u16len = 0;
    u_strFromUTF8(stackBuffer, 256, &u16len, (const char *)src, length, &err);
    if (err > U_ZERO_ERROR) return 0;
    return u_stringHasBinaryProperty(stackBuffer, u16len, which) ? 1 : 0;
}

int mj_is_rgi_emoji_zwj_sequence(const uint8_t *src, int32_t length) {
    return string_has_property(src, length, UCHAR_RGI_EMOJI_ZWJ_SEQUENCE);
}

int mj_is_rgi_emoji(const uint8_t *src, int32_t length) {
    return string_has_property(src, length, UCHAR_RGI_EMOJI);
}

static const char *version_text(void (*get)(UVersionInfo), char *text) {
    UVersionInfo version;
    get(version);
    u_versionToString(version, text);
    return text;
}

const char *mj_unicode_version(void) {
    static char text[U_MAX_VERSION_STRING_LENGTH];
    return version_text(u_getUnicodeVersion, text);
}

const char *mj_icu_version(void) {
    static char text[U_MAX_VERSION_STRING_LENGTH];
    return version_text(u_getVersion, text);
}
