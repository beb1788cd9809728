/* Fuzz target: the ELF loader (and the initial stack built from what it
 * found) on arbitrary bytes.
 *
 * The loader takes a path, so each input is written to one scratch file
 * (created once, rewritten per input) and loaded from there. A load
 * either fails with a message naming the file, or gives a process whose
 * pc is the entry point, inside mapped executable memory, with a stack
 * and an auxiliary vector. */
#include "testsuite/fuzz/fuzz.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cpu/cpu.h"
#include "hw/pagestore.h"
#include "user/user-internal.h"

static char *scratch_dir;
static char *elf_path;

static void remove_scratch(void)
{
    if (elf_path)
        unlink(elf_path);
    if (scratch_dir)
        rmdir(scratch_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    GError *error = NULL;

    scratch_dir = g_dir_make_tmp("backstep-fuzz-elf-XXXXXX", &error);
    if (!scratch_dir)
        fuzz_fail("cannot make a scratch directory: %s", error->message);
    elf_path = g_build_filename(scratch_dir, "input.elf", NULL);
    atexit(remove_scratch);
    return 0;
}

static void write_input(const uint8_t *data, size_t size)
{
    int fd = open(elf_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

    if (fd < 0)
        fuzz_fail("%s: %s", elf_path, g_strerror(errno));
    while (size > 0) {
        ssize_t n = write(fd, data, size);
        if (n <= 0)
            fuzz_fail("%s: short write", elf_path);
        data += n;
        size -= (size_t)n;
    }
    close(fd);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *argv[] = { "input.elf", NULL };
    char *envp[] = { "HOME=/", NULL };
    GError *error = NULL;

    if (!elf_path)
        LLVMFuzzerInitialize(NULL, NULL);
    write_input(data, size);
    struct user_process *p = user_process_new(elf_path, argv, envp, NULL,
                                              &error);
    if (!p) {
        FUZZ_CHECK(error && error->message
                       && g_str_has_prefix(error->message, elf_path),
                   "load failed without a message naming the file");
        g_error_free(error);
        return 0;
    }
    FUZZ_CHECK(error == NULL, "a process and an error");

    struct cpu_state *cpu = user_process_cpu(p);
    FUZZ_CHECK(cpu->pc == p->image.entry, "pc 0x%" G_GINT64_MODIFIER
               "x is not the entry point", (guint64)cpu->pc);
    int prot = pagestore_prot(p->mem, cpu->pc);
    FUZZ_CHECK(prot >= 0 && (prot & PAGESTORE_PROT_EXEC),
               "entry point 0x%" G_GINT64_MODIFIER "x not executable",
               (guint64)cpu->pc);
    FUZZ_CHECK(cpu->sp % 16 == 0 && cpu->sp < USER_STACK_TOP
                   && cpu->sp >= USER_STACK_TOP - USER_STACK_SIZE,
               "initial sp 0x%" G_GINT64_MODIFIER "x outside the stack",
               (guint64)cpu->sp);
    uint64_t argc = 0;
    FUZZ_CHECK(user_mem_read(p, cpu->sp, &argc, 8) == 8 && argc == 1,
               "argc on the stack is %" G_GUINT64_FORMAT, argc);
    FUZZ_CHECK(user_process_auxv(p) != NULL, "no auxv");
    /* A program may not reserve more than a guest's mmap calls could
     * (USER_MAP_LIMIT) just by declaring a large bss. */
    uint64_t mapped = pagestore_mapped_pages(p->mem) * PAGESTORE_PAGE_SIZE;
    FUZZ_CHECK(mapped <= USER_MAP_LIMIT + USER_STACK_SIZE,
               "the image maps 0x%" G_GINT64_MODIFIER "x bytes, over the "
               "limit", (guint64)mapped);
    FUZZ_CHECK(p->brk_start >= p->image.image_end
                   && p->brk_start % PAGESTORE_PAGE_SIZE == 0,
               "brk 0x%" G_GINT64_MODIFIER "x below the image end",
               (guint64)p->brk_start);
    user_process_free(p);
    return 0;
}
