/* One shared-memory object per file for MAP_SHARED file mappings.
 *
 * Every MAP_SHARED mapping of a regular file (memfds included) maps the
 * file's one page-store object (hw/pagestore.h), found by the host file's
 * identity (st_dev, st_ino) in a table per kernel: two mmap calls of one
 * file, in one process or in several (fork, an fd passed by SCM_RIGHTS,
 * the file opened again by name), reach the same host pages and see each
 * other's stores. An object covers the file from offset 0 to the end of
 * the furthest mapping; a mapping past its end makes a larger object,
 * which takes over the old one's pages in every address space of the
 * kernel (a futex waiter in the old pages is not moved with them).
 *
 * Coherence with read()/write(): the object holds the truth for the bytes
 * it covers between system calls, and the host file is brought up to date
 * before any file system call on the file reads it (user_file_shm_flush:
 * the object's resident pages inside the file's size are written back),
 * and the object after any call that wrote it (user_file_shm_written:
 * those bytes are read into the object again). Everything the guest does
 * runs on one host thread, so no store can slip in between. The cost is
 * a write-back of the whole object at each read or write of a mapped
 * file: cheap for the memfds that JITs and Wayland-style sharing map,
 * slow for a large file that is both mapped and read with read().
 *
 * Write-back to the host file also happens at msync, at munmap (objects
 * no longer mapped anywhere are written back and leave the table), and
 * at the end of the process set (user_file_shm_free). A host process
 * reading the file while the guest runs sees stores only from then on.
 *
 * Snapshots keep the table as it was (its entries are shared, counted by
 * reference): after a restore, the objects the restored mappings use are
 * the table's again. The host file is not part of a snapshot (as for any
 * file): after going back in time it keeps what was written last. A
 * replay writes nothing back (output to the host happens once, when
 * recording). A memfd is the machine's own memory: a replay runs its
 * reads and writes too (server/syscall-door.c), so its mappings replay
 * exactly. For a file on disk a replay takes write()'s result from the
 * event log without running it, so the written bytes do not reach the
 * object, and a mapping it makes is filled from the file as the host
 * has it now: reverse execution over a write() to a mapped disk file, or
 * a mapping of a file written since, may diverge from the recording.
 * Stores through mappings replay exactly. */
#ifndef BACKSTEP_USER_FILE_SHM_H
#define BACKSTEP_USER_FILE_SHM_H

#include <stdbool.h>
#include <stdint.h>

struct user_kernel;
struct user_process;
struct pagestore_shm;

/* The object of the regular file open as host_fd, covering at least
 * [0, end) (page-aligned), made (filled from the file) or grown as
 * needed. Not a new reference: the table's, which lives while the
 * object is mapped. 0, -ENODEV when host_fd is not a regular file (the
 * caller then maps a private copy as before), or -errno. */
int user_file_shm_get(struct user_process *p, int host_fd, uint64_t end,
                      struct pagestore_shm **out);

/* Before a system call reads host_fd's file (read, pread, a private
 * mmap, ftruncate): write the object's stores back to it. Cheap when no
 * object is in the table. */
void user_file_shm_flush(struct user_process *p, int host_fd);
/* After a system call wrote [offset, offset+len) of host_fd's file
 * (offset < 0: the len bytes before the fd's position, as after write;
 * len UINT64_MAX: all of it, as after ftruncate): read those bytes into
 * the object; past the file's end the object reads as zero. */
void user_file_shm_written(struct user_process *p, int host_fd,
                           int64_t offset, uint64_t len);
/* msync: write back every object mapped in [addr, addr+len) of p. */
void user_file_shm_sync_range(struct user_process *p, uint64_t addr,
                              uint64_t len);
/* Whether [addr, addr+len) of p maps pages of a file's object (before
 * munmap: then a sweep is due after it). */
bool user_file_shm_maps(struct user_process *p, uint64_t addr, uint64_t len);
/* Write back and drop the objects that no address space of k maps any
 * more (after munmap). */
void user_file_shm_sweep(struct user_kernel *k);
/* Write everything back and free k's table: at the end of the set. */
void user_file_shm_free(struct user_kernel *k);

/* The table as it is now, for user/snapshot.c; restore puts it back
 * (for the kernel it was taken of). */
struct user_file_shm_snapshot;
struct user_file_shm_snapshot *user_file_shm_snapshot_take(
    struct user_kernel *k);
void user_file_shm_snapshot_restore(struct user_kernel *k,
                                    const struct user_file_shm_snapshot *s);
void user_file_shm_snapshot_free(struct user_file_shm_snapshot *s);

#endif
