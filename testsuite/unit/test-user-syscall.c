/* Unit tests of user/'s system calls, called directly through the
 * dispatcher with the guest's registers set up as an svc would leave
 * them. */
#include "config.h"

#include "user/user-internal.h"
#include "syscall-harness.h"

#include "cpu/cpu.h"
#include "hw/pagestore.h"

#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define AT_FDCWD_ ((uint64_t)-100)
#define MAP_FIXED_ 0x10

static char *tmpdir;

static void test_pipe_write_read(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t buf = guest_alloc(p, 8192);
    g_assert_cmpint(SYS(p, pipe2, buf, 0), ==, 0);
    int32_t fds[2];
    g_assert_cmpint(user_mem_read(p, buf, fds, 8), ==, 8);
    g_assert_cmpint(fds[0], ==, 3);
    g_assert_cmpint(fds[1], ==, 4);
    /* A message crossing a page boundary. */
    const char msg[] = "across the page boundary";
    g_assert_cmpint(user_mem_write(p, buf + 4096 - 6, msg, sizeof(msg)), ==, 0);
    g_assert_cmpint(SYS(p, write, fds[1], buf + 4096 - 6, sizeof(msg)), ==,
                    sizeof(msg));
    g_assert_cmpint(SYS(p, read, fds[0], buf + 100, 4096), ==, sizeof(msg));
    char back[sizeof(msg)];
    g_assert_cmpint(user_mem_read(p, buf + 100, back, sizeof(msg)), ==,
                    sizeof(msg));
    g_assert_cmpstr(back, ==, msg);

    /* writev with two pieces; readv into two. */
    struct { uint64_t base, len; } iov[2] = {
        { buf + 100, 6 }, { buf + 100 + 11, 4 },   /* "across" "page" */
    };
    g_assert_cmpint(user_mem_write(p, buf + 2048, iov, sizeof(iov)), ==, 0);
    g_assert_cmpint(SYS(p, writev, fds[1], buf + 2048, 2), ==, 10);
    iov[0] = (typeof(iov[0])){ buf + 3000, 3 };
    iov[1] = (typeof(iov[0])){ buf + 3100, 7 };
    g_assert_cmpint(user_mem_write(p, buf + 2048, iov, sizeof(iov)), ==, 0);
    g_assert_cmpint(SYS(p, readv, fds[0], buf + 2048, 2), ==, 10);
    char a[4] = { 0 }, b[8] = { 0 };
    user_mem_read(p, buf + 3000, a, 3);
    user_mem_read(p, buf + 3100, b, 7);
    g_assert_cmpstr(a, ==, "acr");
    g_assert_cmpstr(b, ==, "osspage");

    g_assert_cmpint(SYS(p, close, fds[0]), ==, 0);
    g_assert_cmpint(SYS(p, close, fds[0]), ==, -EBADF);
    g_assert_cmpint(SYS(p, write, fds[1], buf, 1), ==, -EPIPE);
    user_process_free(p);
}

static void test_efault(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t buf = guest_alloc(p, 4096);
    g_assert_cmpint(SYS(p, pipe2, buf, 0), ==, 0);
    int32_t fds[2];
    user_mem_read(p, buf, fds, 8);
    /* Unmapped source or destination. */
    g_assert_cmpint(SYS(p, write, fds[1], 0x10, 5), ==, -EFAULT);
    g_assert_cmpint(SYS(p, write, fds[1], buf + 4090, 10), ==, -EFAULT);
    g_assert_cmpint(SYS(p, write, fds[1], UINT64_MAX - 2, 10), ==, -EFAULT);
    g_assert_cmpint(SYS(p, write, fds[1], buf, 3), ==, 3);
    /* Read into a read-only page: refused, nothing consumed. */
    g_assert_cmpint(SYS(p, mprotect, buf, 4096, 1), ==, 0);
    g_assert_cmpint(SYS(p, read, fds[0], buf, 3), ==, -EFAULT);
    /* Read into code (read-exec) too. */
    g_assert_cmpint(SYS(p, read, fds[0], 0x400000, 3), ==, -EFAULT);
    g_assert_cmpint(SYS(p, openat, AT_FDCWD_, 0x1234, 0, 0), ==, -EFAULT);
    g_assert_cmpint(SYS(p, fstat, 1, 0x1000), ==, -EFAULT);
    g_assert_cmpint(SYS(p, uname, buf), ==, -EFAULT);
    g_assert_cmpint(SYS(p, clock_gettime, 0, 8), ==, -EFAULT);
    g_assert_cmpint(SYS(p, rt_sigaction, 2, 0x42, 0, 8), ==, -EFAULT);
    g_assert_cmpint(SYS(p, readv, fds[0], 0x42, 1), ==, -EFAULT);
    /* A path with no terminating NUL before the end of the mapping. */
    uint64_t s = guest_alloc(p, 8192);
    g_assert_cmpint(SYS(p, munmap, s + 4096, 4096), ==, 0);
    char fill[4096];
    memset(fill, 'a', sizeof(fill));
    user_mem_write(p, s, fill, sizeof(fill));
    g_assert_cmpint(SYS(p, openat, AT_FDCWD_, s + 4000, 0, 0), ==, -EFAULT);
    /* A whole PATH_MAX without a NUL is too long. */
    uint64_t s2 = guest_alloc(p, 8192);
    user_mem_write(p, s2, fill, sizeof(fill));
    user_mem_write(p, s2 + 4096, fill, sizeof(fill));
    g_assert_cmpint(SYS(p, openat, AT_FDCWD_, s2, 0, 0), ==, -ENAMETOOLONG);
    /* The data is still in the pipe. */
    g_assert_cmpint(SYS(p, mprotect, buf, 4096, PROT_RW), ==, 0);
    g_assert_cmpint(SYS(p, read, fds[0], buf + 8, 3), ==, 3);
    user_process_free(p);
}

static void test_open_read_stat(void)
{
    struct user_process *p = tiny_process_new(NULL);
    char *path = g_build_filename(tmpdir, "file.txt", NULL);
    const char content[] = "0123456789abcdef";
    g_assert_true(g_file_set_contents(path, content, 16, NULL));
    uint64_t gpath = guest_str(p, path);
    uint64_t buf = guest_alloc(p, 4096);

    int64_t fd = SYS(p, openat, AT_FDCWD_, gpath, 0 /* O_RDONLY */, 0);
    g_assert_cmpint(fd, ==, 3);
    g_assert_cmpint(SYS(p, read, fd, buf, 4), ==, 4);
    g_assert_cmpint(SYS(p, lseek, fd, 10, 0 /* SEEK_SET */), ==, 10);
    g_assert_cmpint(SYS(p, read, fd, buf + 4, 100), ==, 6);
    g_assert_cmpint(SYS(p, read, fd, buf + 4, 100), ==, 0);
    g_assert_cmpint(SYS(p, pread64, fd, buf + 10, 2, 14), ==, 2);
    char got[13] = { 0 };
    user_mem_read(p, buf, got, 12);
    g_assert_cmpstr(got, ==, "0123abcdefef");

    /* fstat: the arm64 (asm-generic) struct stat layout. */
    struct stat st;
    g_assert_cmpint(stat(path, &st), ==, 0);
    g_assert_cmpint(SYS(p, fstat, fd, buf), ==, 0);
    uint8_t raw[128];
    user_mem_read(p, buf, raw, sizeof(raw));
    uint64_t u64;
    uint32_t u32;
    int32_t i32;
    memcpy(&u64, raw + 0, 8);  g_assert_cmpuint(u64, ==, st.st_dev);
    memcpy(&u64, raw + 8, 8);  g_assert_cmpuint(u64, ==, st.st_ino);
    memcpy(&u32, raw + 16, 4); g_assert_cmpuint(u32, ==, st.st_mode);
    memcpy(&u32, raw + 20, 4); g_assert_cmpuint(u32, ==, st.st_nlink);
    memcpy(&u32, raw + 24, 4); g_assert_cmpuint(u32, ==, st.st_uid);
    memcpy(&u64, raw + 48, 8); g_assert_cmpuint(u64, ==, 16);
    memcpy(&i32, raw + 56, 4); g_assert_cmpint(i32, ==, st.st_blksize);
    memcpy(&u64, raw + 64, 8); g_assert_cmpuint(u64, ==, st.st_blocks);
    memcpy(&u64, raw + 88, 8); g_assert_cmpuint(u64, ==, st.st_mtim.tv_sec);
    memcpy(&u64, raw + 96, 8); g_assert_cmpuint(u64, ==, st.st_mtim.tv_nsec);

    /* newfstatat by path gives the same bytes. */
    uint8_t raw2[128];
    g_assert_cmpint(SYS(p, newfstatat, AT_FDCWD_, gpath, buf + 1024, 0), ==, 0);
    user_mem_read(p, buf + 1024, raw2, sizeof(raw2));
    g_assert_cmpmem(raw, 128, raw2, 128);
    /* ... and relative to a directory fd. */
    uint64_t gdir = guest_str(p, tmpdir);
    uint64_t gname = guest_str(p, "file.txt");
    int64_t dirfd = SYS(p, openat, AT_FDCWD_, gdir, 040000 /* O_DIRECTORY */, 0);
    g_assert_cmpint(dirfd, ==, 4);
    g_assert_cmpint(SYS(p, newfstatat, dirfd, gname, buf + 1024, 0), ==, 0);
    user_mem_read(p, buf + 1024, raw2, sizeof(raw2));
    g_assert_cmpmem(raw, 128, raw2, 128);
    g_assert_cmpint(SYS(p, faccessat, dirfd, gname, 4 /* R_OK */), ==, 0);

    /* A file where the guest's O_DIRECTORY (040000) is required but it
     * is a regular file: ENOTDIR, so the flag was translated. */
    g_assert_cmpint(SYS(p, openat, AT_FDCWD_, gpath, 040000, 0), ==, -ENOTDIR);
    /* Missing files. */
    uint64_t gmissing = guest_str(p, "/nonexistent/backstep");
    g_assert_cmpint(SYS(p, openat, AT_FDCWD_, gmissing, 0, 0), ==, -ENOENT);
    g_assert_cmpint(SYS(p, newfstatat, AT_FDCWD_, gmissing, buf, 0), ==,
                    -ENOENT);

    /* Create, write, unlink through the guest. */
    uint64_t gnew = guest_str(p, "new.txt");
    int64_t nfd = SYS(p, openat, dirfd, gnew, 0101 /* O_WRONLY|O_CREAT */, 0600);
    g_assert_cmpint(nfd, >=, 5);
    g_assert_cmpint(SYS(p, write, nfd, gpath, 3), ==, 3);
    g_assert_cmpint(SYS(p, close, nfd), ==, 0);
    char *newpath = g_build_filename(tmpdir, "new.txt", NULL);
    gchar *text;
    g_assert_true(g_file_get_contents(newpath, &text, NULL, NULL));
    g_assert_cmpmem(text, 3, path, 3);
    g_free(text);
    g_assert_cmpint(SYS(p, unlinkat, dirfd, gnew, 0), ==, 0);
    g_assert_false(g_file_test(newpath, G_FILE_TEST_EXISTS));
    g_free(newpath);

    g_assert_cmpint(SYS(p, fcntl, fd, 1 /* F_GETFD */, 0), ==, 0);
    g_assert_cmpint(SYS(p, fcntl, fd, 3 /* F_GETFL */, 0), ==, 0400000);
    g_assert_cmpint(SYS(p, ioctl, fd, 0x5401 /* TCGETS */, buf), ==, -ENOTTY);
    g_assert_cmpint(SYS(p, ioctl, fd, 0x1234, buf), ==, -ENOTTY);

    user_process_free(p);
    g_unlink(path);
    g_free(path);
}

static void test_fd_table(void)
{
    struct user_process *p = tiny_process_new(NULL);
    g_assert_cmpint(SYS(p, close, 5000), ==, -EBADF);
    g_assert_cmpint(SYS(p, close, -1), ==, -EBADF);
    g_assert_cmpint(SYS(p, write, 1000, 0, 0), ==, -EBADF);
    g_assert_cmpint(SYS(p, dup, 77), ==, -EBADF);
    /* The guest closing its stdout leaves ours open. */
    g_assert_cmpint(SYS(p, close, 1), ==, 0);
    g_assert_cmpint(fcntl(1, F_GETFD), >=, 0);
    /* dup takes the lowest free slot. */
    g_assert_cmpint(SYS(p, dup, 2), ==, 1);
    g_assert_cmpint(SYS(p, dup3, 2, 1000, 02000000), ==, 1000);
    g_assert_cmpint(SYS(p, fcntl, 1000, 1 /* F_GETFD */, 0), ==, 1);
    g_assert_cmpint(SYS(p, dup3, 2, 1024, 0), ==, -EBADF);
    g_assert_cmpint(SYS(p, dup3, 2, 2, 0), ==, -EINVAL);
    g_assert_cmpint(SYS(p, fcntl, 2, 1030 /* F_DUPFD_CLOEXEC */, 10), ==, 10);
    /* The table is bounded: fill it, then EMFILE. */
    int64_t r;
    int n = 0;
    while ((r = SYS(p, dup, 0)) >= 0)
        n++;
    g_assert_cmpint(r, ==, -EMFILE);
    g_assert_cmpint(n, ==, 1024 - 5);   /* 0, 1, 2, 10 and 1000 are taken */
    user_process_free(p);
}

static void test_mmap(void)
{
    struct user_process *p = tiny_process_new(NULL);
    int64_t a = SYS(p, mmap, 0, 10000, PROT_RW, MAP_PRIVATE_ANON, -1, 0);
    g_assert_cmpint(a, >, 0);
    g_assert_cmpuint(a % 4096, ==, 0);
    g_assert_cmphex(a + 12288, <=, USER_MMAP_TOP);
    /* Zeroed, three pages, nothing after. */
    uint8_t b[12288];
    g_assert_cmpint(user_mem_read(p, a, b, sizeof(b)), ==, sizeof(b));
    for (size_t i = 0; i < sizeof(b); i++)
        g_assert_cmpuint(b[i], ==, 0);
    /* A second mapping goes below the first. */
    int64_t a2 = SYS(p, mmap, 0, 4096, PROT_RW, MAP_PRIVATE_ANON, -1, 0);
    g_assert_cmphex(a2, ==, a - 4096);
    /* munmap the middle page: a hole. */
    g_assert_cmpint(SYS(p, munmap, a + 4096, 4096), ==, 0);
    g_assert_cmpint(user_mem_read(p, a + 4096, b, 1), ==, 0);
    g_assert_cmpint(user_mem_read(p, a + 4000, b, 200), ==, 96);
    g_assert_cmpint(SYS(p, munmap, a + 1, 4096), ==, -EINVAL);
    g_assert_cmpint(SYS(p, munmap, a, 0), ==, -EINVAL);
    /* The hole is reused by a fitting request with it as a hint. */
    g_assert_cmpint(SYS(p, mmap, a + 4096, 4096, PROT_RW, MAP_PRIVATE_ANON,
                        -1, 0), ==, a + 4096);
    /* MAP_FIXED replaces contents. */
    user_mem_write(p, a, "xyz", 3);
    g_assert_cmpint(SYS(p, mmap, a, 4096, 1, MAP_PRIVATE_ANON | MAP_FIXED_,
                        -1, 0), ==, a);
    g_assert_cmpint(user_mem_read(p, a, b, 3), ==, 3);
    g_assert_cmpuint(b[0], ==, 0);
    /* MAP_FIXED_NOREPLACE over it: EEXIST. */
    g_assert_cmpint(SYS(p, mmap, a, 4096, 1, MAP_PRIVATE_ANON | 0x100000,
                        -1, 0), ==, -EEXIST);
    /* Bad arguments. */
    g_assert_cmpint(SYS(p, mmap, 0, 0, PROT_RW, MAP_PRIVATE_ANON, -1, 0), ==,
                    -EINVAL);
    g_assert_cmpint(SYS(p, mmap, 0, 4096, PROT_RW, 0x20, -1, 0), ==, -EINVAL);
    g_assert_cmpint(SYS(p, mmap, a + 1, 4096, PROT_RW,
                        MAP_PRIVATE_ANON | MAP_FIXED_, -1, 0), ==, -EINVAL);
    g_assert_cmpint(SYS(p, mmap, 0, 4096, PROT_RW, 2, 99, 0), ==, -EBADF);
    g_assert_cmpint(SYS(p, mmap, 0, UINT64_MAX, PROT_RW, MAP_PRIVATE_ANON,
                        -1, 0), ==, -ENOMEM);
    g_assert_cmpint(SYS(p, mmap, 0, 4096, PROT_RW, MAP_PRIVATE_ANON, -1, 5),
                    ==, -EINVAL);

    /* A big PROT_NONE reservation, as glibc's arenas make, costs nothing
     * until touched. */
    size_t resident = pagestore_resident_pages(p->mem);
    int64_t r = SYS(p, mmap, 0, 1ull << 30, 0, MAP_PRIVATE_ANON | 0x4000,
                    -1, 0);
    g_assert_cmpint(r, >, 0);
    g_assert_cmpuint(pagestore_resident_pages(p->mem), ==, resident);
    /* The debugger reading it sees zeros and does not make it resident. */
    g_assert_cmpint(user_mem_read(p, r + 100000, b, 8192), ==, 8192);
    g_assert_cmpuint(b[0], ==, 0);
    g_assert_cmpuint(b[8191], ==, 0);
    g_assert_cmpuint(pagestore_resident_pages(p->mem), ==, resident);
    g_assert_cmpint(SYS(p, mprotect, r, 8192, PROT_RW), ==, 0);
    g_assert_cmpint(SYS(p, uname, r + 4096), ==, 0);
    g_assert_cmpint(SYS(p, uname, r + 8192), ==, -EFAULT);
    g_assert_cmpint(SYS(p, mprotect, r, 8192, 0x40), ==, -EINVAL);
    g_assert_cmpint(SYS(p, mprotect, r + 1, 8192, 1), ==, -EINVAL);
    g_assert_cmpint(SYS(p, mprotect, 0x1000, 8192, 1), ==, -ENOMEM);
    g_assert_cmpint(SYS(p, munmap, r, 1ull << 30), ==, 0);
    /* Mapped memory is bounded: 64 TiB is refused, not a host OOM. */
    g_assert_cmpint(SYS(p, mmap, 0, 1ull << 46, 0, MAP_PRIVATE_ANON | 0x4000,
                        -1, 0), ==, -ENOMEM);
    g_assert_cmpint(SYS(p, mmap, 0x1000, 4096, PROT_RW,
                        MAP_PRIVATE_ANON | MAP_FIXED_, -1, 0), ==, -EPERM);

    /* madvise(DONTNEED) zeroes. */
    int64_t m = SYS(p, mmap, 0, 4096, PROT_RW, MAP_PRIVATE_ANON, -1, 0);
    user_mem_write(p, m, "data", 4);
    g_assert_cmpint(SYS(p, madvise, m, 4096, 4), ==, 0);
    g_assert_cmpint(user_mem_read(p, m, b, 4), ==, 4);
    g_assert_cmpuint(b[0], ==, 0);
    g_assert_cmpint(SYS(p, mremap, m, 4096, 8192, 1), ==, -ENOMEM);
    user_process_free(p);
}

static void test_mmap_file(void)
{
    struct user_process *p = tiny_process_new(NULL);
    char *path = g_build_filename(tmpdir, "mapped", NULL);
    char content[6000];
    for (size_t i = 0; i < sizeof(content); i++)
        content[i] = 'A' + i % 26;
    g_assert_true(g_file_set_contents(path, content, sizeof(content), NULL));
    uint64_t gpath = guest_str(p, path);
    int64_t fd = SYS(p, openat, AT_FDCWD_, gpath, 0, 0);
    g_assert_cmpint(fd, >=, 3);
    int64_t a = SYS(p, mmap, 0, 8192, 1, 2 /* MAP_PRIVATE */, fd, 0);
    g_assert_cmpint(a, >, 0);
    char b[8192];
    g_assert_cmpint(user_mem_read(p, a, b, 8192), ==, 8192);
    g_assert_cmpmem(b, sizeof(content), content, sizeof(content));
    for (size_t i = sizeof(content); i < 8192; i++)
        g_assert_cmpint(b[i], ==, 0);
    /* With an offset. */
    int64_t a2 = SYS(p, mmap, 0, 4096, 1, 2, fd, 4096);
    g_assert_cmpint(user_mem_read(p, a2, b, 100), ==, 100);
    g_assert_cmpmem(b, 100, content + 4096, 100);
    /* Read-only: a read() into it faults. */
    g_assert_cmpint(SYS(p, read, fd, a, 1), ==, -EFAULT);
    user_process_free(p);
    g_unlink(path);
    g_free(path);
}

static void test_brk(void)
{
    struct user_process *p = tiny_process_new(NULL);
    int64_t start = SYS(p, brk, 0);
    g_assert_cmphex(start, ==, 0x402000);   /* the page after .data */
    g_assert_cmpint(SYS(p, brk, start + 10000), ==, start + 10000);
    g_assert_cmpint(SYS(p, uname, start + 10000 - 390), ==, 0);
    g_assert_cmpint(SYS(p, uname, start + 12288 - 390), ==, 0);
    g_assert_cmpint(SYS(p, uname, start + 12288), ==, -EFAULT);
    /* Shrink: the pages go. */
    g_assert_cmpint(SYS(p, brk, start + 100), ==, start + 100);
    g_assert_cmpint(SYS(p, uname, start + 4096), ==, -EFAULT);
    /* Below the start: unchanged. */
    g_assert_cmpint(SYS(p, brk, 0x1000), ==, start + 100);
    /* Into an existing mapping: refused. */
    g_assert_cmpint(SYS(p, mmap, start + 0x10000, 4096, PROT_RW,
                        MAP_PRIVATE_ANON | MAP_FIXED_, -1, 0), ==,
                    start + 0x10000);
    g_assert_cmpint(SYS(p, brk, start + 0x20000), ==, start + 100);
    user_process_free(p);
}

static void test_unknown_syscall(void)
{
    if (g_test_subprocess()) {
        struct user_process *p = tiny_process_new(NULL);
        g_assert_cmpint(guest_sys(p, 104, 0, 0, 0, 0, 0, 0), ==, -ENOSYS);
        g_assert_cmpint(guest_sys(p, 104, 0, 0, 0, 0, 0, 0), ==, -ENOSYS);
        g_assert_cmpint(guest_sys(p, 99999, 0, 0, 0, 0, 0, 0), ==, -ENOSYS);
        g_assert_cmpint(guest_sys(p, UINT64_MAX, 0, 0, 0, 0, 0, 0), ==, -ENOSYS);
        user_process_free(p);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr("backstep: unsupported syscall 104 (kexec_load)\n"
                              "backstep: unsupported syscall 99999 (unknown)\n");
}

static void test_identity_time(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t buf = guest_alloc(p, 4096);
    g_assert_cmpint(SYS(p, getpid, 0), ==, user_process_pid(p));
    g_assert_cmpint(SYS(p, gettid, 0), ==, user_process_tid(p));
    g_assert_cmpint(SYS(p, getuid, 0), ==, getuid());
    g_assert_cmpint(SYS(p, set_tid_address, buf), ==, user_process_tid(p));
    g_assert_cmpint(SYS(p, set_robust_list, buf, 24), ==, 0);
    g_assert_cmpint(SYS(p, rseq, buf, 32, 0, 0), ==, -ENOSYS);

    g_assert_cmpint(SYS(p, uname, buf), ==, 0);
    char u[6][65];
    user_mem_read(p, buf, u, sizeof(u));
    g_assert_cmpstr(u[0], ==, "Linux");
    g_assert_cmpstr(u[4], ==, "aarch64");
    g_assert_true(g_str_has_prefix(u[2], "6."));

    g_assert_cmpint(SYS(p, clock_gettime, 1, buf), ==, 0);
    int64_t ts[2];
    user_mem_read(p, buf, ts, 16);
    g_assert_cmpint(ts[1], >=, 0);
    g_assert_cmpint(ts[1], <, 1000000000);
    g_assert_cmpint(SYS(p, clock_gettime, 12345, buf), ==, -EINVAL);
    g_assert_cmpint(SYS(p, gettimeofday, buf, 0), ==, 0);
    user_mem_read(p, buf, ts, 16);
    g_assert_cmpint(ts[0], >, 1600000000);
    /* A zero sleep returns at once (a longer one parks the thread for
     * the scheduler, which this direct call does not run). */
    ts[0] = 0;
    ts[1] = 0;
    user_mem_write(p, buf, ts, 16);
    g_assert_cmpint(SYS(p, nanosleep, buf, 0), ==, 0);
    ts[1] = 1000000000;
    user_mem_write(p, buf, ts, 16);
    g_assert_cmpint(SYS(p, nanosleep, buf, 0), ==, -EINVAL);

    /* getrandom: deterministic from the process's seed. */
    struct user_process *q = tiny_process_new(NULL);
    uint64_t qbuf = guest_alloc(q, 4096);
    g_assert_cmpint(SYS(p, getrandom, buf, 100, 0), ==, 100);
    g_assert_cmpint(SYS(q, getrandom, qbuf, 100, 0), ==, 100);
    uint8_t r1[100], r2[100];
    user_mem_read(p, buf, r1, 100);
    user_mem_read(q, qbuf, r2, 100);
    g_assert_cmpmem(r1, 100, r2, 100);
    g_assert_cmpint(SYS(p, getrandom, buf, 100, 0x80), ==, -EINVAL);
    user_process_free(q);

    /* rlimits. */
    g_assert_cmpint(SYS(p, prlimit64, 0, 7 /* NOFILE */, 0, buf), ==, 0);
    uint64_t lim[2];
    user_mem_read(p, buf, lim, 16);
    g_assert_cmpuint(lim[0], ==, 1024);
    lim[0] = 100;
    user_mem_write(p, buf, lim, 16);
    g_assert_cmpint(SYS(p, setrlimit, 7, buf), ==, 0);
    g_assert_cmpint(SYS(p, getrlimit, 7, buf + 16), ==, 0);
    user_mem_read(p, buf + 16, lim, 16);
    g_assert_cmpuint(lim[0], ==, 100);
    g_assert_cmpint(SYS(p, getrlimit, 99, buf), ==, -EINVAL);

    g_assert_cmpint(SYS(p, sched_getaffinity, 0, 128, buf), ==, 8);
    user_mem_read(p, buf, lim, 8);
    g_assert_cmpuint(lim[0], ==, 1);

    /* futex on one thread. */
    uint32_t word = 5;
    user_mem_write(p, buf, &word, 4);
    g_assert_cmpint(SYS(p, futex, buf, 128 /* WAIT|PRIVATE */, 6, 0), ==,
                    -EAGAIN);
    g_assert_cmpint(SYS(p, futex, buf, 128, 5, buf + 64), ==, -ETIMEDOUT);
    g_assert_cmpint(SYS(p, futex, buf, 129 /* WAKE */, 1), ==, 0);
    g_assert_cmpint(SYS(p, futex, 0x10, 128, 5, 0), ==, -EFAULT);

    /* readlinkat /proc/self/exe */
    uint64_t gname = guest_str(p, "/proc/self/exe");
    int64_t n = SYS(p, readlinkat, AT_FDCWD_, gname, buf, 4096);
    g_assert_cmpint(n, ==, strlen(user_process_exe(p)));
    char exe[4096] = { 0 };
    user_mem_read(p, buf, exe, n);
    g_assert_cmpstr(exe, ==, user_process_exe(p));
    g_assert_cmpint(SYS(p, readlinkat, AT_FDCWD_, gname, buf, 5), ==, 5);

    char cwd[4096];
    g_assert_nonnull(getcwd(cwd, sizeof(cwd)));
    g_assert_cmpint(SYS(p, getcwd, buf, 4096), ==, strlen(cwd) + 1);
    char gcwd[4096];
    user_mem_read(p, buf, gcwd, strlen(cwd) + 1);
    g_assert_cmpstr(gcwd, ==, cwd);
    g_assert_cmpint(SYS(p, getcwd, buf, 1), ==, -ERANGE);
    user_process_free(p);
}

static void test_signals(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t buf = guest_alloc(p, 4096);
    /* rt_sigaction records and returns the action. */
    uint64_t act[4] = { 0x400100, 0x04000000, 0x400200, 0x3 };
    user_mem_write(p, buf, act, sizeof(act));
    g_assert_cmpint(SYS(p, rt_sigaction, 10, buf, 0, 8), ==, 0);
    g_assert_cmpint(SYS(p, rt_sigaction, 10, 0, buf + 64, 8), ==, 0);
    uint64_t old[4];
    user_mem_read(p, buf + 64, old, sizeof(old));
    g_assert_cmpmem(old, sizeof(old), act, sizeof(act));
    g_assert_cmpint(SYS(p, rt_sigaction, 9, buf, 0, 8), ==, -EINVAL);
    g_assert_cmpint(SYS(p, rt_sigaction, 65, buf, 0, 8), ==, -EINVAL);
    g_assert_cmpint(SYS(p, rt_sigaction, 10, buf, 0, 16), ==, -EINVAL);

    /* Mask: SIGKILL cannot be blocked. */
    uint64_t set = (1ull << 8) | (1ull << 9);   /* SIGKILL, SIGUSR1 */
    user_mem_write(p, buf, &set, 8);
    g_assert_cmpint(SYS(p, rt_sigprocmask, 0, buf, 0, 8), ==, 0);
    g_assert_cmpint(SYS(p, rt_sigprocmask, 0, 0, buf + 8, 8), ==, 0);
    uint64_t mask;
    user_mem_read(p, buf + 8, &mask, 8);
    g_assert_cmphex(mask, ==, 1ull << 9);

    /* SIGUSR2 (default: terminate) to ourselves stops for the debugger. */
    g_assert_cmpint(SYS(p, kill, user_process_pid(p), 12), ==, 0);
    g_assert_true(p->stop_pending);
    g_assert_cmpint(p->stop.kind, ==, USER_EVENT_SIGNAL);
    g_assert_cmpint(p->stop.signal, ==, 12);
    p->stop_pending = false;
    /* SIGCHLD (default: ignore) does nothing; kill to others: ESRCH. */
    g_assert_cmpint(SYS(p, kill, user_process_pid(p), 17), ==, 0);
    g_assert_false(p->stop_pending);
    g_assert_cmpint(SYS(p, kill, 4242, 15), ==, -ESRCH);
    g_assert_cmpint(SYS(p, tgkill, user_process_pid(p), 4242, 6), ==, -ESRCH);
    g_assert_cmpint(SYS(p, kill, user_process_pid(p), 0), ==, 0);
    g_assert_false(p->stop_pending);
    /* Blocked SIGUSR1 waits until it is unblocked. */
    g_assert_cmpint(SYS(p, tgkill, user_process_pid(p), user_process_tid(p),
                        10), ==, 0);
    g_assert_false(p->stop_pending);
    g_assert_cmpint(SYS(p, rt_sigprocmask, 1 /* UNBLOCK */, buf, 0, 8), ==, 0);
    g_assert_true(p->stop_pending);
    g_assert_cmpint(p->stop.signal, ==, 10);
    p->stop_pending = false;

    /* sigaltstack round trip; too small is ENOMEM. */
    struct { uint64_t sp; int32_t flags; uint32_t pad; uint64_t size; } ss =
        { 0x12340000, 0, 0, 65536 };
    user_mem_write(p, buf, &ss, sizeof(ss));
    g_assert_cmpint(SYS(p, sigaltstack, buf, 0), ==, 0);
    g_assert_cmpint(SYS(p, sigaltstack, 0, buf + 64), ==, 0);
    user_mem_read(p, buf + 64, &ss, sizeof(ss));
    g_assert_cmphex(ss.sp, ==, 0x12340000);
    g_assert_cmpuint(ss.size, ==, 65536);
    ss.size = 100;
    user_mem_write(p, buf, &ss, sizeof(ss));
    g_assert_cmpint(SYS(p, sigaltstack, buf, 0), ==, -ENOMEM);

    /* SIGKILL ends the process at once, no stop on the way. */
    struct user_process *q = tiny_process_new(NULL);
    g_assert_cmpint(SYS(q, kill, 0, 9), ==, 0);
    g_assert_true(user_process_exited(q));
    g_assert_cmpint(q->stop.kind, ==, USER_EVENT_KILLED);
    g_assert_cmpint(q->stop.signal, ==, 9);
    user_process_free(q);

    /* exit_group ends the process with the status. */
    SYS(p, exit_group, 0x1234);
    g_assert_true(user_process_exited(p));
    g_assert_true(p->stop_pending);
    g_assert_cmpint(p->stop.kind, ==, USER_EVENT_EXITED);
    g_assert_cmpint(p->stop.exit_code, ==, 0x34);
    user_process_free(p);
}

/* Random arguments to every handler must never crash backstep. Run in a
 * subprocess inside a scratch directory; paths are single components (the
 * scratch bytes hold no '/'), so files only appear there. Calls that could
 * block or sleep for long are left out. */
static void test_random_arguments(void)
{
    static const int skip[] = { USER_NR_pipe2, USER_NR_nanosleep,
                                USER_NR_clock_nanosleep, USER_NR_exit,
                                USER_NR_exit_group, USER_NR_chdir,
                                USER_NR_read, USER_NR_readv,
                                USER_NR_pread64,
                                /* No datagrams or connections to random
                                 * hosts of the real network: */
                                USER_NR_socket, USER_NR_connect,
                                USER_NR_sendto, USER_NR_sendmsg };
    if (!g_test_subprocess()) {
        g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
        g_test_trap_assert_passed();
        return;
    }
    char *dir = g_build_filename(tmpdir, "fuzz", NULL);
    g_assert_cmpint(g_mkdir(dir, 0700), ==, 0);
    g_assert_cmpint(chdir(dir), ==, 0);
    struct user_process *p = tiny_process_new(NULL);
    uint64_t scratch = guest_alloc(p, 16384);
    uint64_t ro = guest_alloc(p, 4096);
    SYS(p, mprotect, ro, 4096, 1);
    GRand *rand = g_rand_new_with_seed(1234);
    uint8_t bytes[16384];
    for (int iter = 0; iter < 20000; iter++) {
        if (iter % 500 == 0) {
            for (size_t i = 0; i < sizeof(bytes); i++) {
                bytes[i] = g_rand_int_range(rand, 0, 256);
                if (bytes[i] == '/')
                    bytes[i] = 'x';
            }
            user_mem_write(p, scratch, bytes, sizeof(bytes));
        }
        int nr;
        bool skipped;
        do {
            nr = g_rand_int_range(rand, 0, USER_SYSCALL_MAX + 10);
            skipped = false;
            for (size_t k = 0; k < G_N_ELEMENTS(skip); k++)
                skipped |= nr == skip[k];
        } while (skipped);
        uint64_t a[6];
        for (int i = 0; i < 6; i++) {
            switch (g_rand_int_range(rand, 0, 7)) {
            case 0: a[i] = g_rand_int_range(rand, -5, 1100); break;
            case 1: a[i] = scratch + g_rand_int_range(rand, 0, 16384); break;
            case 2: a[i] = ro + g_rand_int_range(rand, 0, 4096); break;
            case 3: a[i] = (uint64_t)g_rand_int(rand) << 32 | g_rand_int(rand);
                break;
            case 4: a[i] = g_rand_int_range(rand, 0, 64) * 4096; break;
            case 5: a[i] = UINT64_MAX - g_rand_int_range(rand, 0, 4096); break;
            default: a[i] = g_rand_int_range(rand, 0, 8); break;
            }
        }
        /* Keep the sizes of mappings modest: the point is the checks. */
        if (nr == USER_NR_mmap || nr == USER_NR_mremap)
            a[1] &= (1ull << 32) - 1;
        guest_sys(p, nr, a[0], a[1], a[2], a[3], a[4], a[5]);
        p->stop_pending = false;
        p->exited = false;
    }
    /* Still a working process. */
    g_assert_cmpint(SYS(p, getpid, 0), ==, user_process_pid(p));
    g_rand_free(rand);
    user_process_free(p);
    /* Clean the scratch directory (files and directories it made). */
    GDir *d = g_dir_open(".", 0, NULL);
    const char *name;
    while ((name = g_dir_read_name(d)))
        if (g_remove(name) != 0)
            g_rmdir(name);
    g_dir_close(d);
    g_assert_cmpint(chdir("/"), ==, 0);
    g_rmdir(dir);
    g_free(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    tmpdir = g_dir_make_tmp("backstep-sys-XXXXXX", NULL);
    g_test_add_func("/user/syscall/pipe-write-read", test_pipe_write_read);
    g_test_add_func("/user/syscall/efault", test_efault);
    g_test_add_func("/user/syscall/open-read-stat", test_open_read_stat);
    g_test_add_func("/user/syscall/fd-table", test_fd_table);
    g_test_add_func("/user/syscall/mmap", test_mmap);
    g_test_add_func("/user/syscall/mmap-file", test_mmap_file);
    g_test_add_func("/user/syscall/brk", test_brk);
    g_test_add_func("/user/syscall/unknown", test_unknown_syscall);
    g_test_add_func("/user/syscall/identity-time", test_identity_time);
    g_test_add_func("/user/syscall/signals", test_signals);
    g_test_add_func("/user/syscall/random-arguments", test_random_arguments);
    int r = g_test_run();
    g_rmdir(tmpdir);
    g_free(tmpdir);
    return r;
}
