#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/xattr.h>
#if __has_include(<linux/openat2.h>)
#include <linux/openat2.h>
#endif
#include <sys/stat.h>
#include <unistd.h>

#include "CMojifixFS.h"

int mj_renameat_noreplace(int folder, const char *from, const char *to) {
#ifdef RENAME_NOREPLACE
    if (renameat2(folder, from, folder, to, RENAME_NOREPLACE) == 0) return 0;
    if (errno != EINVAL && errno != ENOSYS) return -1;
#endif
    struct stat info;
    if (fstatat(folder, from, &info, AT_SYMLINK_NOFOLLOW) != 0) return -1;
    if (!S_ISDIR(info.st_mode)) {
        if (linkat(folder, from, folder, to, 0) != 0) return -1;
        return unlinkat(folder, from, 0);
    }
    if (fstatat(folder, to, &info, AT_SYMLINK_NOFOLLOW) == 0) { errno = EEXIST; return -1; }
    return renameat(folder, from, folder, to);
}

int mj_exchange(int folder, const char *a, const char *b) {
#ifdef RENAME_EXCHANGE
    return renameat2(folder, a, folder, b, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}

int mj_syncfs_fd(int fd) { return syncfs(fd); }

int mj_take_read_lease(int fd) {
    // A lease break signals its holder (SIGIO, whose default is to end the process): the holder
    // asks instead (mj_lease_broken), and lets go within milliseconds.
    signal(SIGIO, SIG_IGN);
    return fcntl(fd, F_SETLEASE, F_RDLCK);
}

int mj_lease_broken(int fd) { return fcntl(fd, F_GETLEASE) != F_RDLCK; }

int mj_release_lease(int fd) { return fcntl(fd, F_SETLEASE, F_UNLCK); }

int mj_copy_xattrs(int from, int to) {
    ssize_t size = flistxattr(from, NULL, 0);
    if (size < 0) return (errno == ENOTSUP || errno == ENOSYS) ? 0 : -1;
    if (size == 0) return 0;
    char *names = malloc((size_t)size);
    if (!names) return -1;
    size = flistxattr(from, names, (size_t)size);
    int result = size < 0 ? -1 : 0;
    for (ssize_t at = 0; result == 0 && at < size; at += (ssize_t)strlen(names + at) + 1) {
        const char *name = names + at;
        ssize_t length = fgetxattr(from, name, NULL, 0);
        if (length < 0) { result = -1; break; }
        char *value = malloc(length > 0 ? (size_t)length : 1);
        if (!value) { result = -1; break; }
        length = fgetxattr(from, name, value, (size_t)length);
        if (length < 0 || fsetxattr(to, name, value, (size_t)length, 0) != 0) result = -1;
        free(value);
    }
    int saved = errno;
    free(names);
    errno = saved;
    return result;
}

int mj_open_beneath(int folder, const char *name, int flags) {
#ifdef SYS_openat2
    struct open_how how = { .flags = (unsigned long long)(flags | O_NOFOLLOW | O_CLOEXEC), .mode = 0,
                            .resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS };
    long fd = syscall(SYS_openat2, folder, name, &how, sizeof how);
    if (fd >= 0 || (errno != ENOSYS && errno != EPERM)) return (int)fd;
#endif
    return openat(folder, name, flags | O_NOFOLLOW | O_CLOEXEC);
}

long long mj_birth_time_ns(int folder, const char *name) {
#ifdef STATX_BTIME
    struct statx info;
    if (statx(folder, name, AT_SYMLINK_NOFOLLOW, STATX_BTIME, &info) == 0 && (info.stx_mask & STATX_BTIME))
        return (long long)info.stx_btime.tv_sec * 1000000000LL + info.stx_btime.tv_nsec;
#endif
    return 0;
}
