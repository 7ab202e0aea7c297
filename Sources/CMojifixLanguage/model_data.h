// The generated tables of model_data.c (Scripts/make_language_model.py). Private to this target.
#ifndef CMOJIFIX_LANGUAGE_MODEL_DATA_H
#define CMOJIFIX_LANGUAGE_MODEL_DATA_H

#include <stdint.h>

typedef struct {
    const char *code;       // BCP 47 tag, e.g. "fr", "zh-Hant"
    int script;             // mj_lm_script
    int floor;              // cost of a character the language never uses (tenths of a nat)
    int typical;            // mean cost per token of the language's own text (tenths of a nat)
} mj_lm_language_info;

extern const int mj_lm_language_count_;
extern const mj_lm_language_info mj_lm_languages_[];
/// Open addressing: entry = cost << 56 | language << 42 | previous token << 21 | token
/// (previous token 0 for a unigram); 0 = empty slot.
extern const uint32_t mj_lm_table_mask_;
extern const uint64_t mj_lm_table_[];
/// Token of each scalar below U+2000: lowercase, digits as '0', separators as U+0020.
extern const uint16_t mj_lm_fold_[0x2000];

#endif
