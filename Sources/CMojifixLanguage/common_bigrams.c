#include <pthread.h>
#include <stdlib.h>
#include "common_bigrams.h"

_Thread_local mj_lm_rows *mj_lm_rows_;
// Without memory for the rows, each row is computed into this one, whole, every time.
static _Thread_local int16_t spare_[MJ_LM_LANES];
static pthread_key_t rows_key_;
static pthread_once_t rows_once_ = PTHREAD_ONCE_INIT;

static void make_key(void) { pthread_key_create(&rows_key_, free); }

static mj_lm_rows *thread_rows(void) {
    if (!mj_lm_rows_) {
        mj_lm_rows_ = calloc(1, sizeof(mj_lm_rows));
        // Freed when the thread ends.
        pthread_once(&rows_once_, make_key);
        if (mj_lm_rows_) pthread_setspecific(rows_key_, mj_lm_rows_);
    }
    return mj_lm_rows_;
}

const int16_t *mj_lm_first_row(uint32_t previous, uint32_t token, uint64_t mask) {
    if (!thread_rows()) {
        mj_lm_fill_costs(previous, token, mask, spare_);
        return spare_;
    }
    return mj_lm_row(previous, token, mask);
}
