#include <stdatomic.h>
#include "common_bigrams.h"

// Each cell is filled on first use, so a short run pays only for the bigrams it meets (filling a
// language's whole table at once cost a small file more than it saved). A cell holds the cost
// plus BIAS, 0 while unknown; threads may fill the same cell at once, with the same value.
#define BIAS 0x4000
static _Atomic uint16_t cells_[64][MJ_LM_COMMON_TOKENS * MJ_LM_COMMON_TOKENS];

int mj_lm_common_cost(int index, int cell, uint32_t previous, uint32_t token) {
    uint16_t known = atomic_load_explicit(&cells_[index][cell], memory_order_relaxed);
    if (known) return (int)known - BIAS;
    int cost = mj_lm_table_cost(index, previous, token);
    atomic_store_explicit(&cells_[index][cell], (uint16_t)(cost + BIAS), memory_order_relaxed);
    return cost;
}
