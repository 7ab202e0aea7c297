// File-system calls Swift's Glibc module does not expose (renameat2 needs _GNU_SOURCE).
// Plain C types only.
#ifndef CMOJIFIX_FS_H
#define CMOJIFIX_FS_H

#ifdef __cplusplus
extern "C" {
#endif

/// Renames `from` to `to` without ever replacing an existing entry: 0 on success, -1 with errno
/// set otherwise (EEXIST when `to` is taken). Uses renameat2(RENAME_NOREPLACE), which is atomic.
/// Where the file system lacks it: link + unlink for files and symlinks (link fails on an existing
/// name, also atomic), and a check before rename(2) for folders (a short race window).
int mj_rename_noreplace(const char *from, const char *to);

/// syncfs(2) on the file system holding `path`: one flush for every file a batch wrote there,
/// instead of one fsync each. 0 on success, -1 with errno set otherwise.
int mj_syncfs_at(const char *path);

#ifdef __cplusplus
}
#endif

#endif
