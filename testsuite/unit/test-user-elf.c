/* Unit tests of the ELF loader (user/elf.c): good files load where their
 * headers say, bad files fail with a message naming file and problem. */
#include "config.h"

#include "user/user-internal.h"
#include "guest-harness.h"

#include "hw/pagestore.h"

#include <elf.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

static char *tmpdir;

static char *data_path(const char *name)
{
    return g_test_build_filename(G_TEST_DIST, "testsuite", "unit", "data",
                                 name, NULL);
}

static char *write_tmp(const char *name, const void *data, size_t len)
{
    char *path = g_build_filename(tmpdir, name, NULL);
    g_assert_true(g_file_set_contents(path, data, len, NULL));
    return path;
}

/* Load path and return the error message (NULL on success). */
static char *load_error(const char *path, struct user_image *image)
{
    struct pagestore *mem = pagestore_new();
    GError *error = NULL;
    struct user_image dummy;
    bool ok = user_elf_load(mem, path, image ? image : &dummy, &error);
    pagestore_free(mem);
    if (ok) {
        g_assert_null(error);
        return NULL;
    }
    g_assert_nonnull(error);
    g_assert_true(error->domain == USER_ERROR);
    char *msg = g_strdup(error->message);
    g_error_free(error);
    return msg;
}

static void assert_error(const char *path, const char *problem)
{
    char *msg = load_error(path, NULL);
    char *want = g_strdup_printf("%s: %s", path, problem);
    g_assert_cmpstr(msg, ==, want);
    g_free(want);
    g_free(msg);
}

static void test_tiny_loads(void)
{
    char *path = data_path("tiny-aarch64.elf");
    struct pagestore *mem = pagestore_new();
    struct user_image image;
    GError *error = NULL;
    g_assert_true(user_elf_load(mem, path, &image, &error));
    g_assert_no_error(error);
    g_assert_cmphex(image.entry, ==, 0x400000 + 0xb0);
    g_assert_cmpuint(image.phnum, ==, 2);
    g_assert_cmpuint(image.phent, ==, 56);
    /* No PT_PHDR: the headers are found in the first segment. */
    g_assert_cmphex(image.phdr_addr, ==, 0x400040);
    g_assert_cmphex(image.image_end, ==, 0x4010fe);
    g_assert_cmpint(pagestore_prot(mem, 0x400000), ==,
                    PAGESTORE_PROT_READ | PAGESTORE_PROT_EXEC);
    g_assert_cmpint(pagestore_prot(mem, 0x401000), ==,
                    PAGESTORE_PROT_READ | PAGESTORE_PROT_WRITE);
    g_assert_cmpint(pagestore_prot(mem, 0x402000), ==, -1);
    /* Text bytes as in the file; the data bytes at their address. */
    gchar *file;
    gsize size;
    g_assert_true(g_file_get_contents(path, &file, &size, NULL));
    uint8_t *text = pagestore_translate(mem, 0x400000, NULL);
    g_assert_cmpmem(text, 0xfc, file, 0xfc);
    g_assert_cmpuint(text[0xfc], ==, 0);    /* past p_filesz: zero */
    uint8_t *data = pagestore_translate(mem, 0x401000, NULL);
    g_assert_cmpmem(data + 0xfc, 2, "?\n", 2);
    g_assert_cmpuint(data[0xfe], ==, 0);
    g_free(file);
    pagestore_free(mem);
    g_free(path);
}

static void test_not_elf(void)
{
    char *garbage = write_tmp("garbage", "hello, world\n", 13);
    assert_error(garbage, "not an ELF file");
    char *empty = write_tmp("empty", "", 0);
    assert_error(empty, "not an ELF file");
    char *three = write_tmp("three", "\177EL", 3);
    assert_error(three, "not an ELF file");
    g_free(garbage);
    g_free(empty);
    g_free(three);
    assert_error(tmpdir, "not a regular file");
}

static void test_missing_file(void)
{
    char *path = g_build_filename(tmpdir, "does-not-exist", NULL);
    char *msg = load_error(path, NULL);
    g_assert_true(g_str_has_prefix(msg, path));
    g_assert_nonnull(strstr(msg, "No such file"));
    g_free(msg);
    g_free(path);
}

static void test_host_executable(void)
{
    /* The host's own programs are x86-64 ELF: e_machine 62. */
    if (!g_file_test("/bin/true", G_FILE_TEST_EXISTS)) {
        g_test_skip("no /bin/true");
        return;
    }
    gchar *data;
    gsize size;
    g_assert_true(g_file_get_contents("/bin/true", &data, &size, NULL));
    const Elf64_Ehdr *eh = (const Elf64_Ehdr *)data;
    if (size < sizeof(*eh) || eh->e_machine != EM_X86_64) {
        g_free(data);
        g_test_skip("/bin/true is not x86-64");
        return;
    }
    g_free(data);
    assert_error("/bin/true", "not an AArch64 executable (e_machine 62)");
}

static void test_truncated(void)
{
    char *path = data_path("tiny-aarch64.elf");
    gchar *data;
    gsize size;
    g_assert_true(g_file_get_contents(path, &data, &size, NULL));
    char *p;

    p = write_tmp("trunc-ehdr", data, 40);
    assert_error(p, "truncated ELF file (ELF header past end of file)");
    g_free(p);
    p = write_tmp("trunc-phdr", data, 64 + 56 + 10);
    assert_error(p, "truncated ELF file (program header table past end of file)");
    g_free(p);
    /* Headers whole, text segment cut short. */
    p = write_tmp("trunc-seg", data, 0xf0);
    assert_error(p, "truncated ELF file (segment 0 past end of file)");
    g_free(p);
    /* Every prefix short of the last segment's bytes (0xfe) fails
     * cleanly; the section headers after them are not needed. */
    for (gsize n = 0; n < 0xfe; n += 3) {
        p = write_tmp("prefix", data, n);
        char *msg = load_error(p, NULL);
        g_assert_nonnull(msg);
        g_free(msg);
        g_free(p);
    }
    p = write_tmp("prefix", data, 0xfe);
    g_assert_null(load_error(p, NULL));
    g_free(p);
    g_free(data);
    g_free(path);
}

/* Build an ELF in memory: an ELF header, phnum program headers, and a
 * payload area after them (file size total). */
struct elf_builder {
    uint8_t buf[8192];
    Elf64_Ehdr *eh;
    Elf64_Phdr *ph;
};

static void elf_init(struct elf_builder *b, unsigned phnum, uint16_t type)
{
    memset(b->buf, 0, sizeof(b->buf));
    b->eh = (Elf64_Ehdr *)b->buf;
    memcpy(b->eh->e_ident, ELFMAG, SELFMAG);
    b->eh->e_ident[EI_CLASS] = ELFCLASS64;
    b->eh->e_ident[EI_DATA] = ELFDATA2LSB;
    b->eh->e_ident[EI_VERSION] = EV_CURRENT;
    b->eh->e_type = type;
    b->eh->e_machine = EM_AARCH64;
    b->eh->e_version = EV_CURRENT;
    b->eh->e_entry = 0x400100;
    b->eh->e_phoff = sizeof(Elf64_Ehdr);
    b->eh->e_ehsize = sizeof(Elf64_Ehdr);
    b->eh->e_phentsize = sizeof(Elf64_Phdr);
    b->eh->e_phnum = phnum;
    b->ph = (Elf64_Phdr *)(b->buf + sizeof(Elf64_Ehdr));
    /* A text segment covering the whole file by default. */
    for (unsigned i = 0; i < phnum; i++) {
        b->ph[i] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_X,
                                 .p_offset = 0, .p_vaddr = 0x400000,
                                 .p_filesz = 0x1000, .p_memsz = 0x1000,
                                 .p_align = 0x1000 };
    }
}

static char *elf_write(struct elf_builder *b, const char *name)
{
    return write_tmp(name, b->buf, sizeof(b->buf));
}

static void test_built_good(void)
{
    struct elf_builder b;
    elf_init(&b, 2, ET_EXEC);
    /* Data segment with bss beyond the file bytes, starting mid-page. */
    b.ph[1] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_W,
                            .p_offset = 0x1800, .p_vaddr = 0x411800,
                            .p_filesz = 0x100, .p_memsz = 0x3000,
                            .p_align = 0x1000 };
    memset(b.buf + 0x1800, 0x5a, 0x100);
    char *p = elf_write(&b, "good");
    struct pagestore *mem = pagestore_new();
    struct user_image image;
    GError *error = NULL;
    g_assert_true(user_elf_load(mem, p, &image, &error));
    g_assert_no_error(error);
    g_assert_cmphex(image.image_end, ==, 0x414800);
    uint8_t *page = pagestore_translate(mem, 0x411000, NULL);
    g_assert_cmpuint(page[0x7ff], ==, 0);
    g_assert_cmpuint(page[0x800], ==, 0x5a);
    g_assert_cmpuint(page[0x8ff], ==, 0x5a);
    g_assert_cmpuint(page[0x900], ==, 0);
    g_assert_cmpint(pagestore_prot(mem, 0x414000), ==,
                    PAGESTORE_PROT_READ | PAGESTORE_PROT_WRITE);
    g_assert_cmpint(pagestore_prot(mem, 0x415000), ==, -1);
    pagestore_free(mem);
    g_free(p);

    /* ET_DYN (static-pie) goes to the fixed base. */
    elf_init(&b, 1, ET_DYN);
    b.ph[0].p_vaddr = 0;
    b.eh->e_entry = 0x100;
    p = elf_write(&b, "pie");
    mem = pagestore_new();
    g_assert_true(user_elf_load(mem, p, &image, &error));
    g_assert_cmphex(image.entry, ==, USER_PIE_BASE + 0x100);
    g_assert_cmphex(image.load_bias, ==, USER_PIE_BASE);
    g_assert_cmphex(image.phdr_addr, ==, USER_PIE_BASE + 0x40);
    g_assert_cmpint(pagestore_prot(mem, USER_PIE_BASE), ==,
                    PAGESTORE_PROT_READ | PAGESTORE_PROT_EXEC);
    pagestore_free(mem);
    g_free(p);
}

static void test_built_bad(void)
{
    struct elf_builder b;
    char *p;

    elf_init(&b, 2, ET_EXEC);
    b.ph[0].p_type = PT_INTERP;
    b.ph[0].p_offset = 0x200;
    b.ph[0].p_filesz = 28;
    strcpy((char *)b.buf + 0x200, "/lib/ld-linux-aarch64.so.1");
    p = elf_write(&b, "dynamic");
    /* A dynamically linked program loads and names its interpreter (the
     * process loads that: test-user-dyn). */
    struct user_image image;
    g_assert_null(load_error(p, &image));
    g_assert_cmpstr(image.interp, ==, "/lib/ld-linux-aarch64.so.1");
    g_free(p);
    /* An interpreter name without its NUL, or empty. */
    b.ph[0].p_filesz = 26;
    p = elf_write(&b, "dynamic-unterminated");
    assert_error(p, "bad interpreter name (PT_INTERP)");
    g_free(p);
    b.ph[0].p_filesz = 1;
    p = elf_write(&b, "dynamic-empty");
    assert_error(p, "bad interpreter name (PT_INTERP)");
    g_free(p);

    elf_init(&b, 1, ET_EXEC);
    b.eh->e_ident[EI_CLASS] = ELFCLASS32;
    p = elf_write(&b, "class32");
    assert_error(p, "not a 64-bit ELF file (class 1)");
    g_free(p);

    elf_init(&b, 1, ET_EXEC);
    b.eh->e_ident[EI_DATA] = ELFDATA2MSB;
    p = elf_write(&b, "bigendian");
    assert_error(p, "not a little-endian ELF file (data 2)");
    g_free(p);

    elf_init(&b, 1, ET_REL);
    p = elf_write(&b, "object");
    assert_error(p, "not an executable (e_type 1)");
    g_free(p);

    elf_init(&b, 1, ET_EXEC);
    b.ph[0].p_filesz = 0x2000;
    b.ph[0].p_memsz = 0x1000;
    p = elf_write(&b, "filesz");
    assert_error(p, "segment 0: file size 0x2000 larger than memory size 0x1000");
    g_free(p);

    elf_init(&b, 1, ET_EXEC);
    b.ph[0].p_offset = 0x1000;
    b.ph[0].p_vaddr = 0x401000;
    b.ph[0].p_filesz = 0x2000;
    b.ph[0].p_memsz = 0x2000;
    p = elf_write(&b, "segpastend");
    assert_error(p, "truncated ELF file (segment 0 past end of file)");
    g_free(p);

    elf_init(&b, 1, ET_EXEC);
    b.ph[0].p_offset = UINT64_MAX - 10;
    p = elf_write(&b, "hugeoffset");
    assert_error(p, "truncated ELF file (segment 0 past end of file)");
    g_free(p);

    elf_init(&b, 1, ET_EXEC);
    b.ph[0].p_vaddr = 0xfffffffffffff000ull;
    p = elf_write(&b, "highaddr");
    assert_error(p, "segment 0 at 0xfffffffffffff000 size 0x1000 is outside "
                    "the 48-bit address space");
    g_free(p);

    elf_init(&b, 1, ET_EXEC);
    b.ph[0].p_vaddr = 0;
    b.eh->e_entry = 0x10;
    p = elf_write(&b, "zeropage");
    assert_error(p, "segment 0 at 0x0 is below the lowest mappable address");
    g_free(p);

    elf_init(&b, 2, ET_EXEC);
    b.ph[1].p_vaddr = 0x400800;
    b.ph[1].p_offset = 0x800;
    b.ph[1].p_filesz = 0x100;
    b.ph[1].p_memsz = 0x100;
    p = elf_write(&b, "overlap");
    assert_error(p, "overlapping segments at 0x400000 and 0x400800");
    g_free(p);

    elf_init(&b, 1, ET_EXEC);
    b.ph[0].p_offset = 0x10;
    p = elf_write(&b, "congruence");
    assert_error(p, "segment 0: address and file offset differ modulo the "
                    "page size");
    g_free(p);

    elf_init(&b, 1, ET_EXEC);
    b.eh->e_entry = 0x500000;
    p = elf_write(&b, "entry");
    assert_error(p, "entry point 0x500000 is not in an executable segment");
    g_free(p);

    elf_init(&b, 1, ET_EXEC);
    b.eh->e_phentsize = 32;
    p = elf_write(&b, "phentsize");
    assert_error(p, "bad program header size 32 (expected 56)");
    g_free(p);

    elf_init(&b, 1, ET_EXEC);
    b.eh->e_phoff = 8190;
    p = elf_write(&b, "phoff");
    assert_error(p, "truncated ELF file (program header table past end of file)");
    g_free(p);

    elf_init(&b, 0, ET_EXEC);
    p = elf_write(&b, "nophdr");
    assert_error(p, "no program headers");
    g_free(p);

    elf_init(&b, 1, ET_EXEC);
    b.ph[0].p_type = PT_NOTE;
    p = elf_write(&b, "noload");
    assert_error(p, "no loadable segments");
    g_free(p);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    tmpdir = g_dir_make_tmp("backstep-elf-XXXXXX", NULL);
    g_assert_nonnull(tmpdir);
    g_test_add_func("/user/elf/tiny-loads", test_tiny_loads);
    g_test_add_func("/user/elf/not-elf", test_not_elf);
    g_test_add_func("/user/elf/missing-file", test_missing_file);
    g_test_add_func("/user/elf/host-executable", test_host_executable);
    g_test_add_func("/user/elf/truncated", test_truncated);
    g_test_add_func("/user/elf/built-good", test_built_good);
    g_test_add_func("/user/elf/built-bad", test_built_bad);
    int r = g_test_run();
    guest_tmpdir_remove(tmpdir);
    return r;
}
