#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "CMojifixFS.h"

int mj_rename_noreplace(const char *from, const char *to) {
#ifdef RENAME_NOREPLACE
    if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0) return 0;
    if (errno != EINVAL && errno != ENOSYS) return -1;
#endif
    struct stat info;
    if (lstat(from, &info) != 0) return -1;
    if (!S_ISDIR(info.st_mode)) {
        // linkat without AT_SYMLINK_FOLLOW links a symlink itself, never its target.
        if (linkat(AT_FDCWD, from, AT_FDCWD, to, 0) != 0) return -1;
        return unlink(from);
    }
    if (lstat(to, &info) == 0) { errno = EEXIST; return -1; }
    return rename(from, to);
}

int mj_syncfs_at(const char *path) {
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return -1;
    int result = syncfs(fd);
    int saved = errno;
    close(fd);
    errno = saved;
    return result;
}
