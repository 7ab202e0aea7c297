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

// Each row is filled language by language on first use, so a short run pays only for the bigrams
// it meets in the languages it asks about (filling a language's whole table at once cost a small
// file more than it saved). Per thread: no atomics, and a row is read as a whole.
#define MJ_LM_COMMON_CELLS (MJ_LM_COMMON_TOKENS * MJ_LM_COMMON_TOKENS)
#define MJ_LM_OTHER_SLOT_BITS 13
#define MJ_LM_OTHER_SLOTS (1 << MJ_LM_OTHER_SLOT_BITS)

typedef struct {
    uint64_t key;     // (previous << 21 | token) + 1; 0: empty
    uint64_t filled;  // languages whose entry is computed
    int16_t costs[MJ_LM_LANES];
} mj_lm_other_row;

typedef struct {
    int16_t common[MJ_LM_COMMON_CELLS][MJ_LM_LANES];
    uint64_t common_filled[MJ_LM_COMMON_CELLS];
    mj_lm_other_row others[MJ_LM_OTHER_SLOTS];
} mj_lm_rows;

/// This thread's rows (null until its first row is asked for).
extern _Thread_local mj_lm_rows *mj_lm_rows_;

/// Writes `row[i]` for each language i of `languages`: the model's cost of the bigram from its
/// hash table (language_model.c), what the rows cache.
void mj_lm_fill_costs(uint32_t previous, uint32_t token, uint64_t languages, int16_t *row);

/// `mj_lm_row` for a thread that has no rows yet.
const int16_t *mj_lm_first_row(uint32_t previous, uint32_t token, uint64_t mask);

/// The cost of `token` after `previous` (tokens) in each language of `mask`, as `mj_lm_cost`
/// gives it, at the language's index; the other entries are undefined. Valid until the thread's
/// next call. The most frequent bigrams (ASCII and Latin-1 lowercase tokens) have a row each,
/// the others share a cache; each language's cost is computed on first use. (Inline: the scorer
/// asks for a row per bigram.)
static inline __attribute__((always_inline)) const int16_t *mj_lm_row(uint32_t previous, uint32_t token, uint64_t mask) {
    mj_lm_rows *r = mj_lm_rows_;
    if (__builtin_expect(!r, 0)) return mj_lm_first_row(previous, token, mask);
    int16_t *costs;
    uint64_t *filled;
    int from = mj_lm_common_index(previous), to = mj_lm_common_index(token);
    if (from >= 0 && to >= 0) {
        int cell = from * MJ_LM_COMMON_TOKENS + to;
        costs = r->common[cell];
        filled = &r->common_filled[cell];
    } else {
        uint64_t key = ((uint64_t)previous << 21 | token) + 1;
        mj_lm_other_row *slot = &r->others[(key * 0x9E3779B97F4A7C15ull) >> (64 - MJ_LM_OTHER_SLOT_BITS)];
        if (slot->key != key) {
            slot->key = key;
            slot->filled = 0;
        }
        costs = slot->costs;
        filled = &slot->filled;
    }
    uint64_t missing = mask & ~*filled;
    if (__builtin_expect(missing != 0, 0)) {
        mj_lm_fill_costs(previous, token, missing, costs);
        *filled |= missing;
    }
    return costs;
}

#endif
