/* memfd_create and MAP_SHARED file mappings that share: one memfd mapped
 * twice (the JIT's writable and executable views, here two writable
 * ones) sees its stores through both; write()/pwrite() show in the
 * mappings and stores in the mappings show to read()/pread(); a mapping
 * made later and larger takes over the smaller one's pages; a child
 * maps the memfd itself and its stores reach the parent; a MAP_PRIVATE
 * mapping is copy-on-write; ftruncate cuts what lies past the end; the
 * same for a regular file, with munmap writing it back. Also seals,
 * /proc/self/fd/N's link ("/memfd:NAME (deleted)") and memfd_create's
 * errors. qemu-aarch64 passes all this to the host
 * kernel, so its answers are Linux's. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096

static void show_pread(int fd, off_t off, size_t len, const char *what)
{
    char buf[64] = { 0 };
    ssize_t n = pread(fd, buf, len < sizeof(buf) ? len : sizeof(buf) - 1, off);
    printf("%s: pread %zd \"%s\"\n", what, n, n > 0 ? buf : "");
}

static int memfd_tests(void)
{
    int fd = memfd_create("backstep-test", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (fd < 0) {
        printf("memfd_create failed: %d\n", errno);
        return 1;
    }
    printf("cloexec %d\n", (fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
    char link[64], target[128] = { 0 };
    snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
    printf("readlink %zd \"%s\"\n", readlink(link, target, sizeof(target) - 1),
           target);
    memset(target, 0, sizeof(target));
    snprintf(link, sizeof(link), "/proc/%d/fd/%d", (int)getpid(), fd);
    printf("readlink by pid %zd \"%s\"\n",
           readlink(link, target, sizeof(target) - 1), target);
    printf("ftruncate %d\n", ftruncate(fd, 2 * PAGE));
    printf("write %zd\n", write(fd, "written first", 13));
    struct stat st;
    fstat(fd, &st);
    printf("size %lld regular %d\n", (long long)st.st_size, S_ISREG(st.st_mode));

    /* Two views of the first two pages. */
    char *a = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    char *b = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (a == MAP_FAILED || b == MAP_FAILED) {
        printf("mmap failed: %d\n", errno);
        return 1;
    }
    printf("a sees write: \"%.13s\"\n", a);
    strcpy(a + 100, "stored through a");
    printf("b sees a: \"%s\"\n", b + 100);
    strcpy(b + PAGE, "stored through b");
    printf("a sees b: \"%s\"\n", a + PAGE);
    show_pread(fd, 100, 16, "file sees a");
    show_pread(fd, PAGE, 16, "file sees b");
    printf("pwrite %zd\n", pwrite(fd, "PWRITTEN", 8, 100));
    printf("a sees pwrite: \"%s\"\n", a + 100);
    printf("b sees pwrite: \"%s\"\n", b + 100);
    lseek(fd, 0, SEEK_SET);
    char buf[32] = { 0 };
    printf("read %zd \"%s\"\n", read(fd, buf, 13), buf);

    /* Through a dup'ed fd, a larger mapping (the file grows first). */
    int fd2 = dup(fd);
    printf("ftruncate grow %d\n", ftruncate(fd2, 4 * PAGE));
    char *c = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd2, 0);
    if (c == MAP_FAILED) {
        printf("mmap c failed: %d\n", errno);
        return 1;
    }
    printf("c sees a: \"%s\" \"%s\"\n", c + 100, c + PAGE);
    strcpy(c + 50, "stored through c");
    printf("a sees c: \"%s\"\n", a + 50);
    strcpy(a + 200, "a after c");
    printf("c sees a later: \"%s\"\n", c + 200);
    strcpy(c + 3 * PAGE, "page three");
    show_pread(fd, 3 * PAGE, 10, "file sees c");

    /* A mapping at an offset. */
    char *d = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, PAGE);
    printf("d at offset: \"%s\"\n", d == MAP_FAILED ? "failed" : d);
    if (d != MAP_FAILED) {
        strcpy(d + 8, "via d");
        printf("a sees d: \"%s\"\n", a + PAGE + 8);
    }

    /* Copy-on-write private view. */
    char *priv = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    if (priv == MAP_FAILED) {
        printf("mmap private failed: %d\n", errno);
        return 1;
    }
    printf("private sees: \"%s\"\n", priv + 100);
    strcpy(priv + 100, "private store");
    printf("a after private store: \"%s\"\n", a + 100);
    printf("private keeps: \"%s\"\n", priv + 100);
    show_pread(fd, 100, 13, "file after private store");

    /* A child maps the memfd itself, and stores through the inherited
     * mapping too. */
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        char *e = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED,
                       fd, 0);
        if (e == MAP_FAILED)
            _exit(3);
        strcpy(e + 300, "child's own mapping");
        strcpy(b + 400, "child via inherited");
        if (pwrite(fd, "child pwrite", 12, 500) != 12)
            _exit(4);
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    printf("child exit %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    printf("parent sees: \"%s\" \"%s\" \"%.12s\"\n", a + 300, c + 400, b + 500);
    show_pread(fd, 300, 19, "file sees child");

    /* Shrinking cuts, growing again reads zero. */
    printf("shrink %d\n", ftruncate(fd, PAGE));
    printf("grow %d\n", ftruncate(fd, 2 * PAGE));
    printf("after shrink+grow: page1 byte %d, page0 \"%.13s\"\n",
           a[PAGE + 8], a);
    fstat(fd, &st);
    printf("size %lld\n", (long long)st.st_size);

    /* Seals. */
    printf("seals %d\n", fcntl(fd, F_GET_SEALS));
    printf("add seal %d\n", fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW));
    printf("seals %d\n", fcntl(fd, F_GET_SEALS));
    errno = 0;
    printf("shrink sealed %d errno %d\n", ftruncate(fd, PAGE), errno);

    munmap(a, 2 * PAGE);
    printf("b after munmap a: \"%s\"\n", b + 100);
    munmap(b, 2 * PAGE);
    munmap(c, 4 * PAGE);
    show_pread(fd, 50, 16, "file after munmaps");
    close(fd2);
    close(fd);

    int plain = memfd_create("plain", 0);
    printf("plain cloexec %d seals %d\n",
           (fcntl(plain, F_GETFD) & FD_CLOEXEC) != 0,
           fcntl(plain, F_GET_SEALS));
    close(plain);
    return 0;
}

/* The JIT's double mapping: code written through a writable view runs
 * through an executable one; each round's code is new (qemu-aarch64 7.2
 * keeps running its old translation when code it ran is rewritten
 * through another mapping, so rewriting is not compared here). */
static void jit_tests(void)
{
    int fd = memfd_create("jit", MFD_CLOEXEC);
    if (fd < 0 || ftruncate(fd, PAGE) != 0) {
        printf("jit memfd failed\n");
        return;
    }
    uint32_t *rw = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    void *rx = mmap(NULL, PAGE, PROT_READ | PROT_EXEC, MAP_SHARED, fd, 0);
    if (rw == MAP_FAILED || rx == MAP_FAILED) {
        printf("jit mmap failed: %d\n", errno);
        return;
    }
    for (int round = 1; round <= 3; round++) {
        uint32_t *code = rw + round * 4;
        code[0] = 0xd2800000u | ((uint32_t)(round * 11) << 5); /* mov x0, #n */
        code[1] = 0xd65f03c0u;                                 /* ret */
        char *entry = (char *)rx + round * 16;
        __builtin___clear_cache(entry, entry + 8);
        long (*fn)(void) = (long (*)(void))entry;
        printf("jit round %d: %ld\n", round, fn());
    }
    close(fd);
}

/* A memfd passed to a child over a socket (SCM_RIGHTS), made after the
 * fork so that the child has no other way to it: the child maps it and
 * stores, the parent reads its own mapping. */
static void pass_fd_tests(void)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) {
        printf("socketpair failed\n");
        return;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        char byte;
        char ctl[CMSG_SPACE(sizeof(int))];
        struct iovec iov = { &byte, 1 };
        struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
                              .msg_control = ctl,
                              .msg_controllen = sizeof(ctl) };
        if (recvmsg(sv[1], &msg, 0) != 1)
            _exit(5);
        struct cmsghdr *cm = CMSG_FIRSTHDR(&msg);
        if (!cm || cm->cmsg_type != SCM_RIGHTS)
            _exit(6);
        int fd;
        memcpy(&fd, CMSG_DATA(cm), sizeof(fd));
        char *m = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (m == MAP_FAILED)
            _exit(7);
        strcpy(m + 16, m);                  /* what the parent put there */
        memcpy(m + 16, "CHILD", 5);
        if (write(sv[1], "k", 1) != 1)
            _exit(8);
        _exit(0);
    }
    int fd = memfd_create("passed", MFD_CLOEXEC);
    char *m = fd < 0 || ftruncate(fd, PAGE) ? MAP_FAILED
              : mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (m == MAP_FAILED) {
        printf("passed memfd failed\n");
        return;
    }
    strcpy(m, "parent wrote");
    char ctl[CMSG_SPACE(sizeof(int))] = { 0 };
    struct iovec iov = { "f", 1 };
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
                          .msg_control = ctl, .msg_controllen = sizeof(ctl) };
    struct cmsghdr *cm = CMSG_FIRSTHDR(&msg);
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    cm->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cm), &fd, sizeof(fd));
    printf("sendmsg %zd\n", sendmsg(sv[0], &msg, 0));
    char ack = 0;
    printf("ack %zd\n", read(sv[0], &ack, 1));
    int status = 0;
    waitpid(pid, &status, 0);
    printf("passed child exit %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    printf("parent sees child: \"%s\"\n", m + 16);
    close(fd);
    close(sv[0]);
    close(sv[1]);
}

static void error_tests(void)
{
    errno = 0;
    printf("bad flags %d errno %d\n", memfd_create("x", 0x100), errno);
    char name[300];
    memset(name, 'n', sizeof(name) - 1);
    name[sizeof(name) - 1] = '\0';
    errno = 0;
    printf("long name %d errno %d\n", memfd_create(name, 0), errno);
    errno = 0;
    printf("bad name pointer %d errno %d\n",
           memfd_create((const char *)8, 0), errno);
}

static void file_tests(void)
{
    char path[] = "/tmp/memfd-test.XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) {
        printf("mkstemp failed\n");
        return;
    }
    char page[PAGE] = "file start";
    if (write(fd, page, PAGE) != PAGE)
        printf("write failed\n");
    char *x = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    char *y = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (x == MAP_FAILED || y == MAP_FAILED) {
        printf("file mmap failed\n");
        return;
    }
    strcpy(x + 20, "file via x");
    printf("file y sees x: \"%s\"\n", y + 20);
    pwrite(fd, "file pwrite", 11, 40);
    printf("file x sees pwrite: \"%s\"\n", x + 40);
    msync(x, PAGE, MS_SYNC);
    strcpy(y + 60, "last store");
    munmap(x, PAGE);
    munmap(y, PAGE);
    /* Read back through a fresh descriptor of the path. */
    int again = open(path, O_RDONLY);
    show_pread(again, 20, 10, "file after munmap");
    show_pread(again, 60, 10, "file after munmap");
    errno = 0;
    void *ro = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, again, 0);
    printf("read-only fd, shared writable: %s errno %d\n",
           ro == MAP_FAILED ? "failed" : "mapped", errno);
    char *rx = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, again, 0);
    printf("read-only fd, shared read-only: \"%s\"\n",
           rx == MAP_FAILED ? "failed" : rx + 60);
    close(again);
    close(fd);
    unlink(path);
}

int main(void)
{
    int r = memfd_tests();
    jit_tests();
    pass_fd_tests();
    error_tests();
    file_tests();
    return r;
}
