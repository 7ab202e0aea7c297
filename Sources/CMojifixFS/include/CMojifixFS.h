// File-system calls Swift's Glibc module does not expose (renameat2 needs _GNU_SOURCE).
// Plain C types only.
#ifndef CMOJIFIX_FS_H
#define CMOJIFIX_FS_H

#ifdef __cplusplus
extern "C" {
#endif

/// Renames `from` to `to` (two names in the open folder `folder`, nothing resolved outside it)
/// without ever replacing an existing entry: 0 on success, -1 with errno set otherwise (EEXIST
/// when `to` is taken). Uses renameat2(RENAME_NOREPLACE), which is atomic. Where the file system
/// lacks it: link + unlink for files and symlinks (link fails on an existing name, also atomic),
/// and a check before renameat(2) for folders (a short race window).
int mj_renameat_noreplace(int folder, const char *from, const char *to);

/// Swaps the entries `a` and `b` of the open folder `folder` atomically (renameat2 with
/// RENAME_EXCHANGE): 0 on success, -1 with errno set (EINVAL or ENOSYS where the file system or
/// the kernel lacks it).
int mj_exchange(int folder, const char *a, const char *b);

/// syncfs(2) on the file system holding the open file `fd`.
int mj_syncfs_fd(int fd);

/// A read lease on `fd` (opened read-only): 0 when taken; -1 with errno EAGAIN when another
/// process has the file open for writing (an appending log, an editor holding it); any other
/// errno when the file system or the caller cannot take leases.
int mj_take_read_lease(int fd);
/// Whether another process has asked to open the file for writing since the lease was taken
/// (the kernel then breaks the lease: that process waits until the holder lets go).
int mj_lease_broken(int fd);
int mj_release_lease(int fd);

/// Copies every extended attribute of the open file `from` to `to` (none supported: nothing to do).
/// 0 on success, -1 with errno set.
int mj_copy_xattrs(int from, int to);

/// Opens `name` (one component or a relative path) under the open folder `folder`, never
/// following a symlink and never leaving the folder: openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS)
/// where the kernel has it, else openat(O_NOFOLLOW) (callers pass one component at a time then).
int mj_open_beneath(int folder, const char *name, int flags);

/// The birth time of `name` in the open folder, in nanoseconds (statx STATX_BTIME); 0 when the
/// file system does not keep it. With the inode it tells a file from a new one that reuses its number.
long long mj_birth_time_ns(int folder, const char *name);

#ifdef __cplusplus
}
#endif

#endif
