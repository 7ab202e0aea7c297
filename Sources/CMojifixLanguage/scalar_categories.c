#include "scalar_categories.h"

#include <string.h>

uint8_t mj_categories[MJ_CATEGORY_LIMIT];
int mj_categories_published;

void mj_categories_publish(const uint8_t *table) {
    memcpy(mj_categories, table, MJ_CATEGORY_LIMIT);
    __atomic_store_n(&mj_categories_published, 1, __ATOMIC_RELEASE);
}
