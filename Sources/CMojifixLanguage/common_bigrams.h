// A direct table of the costs of the most frequent bigrams (ASCII and Latin-1 lowercase tokens),
// per language: the hash lookups of the model are the hot spot of scoring short text.
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

/// The cost of `token` after `previous` (cell: previous's index * MJ_LM_COMMON_TOKENS + token's),
/// exactly as `mj_lm_table_cost` gives it (each cell computed on first use).
int mj_lm_common_cost(int index, int cell, uint32_t previous, uint32_t token);

/// The model's cost of a bigram from its hash table (language_model.c): what the table caches.
int mj_lm_table_cost(int index, uint32_t previous, uint32_t token);

#endif
