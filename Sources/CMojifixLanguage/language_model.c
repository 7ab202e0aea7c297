#include "CMojifixLanguage.h"
#include "model_data.h"

#define BOUNDARY 0x20u
#define BACKOFF 23   // an unseen bigram: the unigram cost plus -10 ln 0.1 (as in the generator)
#define KEY_BITS 0x00FFFFFFFFFFFFFFull

int mj_lm_language_count(void) { return mj_lm_language_count_; }
const char *mj_lm_language_code(int index) { return mj_lm_languages_[index].code; }
mj_lm_script mj_lm_language_script(int index) { return (mj_lm_script)mj_lm_languages_[index].script; }
int mj_lm_language_typical_cost(int index) { return mj_lm_languages_[index].typical; }

// Mirrors BOUNDARY_SCALARS of the generator above U+2000.
static int is_separator(uint32_t s) {
    if (s < 0x2000 || s > 0xFF20) return 0;
    if (s <= 0x200B || (s >= 0x2010 && s <= 0x2027) || s == 0x202F || s == 0x2039 || s == 0x203A) return 1;
    if ((s >= 0x3000 && s <= 0x3002) || (s >= 0x3008 && s <= 0x3011) || s == 0x30FB) return 1;
    return (s >= 0xFF01 && s <= 0xFF0F) || (s >= 0xFF1A && s <= 0xFF20);
}

uint32_t mj_lm_token(uint32_t scalar) {
    if (scalar < 0x2000) return mj_lm_fold_[scalar];
    return is_separator(scalar) ? BOUNDARY : scalar;
}

// Mirrors hash_key of the generator.
static inline int lookup(uint64_t key) {
    uint32_t slot = (uint32_t)((key * 0x9E3779B97F4A7C15ull) >> 40) & mj_lm_table_mask_;
    for (;;) {
        uint64_t entry = mj_lm_table_[slot];
        if (!entry) return 0;
        if ((entry & KEY_BITS) == key) return (int)(entry >> 56);
        slot = (slot + 1) & mj_lm_table_mask_;
    }
}

int mj_lm_cost(int index, uint32_t previous, uint32_t token) {
    uint64_t language = (uint64_t)index << 42;
    int cost = lookup(language | ((uint64_t)previous << 21) | token);
    if (cost) return cost;
    cost = lookup(language | token);
    return cost ? cost + BACKOFF : mj_lm_languages_[index].floor;
}

static mj_lm_script script_of(uint32_t s) {
    if (s < 0x250 || (s >= 0x1E00 && s <= 0x1EFF)) return MJ_LM_SCRIPT_LATIN;
    if (s >= 0x370 && s <= 0x3FF) return MJ_LM_SCRIPT_GREEK;
    if (s >= 0x400 && s <= 0x52F) return MJ_LM_SCRIPT_CYRILLIC;
    if (s >= 0x590 && s <= 0x5FF) return MJ_LM_SCRIPT_HEBREW;
    if ((s >= 0x600 && s <= 0x6FF) || (s >= 0x750 && s <= 0x77F) || (s >= 0xFB50 && s <= 0xFEFF)) return MJ_LM_SCRIPT_ARABIC;
    if (s >= 0xE00 && s <= 0xE7F) return MJ_LM_SCRIPT_THAI;
    if ((s >= 0x1100 && s <= 0x11FF) || (s >= 0x3130 && s <= 0x318F) || (s >= 0xAC00 && s <= 0xD7AF)) return MJ_LM_SCRIPT_HANGUL;
    if ((s >= 0x3040 && s <= 0x30FF) || (s >= 0x31F0 && s <= 0x31FF) || (s >= 0xFF66 && s <= 0xFF9F)) return MJ_LM_SCRIPT_JAPANESE;
    if ((s >= 0x3400 && s <= 0x9FFF) || (s >= 0xF900 && s <= 0xFAFF) || (s >= 0x20000 && s <= 0x3FFFF)) return MJ_LM_SCRIPT_HAN;
    return MJ_LM_SCRIPT_NONE;
}

uint64_t mj_lm_languages_for(const uint32_t *scalars, size_t count) {
    unsigned scripts = 1u << MJ_LM_SCRIPT_LATIN;  // ASCII letters are Latin
    for (size_t i = 0; i < count; i++) {
        if (scalars[i] >= 0x80) scripts |= 1u << script_of(scalars[i]);
    }
    // Han is written in Japanese and Korean text too.
    if (scripts & (1u << MJ_LM_SCRIPT_HAN)) scripts |= (1u << MJ_LM_SCRIPT_JAPANESE) | (1u << MJ_LM_SCRIPT_HANGUL);
    uint64_t mask = 0;
    for (int i = 0; i < mj_lm_language_count_; i++) {
        if (scripts & (1u << mj_lm_languages_[i].script)) mask |= 1ull << i;
    }
    return mask;
}

size_t mj_lm_score(const uint32_t *scalars, size_t count, uint64_t mask, int non_ascii_only,
                   int64_t *costs) {
    uint32_t previous = BOUNDARY;
    int previous_non_ascii = 0;
    size_t counted = 0;
    for (size_t i = 0; i < count; i++) {
        uint32_t scalar = scalars[i], token = mj_lm_token(scalar);
        int non_ascii = scalar >= 0x80;
        if (token == BOUNDARY && previous == BOUNDARY) {
            previous_non_ascii |= non_ascii;
            continue;
        }
        if (!non_ascii_only || non_ascii || previous_non_ascii) {
            counted++;
            for (uint64_t rest = mask; rest; rest &= rest - 1) {
                int index = __builtin_ctzll(rest);
                costs[index] += mj_lm_cost(index, previous, token);
            }
        }
        previous = token;
        previous_non_ascii = non_ascii;
    }
    return counted;
}
