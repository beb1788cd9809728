/* Unit tests of files' shared objects (user/file-shm.c) through the
 * system-call dispatcher, for what the programs suite cannot show:
 * snapshots (a mapping restored from before a larger mapping replaced
 * its object is shared again with the file's next mapping, and read()
 * sees its stores), the write-back at munmap and at the end of the set,
 * and none to a file the guest opened read-only, nor while replaying. */
#include "config.h"

#include <errno.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "syscall-harness.h"
#include "user/file-shm.h"
#include "user/snapshot.h"
#include "user/user-internal.h"

#define PAGE 4096
#define MAP_SHARED_ 1

static uint64_t map_shared(struct user_process *p, int64_t fd, uint64_t len,
                           uint64_t off)
{
    int64_t addr = SYS(p, mmap, 0, len, PROT_RW, MAP_SHARED_, fd, off);
    g_assert_cmpint(addr, >, 0);
    return addr;
}

static int64_t new_memfd(struct user_process *p, uint64_t size)
{
    int64_t fd = SYS(p, memfd_create, guest_str(p, "unit"), 0);
    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(SYS(p, ftruncate, fd, size), ==, 0);
    return fd;
}

static void test_snapshot_keeps_table(void)
{
    struct user_process *p = tiny_process_new(NULL);
    int64_t fd = new_memfd(p, 2 * PAGE);
    uint64_t buf = guest_alloc(p, PAGE);
    uint64_t a = map_shared(p, fd, PAGE, 0);
    put32(p, a, 0x11111111);

    const char *why = NULL;
    struct user_snapshot *snap =
        user_snapshot_take(p, NULL, USER_SNAPSHOT_PRESENT, &why);
    g_assert_nonnull(snap);

    /* A larger mapping: a new object takes over a's pages. */
    uint64_t b = map_shared(p, fd, 2 * PAGE, 0);
    put32(p, a, 0x22222222);
    g_assert_cmphex(get32(p, b), ==, 0x22222222);

    g_assert_true(user_snapshot_restore(p, snap));
    /* a is the old object again, with its old contents, and b is gone;
     * the file's next mapping shares a's object. */
    g_assert_cmphex(get32(p, a), ==, 0x11111111);
    uint64_t c = map_shared(p, fd, PAGE, 0);
    put32(p, a + 8, 0x33333333);
    g_assert_cmphex(get32(p, c + 8), ==, 0x33333333);
    /* read() writes a's stores back first. */
    g_assert_cmpint(SYS(p, pread64, fd, buf, 4, 8), ==, 4);
    g_assert_cmphex(get32(p, buf), ==, 0x33333333);
    /* And write() shows in both. */
    put32(p, buf, 0x44444444);
    g_assert_cmpint(SYS(p, pwrite64, fd, buf, 4, 12), ==, 4);
    g_assert_cmphex(get32(p, a + 12), ==, 0x44444444);
    g_assert_cmphex(get32(p, c + 12), ==, 0x44444444);

    user_snapshot_free(snap);
    user_file_shm_free(p->kernel);
    user_process_free(p);
}

/* The end of the set writes stores back to the file, which outlives it
 * here through a host duplicate of the memfd. */
static void test_free_writes_back(void)
{
    struct user_process *p = tiny_process_new(NULL);
    int64_t fd = new_memfd(p, PAGE);
    int host = dup(user_fd_host(p, fd));
    g_assert_cmpint(host, >=, 0);
    uint64_t a = map_shared(p, fd, PAGE, 0);
    put32(p, a + 64, 0xcafef00d);
    uint32_t v = 0;
    g_assert_cmpint(pread(host, &v, 4, 64), ==, 4);
    g_assert_cmphex(v, ==, 0);   /* not yet: no system call read it */
    user_file_shm_free(p->kernel);
    user_process_free(p);
    g_assert_cmpint(pread(host, &v, 4, 64), ==, 4);
    g_assert_cmphex(v, ==, 0xcafef00d);
    close(host);
}

/* munmap of the last mapping writes back and forgets the object: a new
 * mapping is filled from the file again. */
static void test_munmap_writes_back(void)
{
    struct user_process *p = tiny_process_new(NULL);
    int64_t fd = new_memfd(p, PAGE);
    int host = user_fd_host(p, fd);
    uint64_t a = map_shared(p, fd, PAGE, 0);
    put32(p, a, 0x5a5a5a5a);
    g_assert_cmpint(SYS(p, munmap, a, PAGE), ==, 0);
    uint32_t v = 0;
    g_assert_cmpint(pread(host, &v, 4, 0), ==, 4);
    g_assert_cmphex(v, ==, 0x5a5a5a5a);
    /* Changed behind the guest's back (as another host process could):
     * the next mapping reads the file. */
    v = 0x01020304;
    g_assert_cmpint(pwrite(host, &v, 4, 0), ==, 4);
    uint64_t b = map_shared(p, fd, PAGE, 0);
    g_assert_cmphex(get32(p, b), ==, 0x01020304);
    user_file_shm_free(p->kernel);
    user_process_free(p);
}

/* A file the guest opened read-only is never written, even when stores
 * got into its mapping (mprotect does not refuse PROT_WRITE here as
 * Linux would); once mapped through a read-write fd, it is. */
static void test_read_only_not_written(void)
{
    char path[] = "/tmp/file-shm-unit.XXXXXX";
    int host = mkstemp(path);
    g_assert_cmpint(host, >=, 0);
    uint32_t v = 0x0a0b0c0d;
    g_assert_cmpint(pwrite(host, &v, 4, 0), ==, 4);
    g_assert_cmpint(ftruncate(host, PAGE), ==, 0);

    struct user_process *p = tiny_process_new(NULL);
    int64_t ro = SYS(p, openat, -100, guest_str(p, path), 0 /* O_RDONLY */);
    g_assert_cmpint(ro, >=, 0);
    int64_t a = SYS(p, mmap, 0, PAGE, 1, MAP_SHARED_, ro, 0);
    g_assert_cmpint(a, >, 0);
    g_assert_cmphex(get32(p, a), ==, 0x0a0b0c0d);
    g_assert_cmpint(SYS(p, mprotect, a, PAGE, PROT_RW), ==, 0);
    put32(p, a, 0x11223344);
    g_assert_cmpint(SYS(p, msync, a, PAGE, 4 /* MS_SYNC */), ==, 0);
    g_assert_cmpint(pread(host, &v, 4, 0), ==, 4);
    g_assert_cmphex(v, ==, 0x0a0b0c0d);

    int64_t rw = SYS(p, openat, -100, guest_str(p, path), 2 /* O_RDWR */);
    g_assert_cmpint(rw, >=, 0);
    uint64_t b = map_shared(p, rw, PAGE, 0);
    g_assert_cmphex(get32(p, b), ==, 0x11223344);   /* the same object */
    g_assert_cmpint(SYS(p, munmap, a, PAGE), ==, 0);
    g_assert_cmpint(SYS(p, munmap, b, PAGE), ==, 0);
    g_assert_cmpint(pread(host, &v, 4, 0), ==, 4);
    g_assert_cmphex(v, ==, 0x11223344);

    user_file_shm_free(p->kernel);
    user_process_free(p);
    close(host);
    unlink(path);
}

/* A door that says it is replaying (it answers the query for the next
 * recorded host wake) and runs every system call. */
static enum user_door_action replaying_before(void *opaque,
                                             struct user_process *p,
                                             uint64_t nr, const uint64_t *args,
                                             int64_t *ret)
{
    (void)opaque;
    (void)p;
    (void)args;
    if (nr != USER_DOOR_NR_NEXT_HOST_WAKE)
        return USER_DOOR_RUN;
    *ret = 0;
    return USER_DOOR_SKIP;
}

static void door_after(void *opaque, struct user_process *p, uint64_t nr,
                       const uint64_t *args, int64_t *ret)
{
    (void)opaque;
    (void)p;
    (void)nr;
    (void)args;
    (void)ret;
}

/* A replay writes nothing to the host's files: the recording did. */
static void test_replay_writes_nothing(void)
{
    static const struct user_syscall_door door = {
        .before = replaying_before, .after = door_after,
    };
    struct user_process *p = tiny_process_new(NULL);
    int64_t fd = new_memfd(p, PAGE);
    int host = user_fd_host(p, fd);
    p->kernel->door = &door;
    uint64_t a = map_shared(p, fd, PAGE, 0);
    put32(p, a, 0x77777777);
    g_assert_cmpint(SYS(p, msync, a, PAGE, 4 /* MS_SYNC */), ==, 0);
    g_assert_cmpint(SYS(p, munmap, a, PAGE), ==, 0);
    uint32_t v = 1;
    g_assert_cmpint(pread(host, &v, 4, 0), ==, 4);
    g_assert_cmphex(v, ==, 0);
    p->kernel->door = NULL;
    user_file_shm_free(p->kernel);
    user_process_free(p);
}

/* Bad arguments: errors, never a crash. */
static void test_bad_input(void)
{
    struct user_process *p = tiny_process_new(NULL);
    g_assert_cmpint(SYS(p, memfd_create, 0, 0), ==, -EFAULT);
    g_assert_cmpint(SYS(p, memfd_create, guest_str(p, "h"), 4), ==, -EINVAL);
    g_assert_cmpint(SYS(p, memfd_create, guest_str(p, "h"), 1ull << 40), ==,
                    -EINVAL);
    int64_t fd = new_memfd(p, PAGE);
    /* Past the 64 GiB a process may map: a copy, not an object. */
    int64_t far = SYS(p, mmap, 0, PAGE, PROT_RW, MAP_SHARED_, fd, 1ull << 40);
    g_assert_cmpint(far, >, 0);
    g_assert_cmphex(get32(p, far), ==, 0);
    /* Pipes cannot be mapped (Linux: ENODEV). */
    uint64_t fds = guest_alloc(p, PAGE);
    g_assert_cmpint(SYS(p, pipe2, fds, 0), ==, 0);
    g_assert_cmpint(SYS(p, mmap, 0, PAGE, 1, MAP_SHARED_, get32(p, fds), 0),
                    ==, -ENODEV);
    /* Its read end is read-only: no writable shared mapping (EACCES
     * comes first on Linux too). */
    g_assert_cmpint(SYS(p, mmap, 0, PAGE, PROT_RW, MAP_SHARED_, get32(p, fds),
                        0), ==, -EACCES);
    user_file_shm_free(p->kernel);
    user_process_free(p);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/user/file-shm/snapshot-keeps-table",
                    test_snapshot_keeps_table);
    g_test_add_func("/user/file-shm/free-writes-back", test_free_writes_back);
    g_test_add_func("/user/file-shm/munmap-writes-back",
                    test_munmap_writes_back);
    g_test_add_func("/user/file-shm/read-only-not-written",
                    test_read_only_not_written);
    g_test_add_func("/user/file-shm/replay-writes-nothing",
                    test_replay_writes_nothing);
    g_test_add_func("/user/file-shm/bad-input", test_bad_input);
    return g_test_run();
}
