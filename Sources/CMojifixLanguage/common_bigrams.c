#include <pthread.h>
#include <stdlib.h>
#include "common_bigrams.h"

// Each row is filled language by language on first use, so a short run pays only for the bigrams
// it meets in the languages it asks about (filling a language's whole table at once cost a small
// file more than it saved). Per thread: no atomics, and a row is read as a whole.
#define COMMON_CELLS (MJ_LM_COMMON_TOKENS * MJ_LM_COMMON_TOKENS)
#define OTHER_SLOT_BITS 13
#define OTHER_SLOTS (1 << OTHER_SLOT_BITS)

typedef struct {
    uint64_t key;     // (previous << 21 | token) + 1; 0: empty
    uint64_t filled;  // languages whose entry is computed
    int16_t costs[MJ_LM_LANES];
} other_row;

typedef struct {
    int16_t common[COMMON_CELLS][MJ_LM_LANES];
    uint64_t common_filled[COMMON_CELLS];
    other_row others[OTHER_SLOTS];
} rows;

static _Thread_local rows *rows_;
// Without memory for the rows, each row is computed into this one, whole, every time.
static _Thread_local int16_t spare_[MJ_LM_LANES];
static pthread_key_t rows_key_;
static pthread_once_t rows_once_ = PTHREAD_ONCE_INIT;

static void make_key(void) { pthread_key_create(&rows_key_, free); }

static rows *thread_rows(void) {
    if (!rows_) {
        rows_ = calloc(1, sizeof(rows));
        // Freed when the thread ends.
        pthread_once(&rows_once_, make_key);
        if (rows_) pthread_setspecific(rows_key_, rows_);
    }
    return rows_;
}

const int16_t *mj_lm_row(uint32_t previous, uint32_t token, uint64_t mask) {
    rows *r = thread_rows();
    if (!r) {
        mj_lm_fill_costs(previous, token, mask, spare_);
        return spare_;
    }
    int16_t *costs;
    uint64_t *filled;
    int from = mj_lm_common_index(previous), to = mj_lm_common_index(token);
    if (from >= 0 && to >= 0) {
        int cell = from * MJ_LM_COMMON_TOKENS + to;
        costs = r->common[cell];
        filled = &r->common_filled[cell];
    } else {
        uint64_t key = ((uint64_t)previous << 21 | token) + 1;
        other_row *slot = &r->others[(key * 0x9E3779B97F4A7C15ull) >> (64 - OTHER_SLOT_BITS)];
        if (slot->key != key) {
            slot->key = key;
            slot->filled = 0;
        }
        costs = slot->costs;
        filled = &slot->filled;
    }
    uint64_t missing = mask & ~*filled;
    if (missing) {
        mj_lm_fill_costs(previous, token, missing, costs);
        *filled |= missing;
    }
    return costs;
}
