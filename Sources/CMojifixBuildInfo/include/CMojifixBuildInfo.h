// What the build knows about itself, for `mojifix --version`.
#ifndef CMOJIFIX_BUILD_INFO_H
#define CMOJIFIX_BUILD_INFO_H

/// The git commit the binary was built from: set by Scripts/build-release.sh with
/// -Xcc -DMOJIFIX_COMMIT=<hash>; "unknown" for a plain `swift build`.
const char *mj_build_commit(void);

#endif
