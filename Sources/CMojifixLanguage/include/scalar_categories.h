// General categories of the scalars below U+3000, copied once from the Swift standard library's
// table (ScalarTraits) and read without the lazy-global check Swift makes on every read of its
// own (a call per character scored: swift_once was 2% of the repair time on garbled text).
#ifndef CMOJIFIX_SCALAR_CATEGORIES_H
#define CMOJIFIX_SCALAR_CATEGORIES_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MJ_CATEGORY_LIMIT 0x3000

extern uint8_t mj_categories[MJ_CATEGORY_LIMIT];
extern int mj_categories_published;

/// Copies the table (MJ_CATEGORY_LIMIT bytes) and publishes it. Call once (ScalarTraits does,
/// from the initializer of its own table, which Swift runs exactly once).
void mj_categories_publish(const uint8_t *table);

/// Whether the table is published; once it is, `mj_category` reads it.
static inline int mj_categories_ready(void) {
    return __atomic_load_n(&mj_categories_published, __ATOMIC_ACQUIRE);
}

static inline uint8_t mj_category(uint32_t scalar) { return mj_categories[scalar]; }

#ifdef __cplusplus
}
#endif

#endif
