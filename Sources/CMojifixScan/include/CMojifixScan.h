// The census kernel: one pass over input bytes that validates UTF-8 and finds what the repair
// engine needs to know, SIMD-accelerated where the CPU allows. No ICU here; plain C types only.
#ifndef CMOJIFIX_SCAN_H
#define CMOJIFIX_SCAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    /// Length of the well-formed UTF-8 prefix (== length when the whole input is valid).
    size_t valid_prefix;
    /// NUL bytes, and control bytes other than TAB LF FF CR SO SI ESC (NUL included), over the
    /// whole input (also past the valid prefix).
    size_t nul_bytes;
    size_t control_bytes;
    /// Two adjacent characters of the mojibake alphabet, or one followed by U+FFFD, or one of
    /// `capitals` after a lowercase ASCII letter and before a space.
    int has_mojibake_pair;
    /// Conjoining jamo U+1100-U+11FF.
    int has_conjoining_jamo;
    /// U+FFFD anywhere.
    int has_replacement;
} mj_census_result;

/// `alphabet` is a 65,536-bit map (1,024 words) of the BMP scalars that some misreading charset
/// shows for a byte >= 0x80; `capitals` one of the same size of the capital letters some
/// misreading shows for a two-byte lead whose NBSP second byte may have become a space. The flags
/// are exact only within the valid prefix; the control counts cover the whole input.
void mj_census(const uint8_t *bytes, size_t length, const uint64_t *alphabet, const uint64_t *capitals,
               mj_census_result *result);

/// Whether `bytes` is well-formed UTF-8 (1) or not (0), 16 bytes at a time where the CPU allows:
/// the census's validation alone, for callers that need no flags (JSON Lines values).
int mj_utf8_valid(const uint8_t *bytes, size_t length);

/// Length of the run at `bytes` that a JSON string literal holds as it is: up to the first `"`,
/// `\` or byte below 0x20 (or `length`), 16 bytes at a time where the CPU allows; `*high` is set
/// to 1 when a byte of the run is 0x80 or above (left as it is otherwise).
size_t mj_json_plain_run(const uint8_t *bytes, size_t length, int *high);

/// Forces the portable scalar path (for tests comparing both paths).
void mj_census_scalar(const uint8_t *bytes, size_t length, const uint64_t *alphabet, const uint64_t *capitals,
                      mj_census_result *result);


/// Bits of `mj_markdown_bytes`'s result.
enum {
    /// A byte below 0x20 other than TAB, LF and the CR of a CRLF (NUL, form feed, a lone CR ...).
    MJ_MD_CONTROL = 1 << 0,
    /// `$$`, `{%`, `{::`, or `#` followed by NBSP or U+3000 somewhere.
    MJ_MD_SPECIAL = 1 << 1,
};

/// One pass over Markdown source for the byte-level conditions of the normaliser's quick
/// structure (MojifixMarkdown's QuickStructure): which of the MJ_MD_* conditions occur.
int mj_markdown_bytes(const uint8_t *bytes, size_t length);

/// Index of the first byte of `bytes` that the normaliser's inline scanner (MojifixMarkdown's
/// InlineScanner) reacts to, one of \ ` < ! [ ] : w @ { $, or `length` when there is none.
size_t mj_markdown_inline_special(const uint8_t *bytes, size_t length);

/// Index of the first byte of `bytes` that is CR or in C0-E9 or EE-FF (a lead byte, but not EA-ED,
/// the leads of Hangul syllables), or `length` when there is none: where the normaliser's
/// character and line-ending rules look.
size_t mj_markdown_rare_byte(const uint8_t *bytes, size_t length);

/// Index of the first byte of `bytes` equal to one of the `count` (at most 16) bytes of `set`, or
/// `length` when there is none: memchr for several bytes at once.
size_t mj_markdown_find_any(const uint8_t *bytes, size_t length, const uint8_t *set, size_t count);

#ifdef __cplusplus
}
#endif
#endif
