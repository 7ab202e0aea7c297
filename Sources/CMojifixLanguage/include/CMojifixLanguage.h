// Language plausibility: character bigram costs per language, from a table generated at
// development time (Scripts/make_language_model.py). No ICU, no allocation; plain C types only.
#ifndef CMOJIFIX_LANGUAGE_H
#define CMOJIFIX_LANGUAGE_H

#include <stddef.h>
#include <stdint.h>

#include "scalar_categories.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Writing systems of the modelled languages.
typedef enum {
    MJ_LM_SCRIPT_NONE = 0, MJ_LM_SCRIPT_LATIN, MJ_LM_SCRIPT_CYRILLIC, MJ_LM_SCRIPT_GREEK,
    MJ_LM_SCRIPT_HEBREW, MJ_LM_SCRIPT_ARABIC, MJ_LM_SCRIPT_HAN, MJ_LM_SCRIPT_JAPANESE,
    MJ_LM_SCRIPT_HANGUL, MJ_LM_SCRIPT_THAI
} mj_lm_script;

/// Number of modelled languages (at most 64: languages are bits of a uint64_t mask).
int mj_lm_language_count(void);
/// BCP 47 tag of language `index`, e.g. "fr" or "zh-Hant".
const char *mj_lm_language_code(int index);
mj_lm_script mj_lm_language_script(int index);
/// Mean cost per token of the language's own running text, in tenths of a nat.
int mj_lm_language_typical_cost(int index);

/// The model's token for a scalar: lowercase letter, '0' for a digit, U+0020 for white space
/// and punctuation, the scalar itself otherwise.
uint32_t mj_lm_token(uint32_t scalar);
/// Cost (tenths of a nat, -10 ln P) of `token` after `previous` in language `index`.
int mj_lm_cost(int index, uint32_t previous, uint32_t token);
/// The same cost from the model's hash table alone, without the direct table and the per-thread
/// cache `mj_lm_cost` uses: for tests that the shortcuts change nothing.
int mj_lm_reference_cost(int index, uint32_t previous, uint32_t token);
/// 1 when language `index`'s word lists hold `token` (a folded token) at all; 0 for one the
/// model only prices (an unseen letter of the language's script costs less than the floor).
int mj_lm_knows(int index, uint32_t token);

/// Languages worth scoring for these scalars: those written in a script that occurs in them
/// (Latin languages for pure ASCII).
uint64_t mj_lm_languages_for(const uint32_t *scalars, size_t count);

/// Which bigrams a score counts. Readings of the same bytes in ASCII-compatible charsets differ
/// only in the bigrams that touch a non-ASCII scalar: score the ASCII ones once, the others per reading.
typedef enum { MJ_LM_ALL = 0, MJ_LM_NON_ASCII = 1, MJ_LM_ASCII = 2 } mj_lm_bigrams;

/// Adds to costs[i] (tenths of a nat) the cost of the scalars under each language i in `mask`.
/// Runs of separators count once. Returns the number of bigrams counted.
size_t mj_lm_score(const uint32_t *scalars, size_t count, uint64_t mask, mj_lm_bigrams which,
                   int64_t *costs);
/// The most plausible language of `mask` (0: those of `mj_lm_languages_for`) for the scalars, the
/// first one listed on a tie, with its cost in `cost`; -1 when no language was scored. What
/// `mj_lm_score` sums, without the costs of the others outside.
int mj_lm_best(const uint32_t *scalars, size_t count, uint64_t mask, mj_lm_bigrams which, int64_t *cost);
/// The same score with the plain lookups, language by language (for tests of `mj_lm_score`).
size_t mj_lm_reference_score(const uint32_t *scalars, size_t count, uint64_t mask, mj_lm_bigrams which,
                             int64_t *costs);

#ifdef __cplusplus
}
#endif
#endif
