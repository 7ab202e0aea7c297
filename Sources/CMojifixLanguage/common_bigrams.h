// The costs of a bigram in every language side by side (a row), cached per thread: the hash
// lookups of the model, one per language for each bigram, are the hot spot of scoring text.
// Private to this target.
#ifndef CMOJIFIX_LANGUAGE_COMMON_BIGRAMS_H
#define CMOJIFIX_LANGUAGE_COMMON_BIGRAMS_H

#include <stdint.h>

/// The table's index of a token, or -1 for a token outside it.
static inline int mj_lm_common_index(uint32_t token) {
    if (token >= 'a' && token <= 'z') return (int)(token - 'a') + 2;
    if (token == 0x20) return 0;
    if (token == '0') return 1;
    if (token >= 0xE0 && token <= 0xFF && token != 0xF7) return (int)(token - 0xE0) + 28 - (token > 0xF7);
    return -1;
}

#define MJ_LM_COMMON_TOKENS 64
/// Languages a row holds (a language is a bit of a uint64_t mask).
#define MJ_LM_LANES 64

/// The cost of `token` after `previous` (tokens) in each language of `mask`, as `mj_lm_cost`
/// gives it, at the language's index; the other entries are undefined. Valid until the thread's
/// next call. The most frequent bigrams (ASCII and Latin-1 lowercase tokens) have a row each,
/// the others share a cache; each language's cost is computed on first use.
const int16_t *mj_lm_row(uint32_t previous, uint32_t token, uint64_t mask);

/// Writes `row[i]` for each language i of `languages`: the model's cost of the bigram from its
/// hash table (language_model.c), what the rows cache.
void mj_lm_fill_costs(uint32_t previous, uint32_t token, uint64_t languages, int16_t *row);

#endif
