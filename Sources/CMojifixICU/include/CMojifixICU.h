// The C face of mojifix's ICU layer. Only plain C types cross this boundary: no ICU header is
// visible to Swift, which avoids the clash with Foundation's bundled ICU (see Documentation/ICU.md).
#ifndef CMOJIFIX_ICU_H
#define CMOJIFIX_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Result codes of the conversion functions (the byte count when >= 0).
enum {
    MJ_ILLEGAL = -1,     // input not valid in the source charset, or not mappable to the target
    MJ_OVERFLOW = -2,    // destination buffer too small
    MJ_FAILURE = -3      // any other ICU failure (see the status out-parameter)
};

/// A strict converter pair between one ICU charset and UTF-8.
typedef struct mj_converter mj_converter;

/// Opens a converter for `name` (any ICU alias). Returns NULL and sets *status on failure.
mj_converter *mj_converter_open(const char *name, int32_t *status);
void mj_converter_close(mj_converter *converter);
/// ICU's canonical name of the charset, e.g. "ibm-5348_P100-1997" for "windows-1252".
const char *mj_converter_canonical_name(const mj_converter *converter);
/// Largest number of bytes one character takes in the charset.
int32_t mj_converter_max_char_size(const mj_converter *converter);

/// The characters the charset maps both ways (ICU's round-trip set, what a strict encode and
/// decode accept), as `[start, end]` pairs written to `ranges` up to `capacity` entries; returns
/// the number of entries the whole set needs, or -1 on failure.
int32_t mj_converter_roundtrip_ranges(const mj_converter *converter, uint32_t *ranges, int32_t capacity);

/// Charset bytes -> UTF-8, strict: any illegal or unassigned input returns MJ_ILLEGAL.
int32_t mj_decode_to_utf8(mj_converter *converter, const uint8_t *src, int32_t length,
                          uint8_t *dst, int32_t capacity, int32_t *status);
/// UTF-8 -> charset bytes, strict: any character without an exact mapping returns MJ_ILLEGAL.
int32_t mj_encode_from_utf8(mj_converter *converter, const uint8_t *src, int32_t length,
                            uint8_t *dst, int32_t capacity, int32_t *status);

/// Unicode normalisation of UTF-8 text. `form` is 'C' (NFC) or 'D' (NFD); never compatibility forms.
int32_t mj_normalize_utf8(char form, const uint8_t *src, int32_t length,
                          uint8_t *dst, int32_t capacity, int32_t *status);

/// 1 when UTF-8 text is already in NFC, 0 when not, negative on failure.
int mj_is_nfc_utf8(const uint8_t *src, int32_t length);
/// Length of the longest prefix of UTF-8 text whose every scalar is NFC quick-check Yes with
/// combining class 0 (such text is NFC and nothing before it composes with what follows it).
int32_t mj_nfc_quick_yes_span(const uint8_t *src, int32_t length);

/// The character `a` followed by `b` composes to under NFC (`a` + U+0328 -> U+0105), or -1.
int32_t mj_compose_pair(int32_t a, int32_t b);

/// Scripts the engine distinguishes; everything else is MJ_SCRIPT_OTHER.
typedef enum {
    MJ_SCRIPT_COMMON = 0, MJ_SCRIPT_INHERITED, MJ_SCRIPT_LATIN, MJ_SCRIPT_GREEK,
    MJ_SCRIPT_CYRILLIC, MJ_SCRIPT_ARMENIAN, MJ_SCRIPT_HEBREW, MJ_SCRIPT_ARABIC,
    MJ_SCRIPT_SYRIAC, MJ_SCRIPT_THAANA, MJ_SCRIPT_NKO, MJ_SCRIPT_DEVANAGARI,
    MJ_SCRIPT_THAI, MJ_SCRIPT_HANGUL, MJ_SCRIPT_HAN, MJ_SCRIPT_HIRAGANA,
    MJ_SCRIPT_KATAKANA, MJ_SCRIPT_BOPOMOFO, MJ_SCRIPT_YI, MJ_SCRIPT_OTHER
} mj_script;

mj_script mj_script_of(uint32_t scalar);
/// ICU's answer without the table `mj_script_of` keeps below U+3000 (for the tests that compare the two).
mj_script mj_script_of_icu(uint32_t scalar);

/// Binary properties the engine asks about.
typedef enum {
    MJ_PROP_EMOJI = 0, MJ_PROP_EXTENDED_PICTOGRAPHIC, MJ_PROP_DEFAULT_IGNORABLE,
    MJ_PROP_VARIATION_SELECTOR, MJ_PROP_BIDI_CONTROL
} mj_property;

int mj_has_property(uint32_t scalar, mj_property property);

/// 1 when the whole UTF-8 string is one RGI emoji ZWJ sequence (ICU's UCHAR_RGI_EMOJI_ZWJ_SEQUENCE).
int mj_is_rgi_emoji_zwj_sequence(const uint8_t *src, int32_t length);
/// 1 when the whole UTF-8 string is one RGI emoji (any kind: single, flag, keycap, tag, ZWJ ...).
int mj_is_rgi_emoji(const uint8_t *src, int32_t length);

/// The Unicode version ICU's data implements, e.g. "15.0".
const char *mj_unicode_version(void);
/// The version of the ICU library linked in, e.g. "72.1".
const char *mj_icu_version(void);

#ifdef __cplusplus
}
#endif
#endif
