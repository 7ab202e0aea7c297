#include <stdatomic.h>
#include "common_bigrams.h"

// Filled per language on first use (64 x 64 lookups), so a run that never scores a language
// never pays for it. Threads may score at once: one fills a language's table while the others
// keep using the hash table until it is published.
enum { EMPTY = 0, FILLING = 1, READY = 2 };
static _Atomic unsigned char state_[64];
static int16_t costs_[64][MJ_LM_COMMON_TOKENS * MJ_LM_COMMON_TOKENS];

static void fill(int index) {
    uint32_t tokens[MJ_LM_COMMON_TOKENS];
    int count = 0;
    for (uint32_t t = 0; t <= 0xFF; t++) {
        if (mj_lm_common_index(t) >= 0) tokens[mj_lm_common_index(t)] = t, count++;
    }
    for (int a = 0; a < count; a++) {
        for (int b = 0; b < count; b++) {
            costs_[index][a * MJ_LM_COMMON_TOKENS + b] = (int16_t)mj_lm_table_cost(index, tokens[a], tokens[b]);
        }
    }
}

int mj_lm_common_cost(int index, int cell, uint32_t previous, uint32_t token) {
    if (atomic_load_explicit(&state_[index], memory_order_acquire) == READY) return costs_[index][cell];
    unsigned char expected = EMPTY;
    if (atomic_compare_exchange_strong_explicit(&state_[index], &expected, FILLING, memory_order_acq_rel, memory_order_acquire)) {
        fill(index);
        atomic_store_explicit(&state_[index], READY, memory_order_release);
        return costs_[index][cell];
    }
    return mj_lm_table_cost(index, previous, token);
}
