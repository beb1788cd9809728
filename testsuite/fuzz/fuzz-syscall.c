/* Fuzz target: system calls with fuzzer-chosen numbers and arguments,
 * issued on a real guest process through the dispatcher the CPU's svc
 * uses (user_syscall with x8 and x0..x5 set).
 *
 * The guest is testsuite/fuzz/guest-nop (built from guest-nop.S by the
 * cross compiler); each input gets a fresh process whose stdio is
 * /dev/null, and a scratch region: two read-write pages holding input
 * bytes, path strings and an iovec array, and a PROT_NONE guard page.
 *
 * The host is protected from the guest, not just the other way round:
 * the calls that end the process, signal it or sleep are never made;
 * pipes and sockets are non-blocking and socket transfers carry
 * MSG_DONTWAIT, so that no call waits; sockets are AF_UNIX only, with
 * socket addresses from a fixed list (abstract names, names relative to
 * the scratch directory), so nothing reaches the network or makes a
 * socket file elsewhere; path arguments are
 * always names from a fixed list (relative ones resolve in a scratch
 * directory that is the cwd and is emptied after each input) or bad
 * pointers, never input bytes. Numbers without a handler get raw
 * arguments.
 *
 * After each call: only x0 changed, and it holds a value or -errno; the
 * fd table holds distinct live host fds that are not stdio. After each
 * input: the image's entry page and the stack top are still mapped
 * unless a call aimed at them, mapped memory is within the limit, and
 * freeing the process closed every host fd it opened. */
#include "testsuite/fuzz/fuzz.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cpu/cpu.h"
#include "hw/pagestore.h"
#include "user/syscall.h"
#include "user/user-internal.h"

#define MAX_CALLS 24
#define PAGE PAGESTORE_PAGE_SIZE

/* The scratch region's layout (offsets from its base): two read-write
 * pages of data, a read-only page of path strings, a PROT_NONE guard. */
#define SCRATCH_SIZE (4 * PAGE)
#define SCRATCH_DATA_SIZE (2 * PAGE)
#define SCRATCH_BLOB 0x000           /* input bytes */
#define SCRATCH_BLOB_SIZE 0x400
#define SCRATCH_IOV 0x400            /* an iovec array into the data */
#define SCRATCH_IOV_COUNT 8
#define SCRATCH_PATHS (2 * PAGE)     /* NUL-terminated names, 64 bytes apart */
#define SCRATCH_PATH_SLOT 64
#define SCRATCH_LONG_PATH (SCRATCH_PATHS + 0x800)  /* longer than NAME_MAX */
#define SCRATCH_UNTERMINATED (3 * PAGE - 16)       /* runs into the guard */
#define SCRATCH_SOCKADDRS (SCRATCH_PATHS + 0xa00)  /* sockaddr_un, 128 apart */
#define SCRATCH_SOCKADDR_SLOT 128
#define SCRATCH_GUARD (3 * PAGE)

/* Relative names resolve in the scratch cwd (b/../a stays inside: b can
 * only be a directory made there). The absolute ones come after them:
 * only calls that read are given those, and openat loses its write and
 * create flags with them, so that nothing outside the scratch directory
 * is ever created, truncated, renamed or removed. */
static const char *const paths[] = {
    "a", "b", "sub", "sub/c", ".", "", "a/", "sub/", "nonexistent/x",
    "b/../a",
    "/dev/null", "/proc/self/exe", "/proc/self/maps", "/proc/1000/exe",
    "/dev/zero",
};
#define N_RELATIVE_PATHS 10

/* AF_UNIX addresses (family 1, then sun_path): abstract names, names in
 * the scratch directory, the empty name (autobind), a name without its
 * NUL. */
static const char *const sock_names[] = {
    "\0fuzz-a", "\0fuzz-b", "sock-a", "sub/sock", "", "unterminated-name",
};
static const size_t sock_name_lens[] = { 7, 7, 7, 9, 0, 17 };

enum role {
    ANY,        /* anything at all */
    FD,         /* a guest fd */
    DIRFD,      /* a guest fd or AT_FDCWD */
    PTR,        /* a guest buffer */
    IOV,        /* a guest iovec array */
    PATH,       /* a path: a name from paths[] or a bad pointer */
    RPATH,      /* the same, relative names only */
    LEN,        /* a length */
    OFF,        /* a file offset */
    SMALL,      /* a small number (modes, whence, clock ids, resources) */
    ADDR,       /* a page-ish guest address */
    PID,        /* a process id */
    SIGSETSIZE, /* 8 mostly */
    PIPEFLAGS,  /* flags with O_NONBLOCK forced on */
    FCNTLCMD,   /* a fcntl command */
    SOCKFAMILY, /* AF_UNIX, or a family that is refused (never AF_INET*) */
    SOCKTYPE,   /* a socket type with SOCK_NONBLOCK forced on */
    SOCKADDR,   /* an AF_UNIX address from sock_names, or a bad pointer */
    ADDRLEN,    /* a socket address length */
    MSGFLAGS,   /* send/recv flags with MSG_DONTWAIT forced on */
};

struct call_def {
    const char *name;
    uint64_t nr;
    enum role args[6];
};

#define CALL(name, ...) { #name, USER_NR_##name, { __VA_ARGS__ } }

/* Every handler in user/syscall.h but exit, exit_group, kill, tkill,
 * tgkill (they end or stop the process) and nanosleep, clock_nanosleep
 * (they sleep on the host). */
static const struct call_def calls[] = {
    CALL(read, FD, PTR, LEN), CALL(write, FD, PTR, LEN),
    CALL(readv, FD, IOV, SMALL), CALL(writev, FD, IOV, SMALL),
    CALL(pread64, FD, PTR, LEN, OFF), CALL(pwrite64, FD, PTR, LEN, OFF),
    CALL(openat, DIRFD, PATH, ANY, SMALL), CALL(close, FD),
    CALL(lseek, FD, OFF, SMALL), CALL(fstat, FD, PTR),
    CALL(newfstatat, DIRFD, PATH, PTR, ANY),
    CALL(statx, DIRFD, PATH, ANY, ANY, PTR), CALL(ioctl, FD, ANY, PTR),
    CALL(fcntl, FD, FCNTLCMD, ANY), CALL(dup, FD), CALL(dup3, FD, FD, ANY),
    CALL(pipe2, PTR, PIPEFLAGS), CALL(getcwd, PTR, LEN),
    CALL(faccessat, DIRFD, PATH, SMALL),
    CALL(faccessat2, DIRFD, PATH, SMALL, ANY),
    CALL(readlinkat, DIRFD, PATH, PTR, LEN),
    CALL(unlinkat, DIRFD, RPATH, ANY), CALL(mkdirat, DIRFD, RPATH, SMALL),
    CALL(getdents64, FD, PTR, LEN), CALL(ftruncate, FD, OFF),
    CALL(fsync, FD), CALL(fdatasync, FD),
    CALL(renameat, DIRFD, RPATH, DIRFD, RPATH), CALL(chdir, PATH),
    CALL(brk, ADDR), CALL(mmap, ADDR, LEN, SMALL, ANY, FD, OFF),
    CALL(munmap, ADDR, LEN), CALL(mprotect, ADDR, LEN, SMALL),
    CALL(madvise, ADDR, LEN, SMALL), CALL(mremap, ADDR, LEN, LEN, ANY, ADDR),
    CALL(uname, PTR), CALL(getrandom, PTR, LEN, ANY),
    CALL(clock_gettime, SMALL, PTR), CALL(gettimeofday, PTR, PTR),
    CALL(clock_getres, SMALL, PTR), CALL(set_tid_address, PTR),
    CALL(set_robust_list, PTR, LEN), CALL(rseq, PTR, LEN, ANY, ANY),
    CALL(prlimit64, PID, SMALL, PTR, PTR), CALL(getrlimit, SMALL, PTR),
    CALL(setrlimit, SMALL, PTR), CALL(getpid), CALL(gettid),
    CALL(getppid), CALL(getuid), CALL(geteuid), CALL(getgid),
    CALL(getegid), CALL(getpgid, PID), CALL(setpgid, PID, PID),
    CALL(getsid, PID), CALL(sched_getaffinity, PID, LEN, PTR),
    CALL(sched_yield), CALL(futex, PTR, ANY, ANY, PTR, PTR, ANY),
    CALL(rt_sigaction, SMALL, PTR, PTR, SIGSETSIZE),
    CALL(rt_sigprocmask, SMALL, PTR, PTR, SIGSETSIZE),
    CALL(sigaltstack, PTR, PTR), CALL(umask, ANY),
    CALL(socket, SOCKFAMILY, SOCKTYPE, SMALL),
    CALL(socketpair, SOCKFAMILY, SOCKTYPE, SMALL, PTR),
    CALL(bind, FD, SOCKADDR, ADDRLEN), CALL(listen, FD, SMALL),
    CALL(accept, FD, PTR, PTR), CALL(accept4, FD, PTR, PTR, ANY),
    CALL(connect, FD, SOCKADDR, ADDRLEN), CALL(getsockname, FD, PTR, PTR),
    CALL(getpeername, FD, PTR, PTR),
    CALL(sendto, FD, PTR, LEN, MSGFLAGS, SOCKADDR, ADDRLEN),
    CALL(recvfrom, FD, PTR, LEN, MSGFLAGS, PTR, PTR),
    CALL(setsockopt, FD, SMALL, SMALL, PTR, LEN),
    CALL(getsockopt, FD, SMALL, SMALL, PTR, PTR), CALL(shutdown, FD, SMALL),
    CALL(sendmsg, FD, PTR, MSGFLAGS), CALL(recvmsg, FD, PTR, MSGFLAGS),
};

/* Numbers that have a handler: raw numbers skip them. */
static bool has_handler(uint64_t nr)
{
    static const uint64_t handled[] = {
#define HANDLED_NR(name, nargs) USER_NR_##name,
        USER_SYSCALL_HANDLERS(HANDLED_NR)
#undef HANDLED_NR
    };
    for (size_t i = 0; i < G_N_ELEMENTS(handled); i++)
        if (handled[i] == nr)
            return true;
    return false;
}

static char *guest_path_file;   /* the guest program */
static char *scratch_dir;       /* the guest's cwd */
static int home_fd = -1;        /* the cwd we were started in */

static void remove_tree(const char *path, int depth)
{
    GDir *dir;
    const char *name;

    if (depth > 8)
        return;
    dir = g_dir_open(path, 0, NULL);
    if (!dir)
        return;
    while ((name = g_dir_read_name(dir))) {
        char *child = g_build_filename(path, name, NULL);
        struct stat sb;
        if (lstat(child, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            remove_tree(child, depth + 1);
            rmdir(child);
        } else {
            unlink(child);
        }
        g_free(child);
    }
    g_dir_close(dir);
}

static void remove_scratch(void)
{
    if (!scratch_dir)
        return;
    remove_tree(scratch_dir, 0);
    rmdir(scratch_dir);
}

static int count_host_fds(void)
{
    DIR *d = opendir("/proc/self/fd");
    int n = 0;

    if (!d)
        return -1;
    while (readdir(d))
        n++;
    closedir(d);
    return n;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    GError *error = NULL;
    const char *guest = g_getenv("FUZZ_GUEST");

#ifdef FUZZ_GUEST_PATH
    if (!guest)
        guest = FUZZ_GUEST_PATH;
#endif
    if (!guest)
        fuzz_fail("no guest program: set FUZZ_GUEST");
    guest_path_file = realpath(guest, NULL);
    if (!guest_path_file)
        fuzz_fail("%s: %s", guest, g_strerror(errno));
    scratch_dir = g_dir_make_tmp("backstep-fuzz-syscall-XXXXXX", &error);
    if (!scratch_dir)
        fuzz_fail("cannot make a scratch directory: %s", error->message);
    /* The scratch directory is the cwd only while an input runs:
     * libFuzzer resolves its corpus and artifact paths in ours. */
    home_fd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (home_fd < 0)
        fuzz_fail("cannot open the current directory: %s", g_strerror(errno));
    atexit(remove_scratch);
    return 0;
}

/* --- Setting up a process -------------------------------------------- */

static int64_t syscall6(struct user_process *p, uint64_t nr,
                        const uint64_t *args)
{
    struct cpu_state *cpu = user_process_cpu(p);

    for (int i = 0; i < 6; i++)
        cpu->x[i] = args[i];
    cpu->x[8] = nr;
    user_syscall(p);
    return (int64_t)cpu->x[0];
}

/* Guest stdio on /dev/null: nothing read from the terminal or written
 * to it, and reads never wait. */
static void quiet_stdio(struct user_process *p)
{
    for (int i = 0; i < 3; i++) {
        user_fd_close(p, i);
        int host = open("/dev/null", O_RDWR | O_CLOEXEC);
        if (host < 0 || user_fd_install(p, host, false, i) != i)
            fuzz_fail("cannot give the guest /dev/null as fd %d", i);
    }
}

struct session {
    struct user_process *p;
    uint64_t scratch;
    uint8_t path_page[PAGE];        /* what the path page must hold */
    uint64_t image_lo, image_hi;    /* the entry point's page */
    bool image_touched, stack_touched;
    int64_t last_fd;                /* the last fd a call returned */
};

static void make_scratch(struct session *s, struct fuzz_input *in)
{
    uint64_t mmap_args[6] = { 0, SCRATCH_SIZE, 3 /* RW */,
                              0x22 /* MAP_PRIVATE | MAP_ANONYMOUS */,
                              (uint64_t)-1, 0 };
    int64_t base = syscall6(s->p, USER_NR_mmap, mmap_args);
    uint8_t data[SCRATCH_DATA_SIZE];
    uint8_t *paths_page = s->path_page;
    size_t n;

    if (base <= 0)
        fuzz_fail("cannot map the scratch region: %" G_GINT64_FORMAT, base);
    s->scratch = (uint64_t)base;
    memset(data, 0, sizeof(data));
    /* Two statements: the order in which arguments are evaluated is
     * unspecified, so n must be set before it is passed. */
    const uint8_t *blob = fuzz_bytes(in, SCRATCH_BLOB_SIZE, &n);
    memcpy(data + SCRATCH_BLOB, blob, n);
    for (unsigned i = 0; i < SCRATCH_IOV_COUNT; i++) {
        uint64_t iov[2] = { s->scratch + fuzz_below(in, SCRATCH_DATA_SIZE),
                            fuzz_below(in, 3) ? fuzz_u8(in) : fuzz_u64(in) };
        memcpy(data + SCRATCH_IOV + 16 * i, iov, sizeof(iov));
    }
    memset(paths_page, 0, PAGE);
    for (size_t i = 0; i < G_N_ELEMENTS(paths); i++)
        g_strlcpy((char *)paths_page + SCRATCH_PATH_SLOT * i, paths[i],
                  SCRATCH_PATH_SLOT);
    memset(paths_page + SCRATCH_LONG_PATH - SCRATCH_PATHS, 'n', 300);
    for (size_t i = 0; i < G_N_ELEMENTS(sock_names); i++) {
        uint8_t *slot = paths_page + SCRATCH_SOCKADDRS - SCRATCH_PATHS
                        + SCRATCH_SOCKADDR_SLOT * i;
        slot[0] = 1;   /* AF_UNIX */
        memcpy(slot + 2, sock_names[i], sock_name_lens[i]);
        if (i + 1 == G_N_ELEMENTS(sock_names))
            memset(slot + 2, 'u', SCRATCH_SOCKADDR_SLOT - 2);   /* no NUL */
    }
    memset(paths_page + SCRATCH_UNTERMINATED - SCRATCH_PATHS, 'u', 16);
    if (user_mem_write(s->p, s->scratch, data, sizeof(data)) != 0
        || user_mem_write(s->p, s->scratch + SCRATCH_PATHS, paths_page,
                          PAGE) != 0)
        fuzz_fail("cannot fill the scratch region");
    uint64_t ro_args[6] = { s->scratch + SCRATCH_PATHS, PAGE, 1 /* R */ };
    uint64_t guard_args[6] = { s->scratch + SCRATCH_GUARD, PAGE, 0 };
    if (syscall6(s->p, USER_NR_mprotect, ro_args) != 0
        || syscall6(s->p, USER_NR_mprotect, guard_args) != 0)
        fuzz_fail("cannot protect the scratch region");
}

/* Path arguments must name only what paths[] holds: the guest's earlier
 * calls may have remapped or unprotected the path page or the guard,
 * in which case calls taking paths are skipped. */
static bool paths_intact(struct session *s)
{
    uint8_t now[PAGE];
    int path_prot = pagestore_prot(s->p->mem, s->scratch + SCRATCH_PATHS);
    int guard_prot = pagestore_prot(s->p->mem, s->scratch + SCRATCH_GUARD);

    if (path_prot != PAGESTORE_PROT_READ
        || (guard_prot >= 0 && (guard_prot & PAGESTORE_PROT_READ)))
        return false;
    return user_mem_read(s->p, s->scratch + SCRATCH_PATHS, now, PAGE) == PAGE
           && memcmp(now, s->path_page, PAGE) == 0;
}

static bool takes_path(const struct call_def *def)
{
    for (int i = 0; i < 6; i++)
        if (def->args[i] == PATH || def->args[i] == RPATH
            || def->args[i] == SOCKADDR)
            return true;
    return false;
}

/* --- Arguments ---------------------------------------------------------- */


static uint64_t arg_ptr(struct session *s, struct fuzz_input *in)
{
    switch (fuzz_below(in, 10)) {
    case 0:
        return 0;
    case 1:
        return s->scratch + SCRATCH_DATA_SIZE - 1 - fuzz_below(in, 16);
    case 2:
        return s->scratch + SCRATCH_GUARD;
    case 3:
        return 0x1000;                          /* never mapped */
    case 4:
        return s->image_lo;                     /* read-only code */
    case 5:
        return user_process_cpu(s->p)->sp;
    case 6:
        return fuzz_u64(in);
    default:
        return s->scratch + fuzz_below(in, SCRATCH_DATA_SIZE);
    }
}

static uint64_t arg_path(struct session *s, struct fuzz_input *in,
                         bool relative)
{
    unsigned n = relative ? N_RELATIVE_PATHS : G_N_ELEMENTS(paths);

    switch (fuzz_below(in, 12)) {
    case 0:
        return 0;
    case 1:
        return s->scratch + SCRATCH_UNTERMINATED;
    case 2:
        return s->scratch + SCRATCH_GUARD;
    case 3:
        return s->scratch + SCRATCH_LONG_PATH;
    default:
        return s->scratch + SCRATCH_PATHS
               + SCRATCH_PATH_SLOT * fuzz_below(in, n);
    }
}

static uint64_t arg_fd(struct session *s, struct fuzz_input *in, bool dir)
{
    static const uint64_t odd_fds[] = {
        (uint64_t)-1, USER_FD_MAX - 1, USER_FD_MAX, 0x7fffffff,
        0x100000000ull, 0x100000003ull, (uint64_t)INT64_MIN,
    };
    unsigned i = fuzz_below(in, 16);

    if (dir && i < 4)
        return (uint64_t)-100;                  /* AT_FDCWD */
    if (i < 8)
        return (uint64_t)s->last_fd;
    if (i < 13)
        return fuzz_below(in, 8);
    return odd_fds[fuzz_below(in, G_N_ELEMENTS(odd_fds))];
}

static uint64_t arg_len(struct fuzz_input *in)
{
    static const uint64_t lens[] = {
        0, 1, 8, 16, 24, 64, PAGE - 1, PAGE, PAGE + 1, 2 * PAGE, 0x10000,
        1ull << 30, 0x7ffff000, USER_MAP_LIMIT, USER_MAP_LIMIT + PAGE,
        1ull << 47, (uint64_t)-1, (uint64_t)-PAGE, 1ull << 63,
    };
    unsigned i = fuzz_below(in, G_N_ELEMENTS(lens) + 2);

    if (i < G_N_ELEMENTS(lens))
        return lens[i];
    return i == G_N_ELEMENTS(lens) ? fuzz_u16(in) : fuzz_u64(in);
}

static uint64_t arg_addr(struct session *s, struct fuzz_input *in)
{
    static const uint64_t addrs[] = {
        0, PAGE, USER_MMAP_MIN, 0x400000, USER_PIE_BASE,
        USER_MMAP_TOP - PAGE, USER_STACK_TOP - PAGE, USER_STACK_TOP,
        PAGESTORE_ADDR_LIMIT - PAGE, PAGESTORE_ADDR_LIMIT, (uint64_t)-PAGE,
    };
    switch (fuzz_below(in, 6)) {
    case 0:
        return addrs[fuzz_below(in, G_N_ELEMENTS(addrs))];
    case 1:
        return s->scratch + PAGE * fuzz_below(in, 4);
    case 2:
        return s->image_lo;
    case 3:
        return s->p->brk_cur + PAGE * (uint64_t)(int8_t)fuzz_u8(in);
    case 4:
        return fuzz_u64(in);
    default:
        return (fuzz_u64(in) & (PAGESTORE_ADDR_LIMIT - 1)) & PAGESTORE_PAGE_MASK;
    }
}

static uint64_t arg_any(struct fuzz_input *in)
{
    switch (fuzz_below(in, 4)) {
    case 0:
        return fuzz_u8(in);
    case 1:
        return fuzz_u32(in);
    case 2:
        return (uint64_t)(int64_t)(int8_t)fuzz_u8(in);
    default:
        return fuzz_u64(in);
    }
}

static uint64_t make_arg(struct session *s, struct fuzz_input *in,
                         enum role role)
{
    switch (role) {
    case FD:
        return arg_fd(s, in, false);
    case DIRFD:
        return arg_fd(s, in, true);
    case PTR:
        return arg_ptr(s, in);
    case IOV:
        return fuzz_below(in, 4) ? s->scratch + SCRATCH_IOV : arg_ptr(s, in);
    case PATH:
        return arg_path(s, in, false);
    case RPATH:
        return arg_path(s, in, true);
    case LEN:
        return arg_len(in);
    case OFF:
        return fuzz_below(in, 2) ? fuzz_u16(in) : arg_len(in);
    case SMALL:
        return fuzz_below(in, 8) ? fuzz_below(in, 20) : arg_any(in);
    case ADDR:
        return arg_addr(s, in);
    case PID:
        return fuzz_below(in, 2) ? 0 : fuzz_below(in, 3) ? 1000 : arg_any(in);
    case SIGSETSIZE:
        return fuzz_below(in, 4) ? 8 : arg_any(in);
    case PIPEFLAGS:
        return arg_any(in) | 0x800;     /* O_NONBLOCK */
    case FCNTLCMD: {
        static const uint64_t cmds[] = { 0, 1, 2, 3, 4, 1030, 5, 6, 1031 };
        return fuzz_below(in, 8) ? cmds[fuzz_below(in, G_N_ELEMENTS(cmds))]
                                 : arg_any(in);
    }
    case SOCKFAMILY: {
        static const uint64_t families[] = { 1, 1, 1, 0, 16, 17, 46, 12345 };
        return families[fuzz_below(in, G_N_ELEMENTS(families))];
    }
    case SOCKTYPE:
        return (fuzz_below(in, 4) ? 1 + fuzz_below(in, 5) : arg_any(in))
               | 0x800;                 /* SOCK_NONBLOCK */
    case SOCKADDR:
        switch (fuzz_below(in, 10)) {
        case 0:
            return 0;
        case 1:
            return s->scratch + SCRATCH_GUARD - 4;
        default:
            return s->scratch + SCRATCH_SOCKADDRS
                   + SCRATCH_SOCKADDR_SLOT
                     * fuzz_below(in, G_N_ELEMENTS(sock_names));
        }
    case ADDRLEN: {
        static const uint64_t lens[] = { 0, 1, 2, 3, 9, 11, 16, 110, 128,
                                         129, (uint64_t)-1, 0x80000000 };
        return lens[fuzz_below(in, G_N_ELEMENTS(lens))];
    }
    case MSGFLAGS:
        return (fuzz_below(in, 2) ? 0 : arg_any(in)) | 0x40;  /* DONTWAIT */
    case ANY:
        break;
    }
    return arg_any(in);
}

/* openat flags that write or create (arm64 values): O_WRONLY, O_RDWR,
 * O_CREAT, O_TRUNC, O_APPEND, O_TMPFILE's __O_TMPFILE. */
#define GUEST_OPEN_WRITE_FLAGS (01 | 02 | 0100 | 01000 | 02000 | 020000000)

static bool is_absolute_path(const struct session *s, uint64_t addr)
{
    uint64_t first = s->scratch + SCRATCH_PATHS
                     + SCRATCH_PATH_SLOT * N_RELATIVE_PATHS;
    return addr >= first
           && addr < s->scratch + SCRATCH_PATHS
                         + SCRATCH_PATH_SLOT * G_N_ELEMENTS(paths);
}

/* --- Checks ------------------------------------------------------------- */

static bool overlaps(uint64_t a, uint64_t alen, uint64_t lo, uint64_t hi)
{
    uint64_t a_end = alen > UINT64_MAX - a ? UINT64_MAX : a + alen;
    if (alen == 0)
        a_end = a + 1 > a ? a + 1 : a;  /* a zero length still names a page */
    return a < hi && a_end > lo;
}

/* Whether a call may have changed the mapping of [lo, hi). */
static bool may_remap(uint64_t nr, const uint64_t *a, uint64_t lo,
                      uint64_t hi)
{
    if (nr == USER_NR_munmap || nr == USER_NR_mprotect)
        return overlaps(a[0] & PAGESTORE_PAGE_MASK, a[1] + PAGE, lo, hi);
    if (nr == USER_NR_mremap)
        return overlaps(a[0] & PAGESTORE_PAGE_MASK, a[1] + PAGE, lo, hi)
               || overlaps(a[4] & PAGESTORE_PAGE_MASK, a[2] + PAGE, lo, hi);
    if (nr == USER_NR_mmap && (a[3] & 0x100010))  /* MAP_FIXED(_NOREPLACE) */
        return overlaps(a[0] & PAGESTORE_PAGE_MASK, a[1] + PAGE, lo, hi);
    return false;
}

static void check_fd_table(struct user_process *p)
{
    for (int i = 0; i < USER_FD_MAX; i++) {
        int host = p->fds[i].host;
        if (host < 0)
            continue;
        FUZZ_CHECK(host >= 3, "guest fd %d is host stdio fd %d", i, host);
        FUZZ_CHECK(fcntl(host, F_GETFD) >= 0,
                   "guest fd %d holds closed host fd %d", i, host);
        for (int j = i + 1; j < USER_FD_MAX; j++)
            FUZZ_CHECK(p->fds[j].host != host,
                       "guest fds %d and %d share host fd %d", i, j, host);
    }
}

static void check_call(struct session *s, const struct cpu_state *before,
                       uint64_t nr, const uint64_t *args, int64_t ret)
{
    const struct cpu_state *cpu = user_process_cpu(s->p);

    for (int r = 1; r < 31; r++)
        FUZZ_CHECK(cpu->x[r] == before->x[r],
                   "syscall %" G_GUINT64_FORMAT " changed x%d", nr, r);
    FUZZ_CHECK(cpu->sp == before->sp && cpu->pc == before->pc,
               "syscall %" G_GUINT64_FORMAT " moved sp or pc", nr);
    FUZZ_CHECK(ret >= -4095,
               "syscall %" G_GUINT64_FORMAT " returned %" G_GINT64_FORMAT
               ", neither a value nor -errno", nr, ret);
    FUZZ_CHECK(s->p->brk_cur >= s->p->brk_start, "brk below its start");
    if (nr == USER_NR_mmap && ret > 0 && !(args[3] & 0x100010)) {
        /* The kernel's choice of address never lands on a mapping. */
        FUZZ_CHECK(s->image_touched
                       || !overlaps((uint64_t)ret, args[1], s->image_lo,
                                    s->image_hi),
                   "mmap returned 0x%" G_GINT64_MODIFIER "x over the image",
                   (guint64)ret);
        FUZZ_CHECK(s->stack_touched
                       || !overlaps((uint64_t)ret, args[1],
                                    USER_STACK_TOP - PAGE, USER_STACK_TOP),
                   "mmap returned 0x%" G_GINT64_MODIFIER "x over the stack",
                   (guint64)ret);
    }
    check_fd_table(s->p);
}

static void check_process(struct session *s)
{
    struct user_process *p = s->p;
    uint64_t mapped = pagestore_mapped_pages(p->mem) * PAGE;

    if (!s->image_touched) {
        int prot = pagestore_prot(p->mem, s->image_lo);
        FUZZ_CHECK(prot >= 0 && (prot & PAGESTORE_PROT_EXEC),
                   "the entry page lost its mapping (prot %d)", prot);
    }
    if (!s->stack_touched) {
        int prot = pagestore_prot(p->mem, USER_STACK_TOP - PAGE);
        FUZZ_CHECK(prot == (PAGESTORE_PROT_READ | PAGESTORE_PROT_WRITE),
                   "the stack top lost its mapping (prot %d)", prot);
    }
    FUZZ_CHECK(mapped <= USER_MAP_LIMIT + USER_STACK_SIZE + (1u << 20),
               "%" G_GUINT64_FORMAT " bytes mapped, over the limit", mapped);
}

/* --- The target ------------------------------------------------------- */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *argv[] = { "guest-nop", NULL };
    char *envp[] = { NULL };
    GError *error = NULL;
    struct fuzz_input in;
    struct session s = { 0 };
    mode_t saved_umask = umask(022);

    if (!scratch_dir)
        LLVMFuzzerInitialize(NULL, NULL);
    umask(saved_umask);
    fuzz_input_init(&in, data, size);
    /* Counted per input: libFuzzer opens files of its own between them. */
    int baseline_fds = count_host_fds();
    if (chdir(scratch_dir) != 0)
        fuzz_fail("%s: %s", scratch_dir, g_strerror(errno));
    s.p = user_process_new(guest_path_file, argv, envp, NULL, &error);
    if (!s.p)
        fuzz_fail("cannot load the guest: %s", error->message);
    quiet_stdio(s.p);
    /* Unknown numbers are logged once each: millions of lines here. */
    memset(s.p->unsupported_logged, 0xff, sizeof(s.p->unsupported_logged));
    make_scratch(&s, &in);
    s.image_lo = s.p->image.entry & PAGESTORE_PAGE_MASK;
    s.image_hi = s.image_lo + PAGE;
    s.last_fd = 3;

    for (int n = 0; n < MAX_CALLS && fuzz_left(&in) > 0; n++) {
        uint64_t nr, args[6];
        unsigned pick = fuzz_below(&in, G_N_ELEMENTS(calls) + 4);

        if (pick < G_N_ELEMENTS(calls)) {
            nr = calls[pick].nr;
            if (takes_path(&calls[pick]) && !paths_intact(&s))
                continue;
            for (int i = 0; i < 6; i++)
                args[i] = make_arg(&s, &in, calls[pick].args[i]);
        } else {
            /* A number without a handler: anything goes. */
            nr = pick == G_N_ELEMENTS(calls) ? fuzz_u64(&in) : fuzz_u16(&in);
            if (has_handler(nr))
                continue;
            for (int i = 0; i < 6; i++)
                args[i] = fuzz_u64(&in);
        }
        if (nr == USER_NR_openat && is_absolute_path(&s, args[1]))
            args[2] &= ~(uint64_t)GUEST_OPEN_WRITE_FLAGS;
        if (may_remap(nr, args, s.image_lo, s.image_hi))
            s.image_touched = true;
        if (may_remap(nr, args, USER_STACK_TOP - PAGE, USER_STACK_TOP))
            s.stack_touched = true;

        struct cpu_state *cpu = user_process_cpu(s.p);
        for (int i = 0; i < 6; i++)
            cpu->x[i] = args[i];
        cpu->x[8] = nr;
        struct cpu_state before = *cpu;
        user_syscall(s.p);
        int64_t ret = (int64_t)cpu->x[0];
        check_call(&s, &before, nr, args, ret);
        if (ret >= 0 && ret < USER_FD_MAX)
            s.last_fd = ret;
        /* A signal stop (rt_sigprocmask unblocking one): the run loop
         * would return it; carry on as the debugger would. */
        s.p->stop_pending = false;
        if (user_process_exited(s.p))
            break;
    }
    check_process(&s);
    user_process_free(s.p);

    /* Leave the host as we found it. */
    umask(saved_umask);
    if (chdir(scratch_dir) != 0)
        fuzz_fail("%s: %s", scratch_dir, g_strerror(errno));
    remove_tree(scratch_dir, 0);
    if (fchdir(home_fd) != 0)
        fuzz_fail("cannot go back to the start directory: %s",
                  g_strerror(errno));
    FUZZ_CHECK(count_host_fds() == baseline_fds,
               "host fds leaked: %d open, %d before", count_host_fds(),
               baseline_fds);
    return 0;
}
