/* Dynamically linked programs (user/elf.c, user/path.c): the guest root's
 * path resolution, the interpreter loader on the real cross libc's
 * ld-linux, the initial process a dynamic program gets, and whole runs of
 * a dynamically linked guest compared with qemu-aarch64 -L (the oracle).
 * Tests needing the cross libc or compiler skip when they are missing. */
#include "config.h"

#include "user/user-internal.h"
#include "guest-harness.h"

#include "cpu/cpu.h"
#include "hw/pagestore.h"

#include <elf.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define CROSS_ROOT "/usr/aarch64-linux-gnu"
#define CROSS_LD CROSS_ROOT "/lib/ld-linux-aarch64.so.1"
#define GUEST_INTERP "/lib/ld-linux-aarch64.so.1"

static char *tmpdir;
static char *guest;     /* testsuite/guest/dyn-hello.c compiled, or NULL */

static bool have_cross_root(void)
{
    if (g_file_test(CROSS_LD, G_FILE_TEST_IS_REGULAR))
        return true;
    g_test_skip("no cross libc in " CROSS_ROOT);
    return false;
}

/* --- path.c ------------------------------------------------------------ */

static void test_path_under_root(void)
{
    char *root = g_build_filename(tmpdir, "root", NULL);
    char *lib = g_build_filename(root, "lib", NULL);
    char *libc = g_build_filename(lib, "libc.so.6", NULL);
    char *link = g_build_filename(lib, "dangling", NULL);
    g_assert_cmpint(g_mkdir_with_parents(lib, 0700), ==, 0);
    g_assert_true(g_file_set_contents(libc, "x", 1, NULL));
    g_assert_cmpint(symlink("/nonexistent/target", link), ==, 0);

    char *r;
    /* In the root: the root's file. */
    r = user_path_under_root(root, "/lib/libc.so.6");
    g_assert_cmpstr(r, ==, libc);
    g_free(r);
    /* A directory counts too. */
    r = user_path_under_root(root, "/lib");
    g_assert_cmpstr(r, ==, lib);
    g_free(r);
    /* A symbolic link in the root counts even when it dangles: the
     * guest sees the root's view of that name. */
    r = user_path_under_root(root, "/lib/dangling");
    g_assert_cmpstr(r, ==, link);
    g_free(r);
    /* Not in the root: the host's own path. */
    r = user_path_under_root(root, "/etc/passwd");
    g_assert_cmpstr(r, ==, "/etc/passwd");
    g_free(r);
    r = user_path_under_root(root, "/lib/libm.so.6");
    g_assert_cmpstr(r, ==, "/lib/libm.so.6");
    g_free(r);
    /* Relative paths are never prefixed. */
    r = user_path_under_root(root, "lib/libc.so.6");
    g_assert_cmpstr(r, ==, "lib/libc.so.6");
    g_free(r);
    /* No root (or an empty one): paths as given. */
    r = user_path_under_root(NULL, "/lib/libc.so.6");
    g_assert_cmpstr(r, ==, "/lib/libc.so.6");
    g_free(r);
    r = user_path_under_root("", "/lib/libc.so.6");
    g_assert_cmpstr(r, ==, "/lib/libc.so.6");
    g_free(r);

    g_unlink(link);
    g_unlink(libc);
    g_rmdir(lib);
    g_rmdir(root);
    g_free(link);
    g_free(libc);
    g_free(lib);
    g_free(root);
}

static void test_path_self_exe(void)
{
    g_assert_true(user_path_is_self_exe(1000, "/proc/self/exe"));
    g_assert_true(user_path_is_self_exe(1000, "/proc/1000/exe"));
    g_assert_false(user_path_is_self_exe(1000, "/proc/1001/exe"));
    g_assert_false(user_path_is_self_exe(1000, "/proc/self/exe/"));
    g_assert_false(user_path_is_self_exe(1000, "/proc/self"));
}

/* --- elf.c: the interpreter ------------------------------------------- */

static void read_ehdr(const char *path, Elf64_Ehdr *eh, Elf64_Phdr *first)
{
    gchar *data;
    gsize size;
    g_assert_true(g_file_get_contents(path, &data, &size, NULL));
    g_assert_cmpuint(size, >, sizeof(*eh));
    memcpy(eh, data, sizeof(*eh));
    g_assert_cmpuint(eh->e_phoff + sizeof(*first), <=, size);
    /* The first PT_LOAD. */
    for (unsigned i = 0; i < eh->e_phnum; i++) {
        memcpy(first, data + eh->e_phoff + i * sizeof(*first), sizeof(*first));
        if (first->p_type == PT_LOAD)
            break;
    }
    g_free(data);
}

static void test_load_real_interp(void)
{
    if (!have_cross_root())
        return;
    Elf64_Ehdr eh;
    Elf64_Phdr first;
    read_ehdr(CROSS_LD, &eh, &first);
    g_assert_cmpuint(eh.e_type, ==, ET_DYN);
    g_assert_cmpuint(first.p_vaddr, ==, 0);

    struct pagestore *mem = pagestore_new();
    struct user_image ld;
    GError *error = NULL;
    g_assert_true(user_elf_load_interp(mem, CROSS_LD, &ld, &error));
    g_assert_no_error(error);
    /* At the top of the mmap area, aligned to its segments (64 KiB). */
    g_assert_cmphex(ld.load_bias % 0x10000, ==, 0);
    g_assert_cmphex(ld.load_bias, <, USER_MMAP_TOP);
    g_assert_cmphex(ld.image_end, <=, USER_MMAP_TOP);
    g_assert_cmphex(ld.image_end + 0x10000, >, USER_MMAP_TOP);
    g_assert_cmphex(ld.entry, ==, ld.load_bias + eh.e_entry);
    g_assert_cmpstr(ld.interp, ==, "");
    /* Its first page holds its own ELF header, read-execute. */
    const uint8_t *page = pagestore_peek(mem, ld.load_bias);
    g_assert_nonnull(page);
    g_assert_cmpmem(page, 4, ELFMAG, 4);
    g_assert_cmpint(pagestore_prot(mem, ld.load_bias), ==,
                    PAGESTORE_PROT_READ | PAGESTORE_PROT_EXEC);
    g_assert_cmpint(pagestore_prot(mem, ld.entry & PAGESTORE_PAGE_MASK), ==,
                    PAGESTORE_PROT_READ | PAGESTORE_PROT_EXEC);

    /* A second interpreter cannot be put on top of the first. */
    struct user_image again;
    g_assert_false(user_elf_load_interp(mem, CROSS_LD, &again, &error));
    g_assert_nonnull(error);
    g_assert_nonnull(strstr(error->message, "overlaps memory already in use"));
    g_clear_error(&error);
    pagestore_free(mem);
}

/* A program cannot be an interpreter's interpreter. */
static void test_interp_with_interp(void)
{
    if (guest_skip_unbuilt(guest, "dyn-hello"))
        return;
    struct pagestore *mem = pagestore_new();
    struct user_image img;
    GError *error = NULL;
    g_assert_false(user_elf_load_interp(mem, guest, &img, &error));
    char *want = g_strdup_printf("%s: an interpreter must not have an "
                                 "interpreter (PT_INTERP)", guest);
    g_assert_cmpstr(error->message, ==, want);
    g_free(want);
    g_error_free(error);
    pagestore_free(mem);
}

/* The program itself: a PIE with an interpreter goes to 0xaaaaaaaa0000. */
static void test_load_dyn_program(void)
{
    if (guest_skip_unbuilt(guest, "dyn-hello"))
        return;
    struct pagestore *mem = pagestore_new();
    struct user_image img;
    GError *error = NULL;
    g_assert_true(user_elf_load(mem, guest, &img, &error));
    g_assert_no_error(error);
    g_assert_cmpstr(img.interp, ==, GUEST_INTERP);
    g_assert_cmphex(img.load_bias, ==, 0xaaaaaaaa0000ull);
    g_assert_cmphex(img.phdr_addr, ==, 0xaaaaaaaa0000ull + 0x40);
    pagestore_free(mem);
}

/* --- the process --------------------------------------------------------- */

static uint64_t auxv_get(struct user_process *p, uint64_t type)
{
    gsize size;
    const uint64_t *v = g_bytes_get_data(p->auxv, &size);
    for (gsize i = 0; i + 1 < size / 8; i += 2)
        if (v[i] == type)
            return v[i + 1];
    g_assert_not_reached();
    return 0;
}

static void test_process_start(void)
{
    if (!guest || !have_cross_root()) {
        if (!guest)
            g_test_skip("aarch64-linux-gnu-gcc cannot build dyn-hello");
        return;
    }
    struct user_options opts = { .sysroot = CROSS_ROOT };
    char *argv[] = { "dyn-hello", NULL };
    char *envp[] = { NULL };
    GError *error = NULL;
    struct user_process *p = user_process_new(guest, argv, envp, &opts, &error);
    g_assert_no_error(error);
    g_assert_nonnull(p);

    g_assert_cmphex(p->interp_base, !=, 0);
    g_assert_cmphex(auxv_get(p, AT_BASE), ==, p->interp_base);
    g_assert_cmphex(auxv_get(p, AT_ENTRY), ==, p->image.entry);
    g_assert_cmphex(auxv_get(p, AT_PHDR), ==, p->image.phdr_addr);
    g_assert_cmphex(auxv_get(p, AT_PHNUM), ==, p->image.phnum);
    /* The first instruction is the interpreter's. */
    g_assert_cmphex(p->cpu->pc, ==, p->start_pc);
    g_assert_cmphex(p->start_pc, >, p->interp_base);
    g_assert_cmphex(p->start_pc, <, USER_MMAP_TOP);
    /* brk starts after the program, not after the interpreter. */
    g_assert_cmphex(p->brk_start, ==,
                    (p->image.image_end + PAGESTORE_PAGE_SIZE - 1)
                        & PAGESTORE_PAGE_MASK);
    g_assert_cmphex(p->brk_start, <, p->interp_base);

    /* The debugger's view of the guest's files. */
    char *h = user_process_host_path(p, GUEST_INTERP);
    g_assert_cmpstr(h, ==, CROSS_LD);
    g_free(h);
    h = user_process_host_path(p, "/proc/self/exe");
    g_assert_cmpstr(h, ==, p->exe);
    g_free(h);
    h = user_process_host_path(p, "/etc/passwd");
    g_assert_cmpstr(h, ==, "/etc/passwd");
    g_free(h);
    user_process_free(p);
}

static void test_missing_interp(void)
{
    if (guest_skip_unbuilt(guest, "dyn-hello"))
        return;
    char *empty = g_build_filename(tmpdir, "empty-root", NULL);
    g_assert_cmpint(g_mkdir(empty, 0700), ==, 0);
    struct user_options opts = { .sysroot = empty };
    char *argv[] = { "dyn-hello", NULL };
    char *envp[] = { NULL };
    GError *error = NULL;
    struct user_process *p = user_process_new(guest, argv, envp, &opts, &error);
    g_assert_null(p);
    char *want = g_strdup_printf("%s: interpreter " GUEST_INTERP
                                 " not found (looked in %s)", guest, empty);
    g_assert_cmpstr(error->message, ==, want);
    g_free(want);
    g_error_free(error);
    g_rmdir(empty);
    g_free(empty);
}

/* An interpreter that is not an AArch64 ELF file: the message names the
 * program, the interpreter and the problem. */
static void test_bad_interp(void)
{
    if (guest_skip_unbuilt(guest, "dyn-hello"))
        return;
    char *root = g_build_filename(tmpdir, "bad-root", NULL);
    char *lib = g_build_filename(root, "lib", NULL);
    char *ld = g_build_filename(lib, "ld-linux-aarch64.so.1", NULL);
    g_assert_cmpint(g_mkdir_with_parents(lib, 0700), ==, 0);
    g_assert_true(g_file_set_contents(ld, "#!/bin/sh\n", -1, NULL));
    struct user_options opts = { .sysroot = root };
    char *argv[] = { "dyn-hello", NULL };
    char *envp[] = { NULL };
    GError *error = NULL;
    struct user_process *p = user_process_new(guest, argv, envp, &opts, &error);
    g_assert_null(p);
    char *want = g_strdup_printf("%s: interpreter %s: not an ELF file",
                                 guest, ld);
    g_assert_cmpstr(error->message, ==, want);
    g_free(want);
    g_error_free(error);
    g_unlink(ld);
    g_rmdir(lib);
    g_rmdir(root);
    g_free(ld);
    g_free(lib);
    g_free(root);
}

/* --- whole runs against qemu-aarch64 -L ---------------------------------- */

static void compare_run(char **argv, const char *expect_out, int status)
{
    if (!guest || !have_cross_root()) {
        if (!guest)
            g_test_skip("aarch64-linux-gnu-gcc cannot build dyn-hello");
        return;
    }
    char *envp[] = { "LANG=C", NULL };
    struct user_options opts = { .sysroot = CROSS_ROOT };
    struct guest_run run = { .program = guest, .argv = argv, .envp = envp,
                             .options = &opts };
    struct guest_outcome b = guest_run_backstep(&run);
    g_assert_false(b.killed);
    g_assert_cmpstr(b.out, ==, expect_out);
    g_assert_cmpint(b.status, ==, status);
    if (guest_qemu()) {
        static const char *const sysroot[] = { "-L", CROSS_ROOT, NULL };
        struct guest_outcome q = guest_run_qemu(guest, argv, envp, sysroot);
        g_assert_false(q.killed);
        g_assert_cmpstr(b.out, ==, q.out);
        g_assert_cmpint(b.status, ==, q.status);
        g_free(q.out);
    }
    g_free(b.out);
}

static void test_run_hello(void)
{
    char *argv[] = { "dyn-hello", NULL };
    compare_run(argv, "hello, world: argc 1 sum 7058\nvia puts\n", 7);
}

static void test_run_args(void)
{
    char *argv[] = { "dyn-hello", "backstep", "x", NULL };
    compare_run(argv, "hello, backstep: argc 3 sum 16435\nvia puts\n", 7);
}

static void compile_guest(void)
{
    static const char *const flags[] = { "-O1", NULL };
    g_autofree char *src = guest_source("guest", "dyn-hello.c");

    guest = guest_compile(src, tmpdir, "dyn-hello", flags);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    tmpdir = g_dir_make_tmp("backstep-dyn-XXXXXX", NULL);
    compile_guest();
    g_test_add_func("/user/dyn/path/under-root", test_path_under_root);
    g_test_add_func("/user/dyn/path/self-exe", test_path_self_exe);
    g_test_add_func("/user/dyn/elf/real-interp", test_load_real_interp);
    g_test_add_func("/user/dyn/elf/interp-with-interp", test_interp_with_interp);
    g_test_add_func("/user/dyn/elf/program", test_load_dyn_program);
    g_test_add_func("/user/dyn/process/start", test_process_start);
    g_test_add_func("/user/dyn/process/missing-interp", test_missing_interp);
    g_test_add_func("/user/dyn/process/bad-interp", test_bad_interp);
    g_test_add_func("/user/dyn/run/hello", test_run_hello);
    g_test_add_func("/user/dyn/run/args", test_run_args);
    int r = g_test_run();
    guest_discard(guest);
    guest_tmpdir_remove(tmpdir);
    return r;
}
