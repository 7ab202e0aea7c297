#include <pthread.h>
#include "CMojifixLanguage.h"
#include "model_data.h"
#include "common_bigrams.h"

#define BOUNDARY 0x20u
#define BACKOFF 23   // an unseen bigram: the unigram cost plus -10 ln 0.1 (as in the generator)
#define KEY_BITS 0x00FFFFFFFFFFFFFFull
#define SAME_SCRIPT_RELIEF 60  // an unseen letter of the language's own script: less than the floor
#define CASE_FLIP 50           // an uppercase letter right after a lowercase one ("ÐµÐ")
#define SYMBOL 100             // a currency or other common sign no word list holds
#define GLUED_SEPARATOR 60     // punctuation between two letters ("caf‚s"), apostrophes aside
#define COMMON_PUNCTUATION 20  // non-ASCII punctuation the word lists cannot show: NBSP ’ “ ” – — … « »
#define RARE_PUNCTUATION 60    // the rest of it: ‚ „ ‘ ‹ › ¡ ¿ …

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

// wordfreq case-folds its word lists (str.casefold), so the model was trained on σ for every final
// ς and on "ss" for every ß: a text's ς is read as σ, and its ß priced as the "ss" it was counted as.
#define FINAL_SIGMA 0x3C2u
#define SIGMA 0x3C3u
#define SHARP_S 0xDFu

uint32_t mj_lm_token(uint32_t scalar) {
    if (scalar == FINAL_SIGMA) return SIGMA;
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

// Signs of real text in any language: Latin-1 signs (not ¤ ¦ and the spacing diacritics ¨ ¯ ´ ¸,
// which prose does not use), × ÷, € ™ ‰ † ‡ •.
static int is_symbol(uint32_t s) {
    if (s == 0xA4 || s == 0xA6 || s == 0xA8 || s == 0xAF || s == 0xB4 || s == 0xB8) return 0;
    return (s >= 0xA2 && s <= 0xBE) || s == 0xD7 || s == 0xF7 || s == 0x20AC || s == 0x2122 ||
           s == 0x2030 || (s >= 0x2020 && s <= 0x2022);
}

static inline __attribute__((always_inline)) mj_lm_script script_of(uint32_t s) {
    if (s < 0x80) return ((s | 0x20) >= 'a' && (s | 0x20) <= 'z') ? MJ_LM_SCRIPT_LATIN : MJ_LM_SCRIPT_NONE;
    if ((s >= 0xC0 && s < 0x250 && s != 0xD7 && s != 0xF7) || (s >= 0x1E00 && s <= 0x1EFF)) return MJ_LM_SCRIPT_LATIN;
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

int mj_lm_cost(int index, uint32_t previous, uint32_t token) {
    return mj_lm_row(previous, token, 1ull << index)[index];
}

// The languages whose word lists hold a token (its unigram is in the table), and its unigram cost
// in each, cached per thread: an unsuccessful lookup probes several slots, a line of Hangul or
// Cyrillic is scored under every Latin language too (ASCII letters are Latin), and a bigram
// missing from the table (most of garbled text's) costs the unigram plus the backoff.
#define KNOWN_SLOTS 2048
typedef struct {
    uint32_t token_plus_one;
    uint64_t asked, languages;
    uint8_t costs[MJ_LM_LANES];  // of the languages both asked and known
} known_token;
static _Thread_local known_token known_[KNOWN_SLOTS];

// `token`'s entry, each language of `languages` looked up once per token (a short file's readings
// hold many distinct characters, each asked about a few languages). Valid until the next call.
static const known_token *known(uint32_t token, uint64_t languages) {
    known_token *k = &known_[(token * 2654435761u) >> 21];
    if (k->token_plus_one != token + 1) {
        k->token_plus_one = token + 1;
        k->asked = k->languages = 0;
    }
    for (uint64_t rest = languages & ~k->asked; rest; rest &= rest - 1) {
        int i = __builtin_ctzll(rest);
        int cost = lookup(((uint64_t)i << 42) | token);
        if (cost) {
            k->languages |= 1ull << i;
            k->costs[i] = (uint8_t)cost;
        }
    }
    k->asked |= languages;
    return k;
}

// A bit per hash of a bigram's tokens, set for each bigram of every language: a bigram whose bit
// is clear is in no word list, and is looked up in none (most of garbled text's bigrams, priced
// in every language that knows both characters). Built once per process, when a thread has filled
// many rows: a short run does not pay for reading the whole table.
#define FILTER_BITS 20
#define FILTER_AFTER_FILLS 4096
#define PAIR_BITS 0x3FFFFFFFFFFull  // previous << 21 | token
static uint64_t bigram_filter_[1u << (FILTER_BITS - 6)];
static int filter_ready_;
static pthread_once_t filter_once_ = PTHREAD_ONCE_INIT;
static _Thread_local unsigned fills_;

static inline uint32_t filter_bit(uint64_t pair) { return (uint32_t)((pair * 0x9E3779B97F4A7C15ull) >> (64 - FILTER_BITS)); }

static void build_filter(void) {
    for (uint32_t slot = 0; slot <= mj_lm_table_mask_; slot++) {
        uint64_t pair = mj_lm_table_[slot] & PAIR_BITS;
        if (pair >> 21) {  // a bigram (a unigram's previous token is 0; an empty slot is 0)
            uint32_t bit = filter_bit(pair);
            bigram_filter_[bit >> 6] |= 1ull << (bit & 63);
        }
    }
    __atomic_store_n(&filter_ready_, 1, __ATOMIC_RELEASE);
}

// Whether some language may hold the bigram (always, until the filter is built).
static inline int may_be_bigram(uint32_t previous, uint32_t token) {
    if (!__atomic_load_n(&filter_ready_, __ATOMIC_ACQUIRE)) {
        if (++fills_ == FILTER_AFTER_FILLS) pthread_once(&filter_once_, build_filter);
        return 1;
    }
    uint32_t bit = filter_bit((uint64_t)previous << 21 | token);
    return (bigram_filter_[bit >> 6] >> (bit & 63)) & 1;
}

// What a bigram outside the direct table costs, with what depends only on its tokens worked out
// once for every language: the languages that know each token (`knows_previous` is 0 when no
// language holds the bigram: its cost is the unigram's), the token's unigram costs (valid until
// the next `known`), whether it is a symbol, its script.
typedef struct {
    uint64_t knows_previous, knows_token;
    const uint8_t *unigram;
    int symbol;
    mj_lm_script script;
} bigram_facts;

// A token no word list of the language holds: a sign of any language, a letter of its own script
// (priced below the floor), or anything else at the floor.
static int unseen_cost(int index, uint32_t token, int symbol, mj_lm_script script) {
    int floor = mj_lm_languages_[index].floor;
    if (symbol) return SYMBOL;
    mj_lm_script own = (mj_lm_script)mj_lm_languages_[index].script;
    int related = script == own || (own == MJ_LM_SCRIPT_JAPANESE && script == MJ_LM_SCRIPT_HAN);
    return related && token >= 0x80 ? floor - SAME_SCRIPT_RELIEF : floor;
}

static inline bigram_facts facts_of(uint32_t previous, uint32_t token, uint64_t languages) {
    uint64_t knows_previous = may_be_bigram(previous, token) ? known(previous, languages)->languages & languages : 0;
    const known_token *t = known(token, languages);
    return (bigram_facts){knows_previous, t->languages & languages, t->costs, is_symbol(token), script_of(token)};
}

static inline int cost_with(int index, uint32_t previous, uint32_t token, bigram_facts facts) {
    uint64_t language = (uint64_t)index << 42, bit = 1ull << index;
    // The generator keeps a bigram only when both its tokens are kept as unigrams: a token the
    // language does not know has neither, and needs no lookup.
    if (facts.knows_token & bit) {
        if (facts.knows_previous & bit) {
            int cost = lookup(language | ((uint64_t)previous << 21) | token);
            if (cost) return cost;
        }
        return facts.unigram[index] + BACKOFF;
    }
    return unseen_cost(index, token, facts.symbol, facts.script);
}

// The plain lookups, in the generator's order (bigram, unigram plus backoff, unseen): what the
// shortcuts above must give.
static int reference_cost(int index, uint32_t previous, uint32_t token) {
    uint64_t language = (uint64_t)index << 42;
    int cost = lookup(language | ((uint64_t)previous << 21) | token);
    if (cost) return cost;
    cost = lookup(language | token);
    if (cost) return cost + BACKOFF;
    return unseen_cost(index, token, is_symbol(token), script_of(token));
}

int mj_lm_reference_cost(int index, uint32_t previous, uint32_t token) {
    if (previous == SHARP_S) previous = 's';
    if (token == SHARP_S) return reference_cost(index, previous, 's') + reference_cost(index, 's', 's');
    return reference_cost(index, previous, token);
}

static int table_cost(int index, uint32_t previous, uint32_t token) {
    return cost_with(index, previous, token, facts_of(previous, token, 1ull << index));
}

// What does not depend on the language is worked out once for all of `languages`.
void mj_lm_fill_costs(uint32_t previous, uint32_t token, uint64_t languages, int16_t *row) {
    if (previous == SHARP_S) previous = 's';
    if (token == SHARP_S) {
        for (uint64_t rest = languages; rest; rest &= rest - 1) {
            int index = __builtin_ctzll(rest);
            row[index] = (int16_t)(table_cost(index, previous, 's') + table_cost(index, 's', 's'));
        }
        return;
    }
    bigram_facts facts = facts_of(previous, token, languages);
    for (uint64_t rest = languages; rest; rest &= rest - 1) {
        int index = __builtin_ctzll(rest);
        row[index] = (int16_t)cost_with(index, previous, token, facts);
    }
}

int mj_lm_knows(int index, uint32_t token) {
    uint64_t language = (uint64_t)index << 42;
    if (token == SHARP_S) return lookup(language | ((uint64_t)'s' << 21) | 's') != 0;
    return lookup(language | token) != 0;
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

static int is_common_punctuation(uint32_t s) {
    return s == 0xA0 || s == 0x2019 || s == 0x201C || s == 0x201D || s == 0x2013 || s == 0x2014 ||
           s == 0x2026 || s == 0xAB || s == 0xBB || s >= 0x3000;
}

static inline int is_letter_token(uint32_t token) { return token != BOUNDARY && token != '0'; }

// Costs the model cannot learn from word lists, the same in every language: case flips inside a
// word, and punctuation glued between two letters (the right single quote is an apostrophe).
// (Inline: asked for at every character scored.)
static inline __attribute__((always_inline)) int shape_cost(const uint32_t *scalars, size_t count, size_t i, uint32_t previous, uint32_t token) {
    uint32_t scalar = scalars[i];
    if (token == BOUNDARY) {
        if (scalar < 0x80) return 0;
        int cost = is_common_punctuation(scalar) ? COMMON_PUNCTUATION : RARE_PUNCTUATION;
        if (scalar >= 0x3000 || scalar == 0x2019 || !is_letter_token(previous) || i + 1 >= count) return cost;
        return is_letter_token(mj_lm_token(scalars[i + 1])) ? cost + GLUED_SEPARATOR : cost;
    }
    if (i > 0 && scalar < 0x2000 && mj_lm_fold_[scalar] != scalar && is_letter_token(previous)) {  // uppercase
        uint32_t before = scalars[i - 1];
        if (before < 0x2000 && mj_lm_fold_[before] == before) return CASE_FLIP;  // lowercase, then uppercase
    }
    return 0;
}

// The walk every score takes: each counted bigram (`previous` to `token`, with its shape cost)
// and each sign in a run of separators (its shape cost alone, `bigram` 0) goes to `add`.
typedef void (*score_sink)(void *state, uint32_t previous, uint32_t token, int shape, int bigram);

static inline __attribute__((always_inline)) size_t walk(const uint32_t *scalars, size_t count, mj_lm_bigrams which,
                                                         score_sink add, void *state) {
    uint32_t previous = BOUNDARY;
    int previous_non_ascii = 0;
    size_t counted = 0;
    for (size_t i = 0; i < count; i++) {
        uint32_t scalar = scalars[i], token = mj_lm_token(scalar);
        int non_ascii = scalar >= 0x80;
        int shape = shape_cost(scalars, count, i, previous, token);
        if (token == BOUNDARY && previous == BOUNDARY) {  // one separator, but each sign costs
            if (shape && which != MJ_LM_ASCII) {
                counted++;
                add(state, previous, token, shape, 0);
            }
            previous_non_ascii |= non_ascii;
            continue;
        }
        int touches = non_ascii || previous_non_ascii;
        if (which == MJ_LM_ALL || (which == MJ_LM_NON_ASCII) == touches) {
            counted++;
            add(state, previous, token, shape, 1);
        }
        previous = token;
        previous_non_ascii = non_ascii;
    }
    return counted;
}

// The score as the model defines it, language by language with the plain lookups: what
// `mj_lm_score` must give (its rows and sums are shortcuts).
typedef struct { uint64_t mask; int64_t *costs; } reference_state;

static void add_reference(void *state, uint32_t previous, uint32_t token, int shape, int bigram) {
    reference_state *r = state;
    for (uint64_t rest = r->mask; rest; rest &= rest - 1) {
        int index = __builtin_ctzll(rest);
        r->costs[index] += (bigram ? mj_lm_reference_cost(index, previous, token) : 0) + shape;
    }
}

size_t mj_lm_reference_score(const uint32_t *scalars, size_t count, uint64_t mask, mj_lm_bigrams which,
                             int64_t *costs) {
    reference_state state = {mask, costs};
    return walk(scalars, count, which, add_reference, &state);
}

// Every language's sum, whole rows at a time (the entries of languages outside `mask` are
// undefined and never read), in 16-bit sums (half the work of wider ones) moved to 64-bit ones
// before they could overflow: an entry of a row is at most twice the largest cost of the table
// plus the backoff (for `ß`), and 64 of them fit. The shape costs, the same in every language, apart.
#define FLUSH_ROWS 64
#define LARGEST_COST (2 * (255 + BACKOFF))
_Static_assert(FLUSH_ROWS * LARGEST_COST <= UINT16_MAX, "16-bit sums would overflow");
typedef struct {
    uint64_t mask;
    int pending;
    int64_t shapes;
    uint16_t sums[MJ_LM_LANES];
    int64_t totals[MJ_LM_LANES];
} row_state;

static inline __attribute__((always_inline)) void add_row(void *state, uint32_t previous, uint32_t token, int shape, int bigram) {
    row_state *r = state;
    r->shapes += shape;
    if (!bigram) return;
    const int16_t *row = mj_lm_row(previous, token, r->mask);
    for (int k = 0; k < MJ_LM_LANES; k++) r->sums[k] += (uint16_t)row[k];
    if (++r->pending == FLUSH_ROWS) {
        for (int k = 0; k < MJ_LM_LANES; k++) { r->totals[k] += r->sums[k]; r->sums[k] = 0; }
        r->pending = 0;
    }
}

size_t mj_lm_score(const uint32_t *scalars, size_t count, uint64_t mask, mj_lm_bigrams which,
                   int64_t *costs) {
    row_state state = {.mask = mask};
    size_t counted = walk(scalars, count, which, add_row, &state);
    for (uint64_t rest = mask; rest; rest &= rest - 1) {
        int index = __builtin_ctzll(rest);
        costs[index] += state.totals[index] + state.sums[index] + state.shapes;
    }
    return counted;
}

int mj_lm_best(const uint32_t *scalars, size_t count, uint64_t mask, mj_lm_bigrams which, int64_t *cost) {
    int64_t costs[MJ_LM_LANES] = {0};
    if (!mask) mask = mj_lm_languages_for(scalars, count);
    mj_lm_score(scalars, count, mask, which, costs);
    int best = -1;
    for (uint64_t rest = mask; rest; rest &= rest - 1) {
        int index = __builtin_ctzll(rest);
        if (best < 0 || costs[index] < costs[best]) best = index;
    }
    if (best >= 0) *cost = costs[best];
    return best;
}
