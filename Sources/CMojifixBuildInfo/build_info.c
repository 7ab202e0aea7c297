#include "CMojifixBuildInfo.h"

// A macro rather than a generated file, so a fresh clone builds with nothing generated.
#define MJ_STRINGIFY_VALUE(x) #x
#define MJ_STRINGIFY(x) MJ_STRINGIFY_VALUE(x)

const char *mj_build_commit(void) {
#ifdef MOJIFIX_COMMIT
    return MJ_STRINGIFY(MOJIFIX_COMMIT);
#else
    return "unknown";
#endif
}
