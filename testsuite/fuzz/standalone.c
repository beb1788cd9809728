/* A driver for the fuzz targets without libFuzzer: the smoke test that
 * `make check` runs (built with the project's compiler, so with
 * --enable-sanitizers it runs under ASan and UBSan).
 *
 * It runs every file of testsuite/fuzz/regress/NAME/ (inputs that once
 * crashed: the test fails until the bug is fixed), then every file of
 * testsuite/fuzz/corpus/NAME/ and a fixed number of seeded random
 * mutations of them (bit flips, interesting values, truncations,
 * insertions, splices), each through LLVMFuzzerTestOneInput. Each phase
 * runs in a child process, so a crash or a hang becomes a "not ok" line
 * naming the input; a crashing mutation is written out as
 * crash-NAME-INDEX in the current directory to be kept in regress/.
 *
 *   smoke-NAME [--tap]        the smoke test (TAP on stdout)
 *   smoke-NAME FILE...        run these inputs in this process
 *
 * Environment: FUZZ_SMOKE_INPUTS (mutations, default per target),
 * FUZZ_SMOKE_SEED, FUZZ_SMOKE_TIMEOUT (seconds per phase, default 120),
 * FUZZ_SMOKE_INPUT_TIMEOUT (seconds per input, default 10),
 * FUZZ_SMOKE_SLOW_MS (name the mutations slower than this on stderr),
 * FUZZ_SMOKE_SAVE=INDEX (only write mutation INDEX to crash-NAME-INDEX),
 * G_TEST_SRCDIR (the source tree, set by make check). */
#include "testsuite/fuzz/fuzz.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef FUZZ_NAME
#error "FUZZ_NAME must name the target (-DFUZZ_NAME=\"packet\")"
#endif
#ifndef FUZZ_SMOKE_DEFAULT
#define FUZZ_SMOKE_DEFAULT 5000
#endif
#define MAX_INPUT_SIZE (64 * 1024)

/* What the child is running, for the parent to name after a crash. */
struct progress {
    volatile int phase;         /* 0 none, 1 regress, 2 seeds, 3 mutations */
    volatile unsigned index;
    volatile unsigned done;     /* inputs finished */
};

static struct progress *progress;

/* --- Inputs ------------------------------------------------------------ */

static int compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files of dir, in name order, as GBytes; a missing dir is empty. */
static GPtrArray *load_dir(const char *dir, GPtrArray *names)
{
    GPtrArray *files = g_ptr_array_new_with_free_func(
        (GDestroyNotify)g_bytes_unref);
    GPtrArray *list = g_ptr_array_new_with_free_func(g_free);
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name(d)))
        if (name[0] != '.')
            g_ptr_array_add(list, g_build_filename(dir, name, NULL));
    if (d)
        g_dir_close(d);
    g_ptr_array_sort(list, compare_names);
    for (guint i = 0; i < list->len; i++) {
        gchar *data;
        gsize len;
        if (!g_file_get_contents(list->pdata[i], &data, &len, NULL)
            || len > MAX_INPUT_SIZE) {
            g_free(data);
            continue;
        }
        g_ptr_array_add(files, g_bytes_new_take(data, len));
        if (names)
            g_ptr_array_add(names, g_strdup(list->pdata[i]));
    }
    g_ptr_array_unref(list);
    return files;
}

static void run_input(GBytes *input)
{
    gsize len;
    const uint8_t *data = g_bytes_get_data(input, &len);
    /* A copy of exactly len bytes, so ASan sees reads past the end. */
    uint8_t *copy = g_malloc(len ? len : 1);

    if (len)
        memcpy(copy, data, len);

    LLVMFuzzerTestOneInput(copy, len);
    g_free(copy);
}

/* --- Mutations ---------------------------------------------------------- */

static uint64_t splitmix(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static size_t below(uint64_t *st, size_t n)
{
    return n ? (size_t)(splitmix(st) % n) : 0;
}

static const uint64_t interesting[] = {
    0, 1, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0xffff, 0x10000, 0x7fffffff,
    0xffffffff, 0x100000000ull, 0x7fffffffffffffffull, UINT64_MAX,
    UINT64_MAX - 1, 0x1000, 0xfff, 0x0000fffffffff000ull,
};
static const char specials[] = "$#}*+-:;,=0123456789abcdefxX<>/\"&\x03";

static void insert_bytes(GByteArray *b, size_t pos, const uint8_t *data,
                         size_t n)
{
    size_t old = b->len;

    g_byte_array_set_size(b, (guint)(old + n));
    memmove(b->data + pos + n, b->data + pos, old - pos);
    memcpy(b->data + pos, data, n);
}

/* Mutation number index of the seeds: a pure function of (seed, index),
 * so the parent can rebuild the input that crashed the child. */
static GBytes *mutate(GPtrArray *seeds, uint64_t seed, unsigned index)
{
    uint64_t st = seed * 0x100000001b3ull ^ index;
    GBytes *base = seeds->pdata[below(&st, seeds->len)];
    gsize base_len;
    const uint8_t *base_data = g_bytes_get_data(base, &base_len);
    GByteArray *b = g_byte_array_new();
    unsigned ops = 1 + (unsigned)below(&st, 4);

    g_byte_array_append(b, base_data ? base_data : (const uint8_t *)"",
                        (guint)base_len);
    for (unsigned k = 0; k < ops; k++) {
        size_t len = b->len, pos = below(&st, len + 1);
        switch (below(&st, 8)) {
        case 0:     /* flip a bit */
            if (len)
                b->data[below(&st, len)] ^= (uint8_t)(1u << below(&st, 8));
            break;
        case 1:     /* a byte the parsers care about */
            if (len)
                b->data[below(&st, len)] =
                    (uint8_t)specials[below(&st, sizeof(specials) - 1)];
            break;
        case 2: {   /* an interesting little-endian number */
            uint64_t v = interesting[below(&st, G_N_ELEMENTS(interesting))];
            size_t w = (size_t)1 << below(&st, 4);
            if (len >= w) {
                size_t at = below(&st, len - w + 1);
                for (size_t i = 0; i < w; i++)
                    b->data[at + i] = (uint8_t)(v >> (8 * i));
            }
            break;
        }
        case 3:     /* truncate */
            g_byte_array_set_size(b, (guint)pos);
            break;
        case 4: {   /* insert random bytes */
            uint8_t ins[16];
            size_t n = 1 + below(&st, sizeof(ins));
            for (size_t i = 0; i < n; i++)
                ins[i] = (uint8_t)splitmix(&st);
            insert_bytes(b, pos, ins, n);
            break;
        }
        case 5:     /* delete a range */
            if (len > pos)
                g_byte_array_remove_range(b, (guint)pos,
                                          (guint)(1 + below(&st, len - pos)));
            break;
        case 6: {   /* splice: our prefix, another seed's suffix */
            GBytes *other = seeds->pdata[below(&st, seeds->len)];
            gsize olen;
            const uint8_t *odata = g_bytes_get_data(other, &olen);
            size_t from = below(&st, olen + 1);
            g_byte_array_set_size(b, (guint)pos);
            if (olen > from)
                g_byte_array_append(b, odata + from, (guint)(olen - from));
            break;
        }
        default: {  /* duplicate a range */
            if (len > pos) {
                size_t n = 1 + below(&st, MIN(len - pos, (size_t)256));
                guint8 *copy = g_malloc(n);
                memcpy(copy, b->data + pos, n);
                insert_bytes(b, below(&st, len + 1), copy, n);
                g_free(copy);
            }
            break;
        }
        }
        if (b->len > MAX_INPUT_SIZE)
            g_byte_array_set_size(b, MAX_INPUT_SIZE);
    }
    return g_byte_array_free_to_bytes(b);
}

/* --- Phases in a child ---------------------------------------------------- */

static uint64_t env_number(const char *name, uint64_t fallback)
{
    const char *v = g_getenv(name);
    return v && *v ? g_ascii_strtoull(v, NULL, 0) : fallback;
}

/* Run fn in a child; NULL if it exited cleanly, else a description. It
 * is killed after timeout_s in all, or when one input takes longer than
 * input_timeout_s (libFuzzer's -timeout): a hang is a bug found too. */
static char *run_child(void (*fn)(void *), void *arg, unsigned timeout_s,
                       unsigned input_timeout_s)
{
    pid_t pid;
    int status = 0;
    struct timespec tick = { 0, 10 * 1000 * 1000 };
    uint64_t waited_ms = 0, input_ms = 0;
    unsigned last_done = 0;

    fflush(NULL);
    pid = fork();
    if (pid < 0)
        return g_strdup_printf("fork: %s", g_strerror(errno));
    if (pid == 0) {
        int argc = 1;
        char *args[] = { (char *)"smoke-" FUZZ_NAME, NULL };
        char **argv = args;
        LLVMFuzzerInitialize(&argc, &argv);
        fn(arg);
        exit(0);
    }
    for (;;) {
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid)
            break;
        if (r < 0 && errno != EINTR)
            return g_strdup_printf("waitpid: %s", g_strerror(errno));
        if (progress->done != last_done) {
            last_done = progress->done;
            input_ms = 0;
        }
        if (waited_ms >= (uint64_t)timeout_s * 1000
            || input_ms >= (uint64_t)input_timeout_s * 1000) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            if (input_ms >= (uint64_t)input_timeout_s * 1000)
                return g_strdup_printf("one input ran for over %u s (killed)",
                                       input_timeout_s);
            return g_strdup_printf("hung (killed after %u s)", timeout_s);
        }
        nanosleep(&tick, NULL);
        waited_ms += 10;
        input_ms += 10;
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return NULL;
    if (WIFSIGNALED(status))
        return g_strdup_printf("killed by signal %d", WTERMSIG(status));
    return g_strdup_printf("exit status %d", WEXITSTATUS(status));
}

struct phase_args {
    GPtrArray *regress, *seeds;
    uint64_t seed;
    unsigned mutations;
    unsigned slow_ms;       /* report inputs slower than this (0: never) */
};

static void run_regress(void *p)
{
    struct phase_args *a = p;

    progress->phase = 1;
    for (guint i = 0; i < a->regress->len; i++) {
        progress->index = i;
        run_input(a->regress->pdata[i]);
        progress->done++;
    }
    progress->phase = 0;
}

static void run_smoke(void *p)
{
    struct phase_args *a = p;

    progress->phase = 2;
    for (guint i = 0; i < a->seeds->len; i++) {
        progress->index = i;
        run_input(a->seeds->pdata[i]);
        progress->done++;
    }
    progress->phase = 3;
    for (unsigned i = 0; i < a->mutations; i++) {
        progress->index = i;
        GBytes *input = mutate(a->seeds, a->seed, i);
        gint64 start = g_get_monotonic_time();
        run_input(input);
        gint64 ms = (g_get_monotonic_time() - start) / 1000;
        if (a->slow_ms && ms >= (gint64)a->slow_ms)
            fprintf(stderr, "fuzz-%s: mutation %u took %" G_GINT64_FORMAT
                    " ms\n", FUZZ_NAME, i, ms);
        g_bytes_unref(input);
        progress->done++;
    }
    progress->phase = 0;
}

/* Save the input a child died on, to be kept in regress/NAME/. */
static char *save_crash(GBytes *input, unsigned index)
{
    char *path = g_strdup_printf("crash-%s-%u", FUZZ_NAME, index);
    gsize len;
    const char *data = g_bytes_get_data(input, &len);

    if (!g_file_set_contents(path, data ? data : "", (gssize)len, NULL)) {
        g_free(path);
        return g_strdup("(could not be saved)");
    }
    return path;
}

/* --- main --------------------------------------------------------------- */

static int run_files(int argc, char **argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    printf("1..%d\n", argc - 1);
    for (int i = 1; i < argc; i++) {
        gchar *data;
        gsize len;
        if (!g_file_get_contents(argv[i], &data, &len, NULL)) {
            printf("not ok %d - %s: cannot be read\n", i, argv[i]);
            continue;
        }
        GBytes *input = g_bytes_new_take(data, len);
        run_input(input);
        g_bytes_unref(input);
        printf("ok %d - fuzz-%s: %s\n", i, FUZZ_NAME, argv[i]);
    }
    return 0;
}

int main(int argc, char **argv)
{
    const char *srcdir = g_getenv("G_TEST_SRCDIR");
    struct phase_args a;
    GPtrArray *regress_names = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *seed_names = g_ptr_array_new_with_free_func(g_free);
    unsigned timeout_s = (unsigned)env_number("FUZZ_SMOKE_TIMEOUT", 120);
    unsigned input_timeout_s = (unsigned)env_number("FUZZ_SMOKE_INPUT_TIMEOUT",
                                                    10);
    int failed = 0;
    char *why;

    if (argc > 1 && strcmp(argv[1], "--tap") != 0)
        return run_files(argc, argv);
#ifdef FUZZ_GUEST_PATH
    /* fuzz-syscall needs a guest program from the cross compiler. */
    const char *guest = g_getenv("FUZZ_GUEST");
    if (!guest)
        guest = FUZZ_GUEST_PATH;
    if (!g_file_test(guest, G_FILE_TEST_IS_REGULAR)) {
        printf("1..0 # SKIP %s not built (no cross compiler)\n", guest);
        return 0;
    }
#endif
#ifdef FUZZ_SRCDIR
    if (!srcdir)
        srcdir = FUZZ_SRCDIR;
#endif
    if (!srcdir)
        srcdir = ".";
    char *regress_dir = g_build_filename(srcdir, "testsuite", "fuzz",
                                         "regress", FUZZ_NAME, NULL);
    char *corpus_dir = g_build_filename(srcdir, "testsuite", "fuzz",
                                        "corpus", FUZZ_NAME, NULL);
    a.regress = load_dir(regress_dir, regress_names);
    a.seeds = load_dir(corpus_dir, seed_names);
    if (a.seeds->len == 0)
        g_ptr_array_add(a.seeds, g_bytes_new_static("", 0));
    a.seed = env_number("FUZZ_SMOKE_SEED", 1);
    a.slow_ms = (unsigned)env_number("FUZZ_SMOKE_SLOW_MS", 0);
    a.mutations = (unsigned)env_number("FUZZ_SMOKE_INPUTS",
                                       FUZZ_SMOKE_DEFAULT);
    if (g_getenv("FUZZ_SMOKE_SAVE")) {
        /* Write out one mutation (one that was reported slow, say). */
        unsigned index = (unsigned)env_number("FUZZ_SMOKE_SAVE", 0);
        GBytes *input = mutate(a.seeds, a.seed, index);
        char *path = save_crash(input, index);
        printf("%s\n", path);
        g_free(path);
        g_bytes_unref(input);
        return 0;
    }
    progress = mmap(NULL, sizeof(*progress), PROT_READ | PROT_WRITE,
                    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (progress == MAP_FAILED) {
        printf("Bail out! mmap: %s\n", g_strerror(errno));
        return 1;
    }

    printf("1..2\n");
    memset((void *)progress, 0, sizeof(*progress));
    why = run_child(run_regress, &a, timeout_s, input_timeout_s);
    if (why) {
        const char *name = progress->phase == 1
                           && progress->index < regress_names->len
                           ? regress_names->pdata[progress->index] : "?";
        printf("not ok 1 - fuzz-%s: regression input %s: %s\n", FUZZ_NAME,
               name, why);
        failed = 1;
        g_free(why);
    } else {
        printf("ok 1 - fuzz-%s: %u regression inputs\n", FUZZ_NAME,
               a.regress->len);
    }

    memset((void *)progress, 0, sizeof(*progress));
    why = run_child(run_smoke, &a, timeout_s, input_timeout_s);
    if (why) {
        char *what;
        if (progress->phase == 2 && progress->index < seed_names->len) {
            what = g_strdup_printf("seed %s",
                                   (char *)seed_names->pdata[progress->index]);
        } else if (progress->phase == 3) {
            GBytes *input = mutate(a.seeds, a.seed, progress->index);
            char *path = save_crash(input, progress->index);
            what = g_strdup_printf("mutation %u (seed %" G_GUINT64_FORMAT
                                   "), saved as %s", progress->index, a.seed,
                                   path);
            g_free(path);
            g_bytes_unref(input);
        } else {
            what = g_strdup("setup");
        }
        printf("not ok 2 - fuzz-%s: %s: %s\n", FUZZ_NAME, what, why);
        failed = 1;
        g_free(what);
        g_free(why);
    } else {
        printf("ok 2 - fuzz-%s: %u inputs (%u seeds + %u mutations)\n",
               FUZZ_NAME, a.seeds->len + a.mutations, a.seeds->len,
               a.mutations);
    }

    g_free(regress_dir);
    g_free(corpus_dir);
    g_ptr_array_unref(a.regress);
    g_ptr_array_unref(a.seeds);
    g_ptr_array_unref(regress_names);
    g_ptr_array_unref(seed_names);
    return failed;
}
