/* Fuzz target: the recording-file reader (--replay FILE) on arbitrary
 * bytes. A file either loads, giving argv, envp and a log, or fails with
 * an error that says what is wrong; it never crashes, hangs or takes
 * memory out of proportion to its size. The reader takes a path, so each
 * input is written to one scratch file first. */
#include "testsuite/fuzz/fuzz.h"

#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "server/event-log.h"

static char *scratch_path;

static void remove_scratch(void)
{
    if (scratch_path)
        unlink(scratch_path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    GError *error = NULL;
    char **argv = NULL, **envp = NULL;
    uint64_t end = 0;
    struct event_log *log;

    if (!scratch_path) {
        int fd = g_file_open_tmp("fuzz-recording-XXXXXX", &scratch_path,
                                 NULL);
        if (fd < 0)
            fuzz_fail("cannot make a scratch file");
        close(fd);
        atexit(remove_scratch);
    }
    if (!g_file_set_contents(scratch_path, (const char *)data, (gssize)size,
                             NULL))
        fuzz_fail("cannot write %s", scratch_path);

    log = event_log_load(scratch_path, &argv, &envp, &end, &error);
    if (log) {
        FUZZ_CHECK(argv && argv[0], "a recording loaded without a program");
        FUZZ_CHECK(envp != NULL, "a recording loaded without envp");
        event_log_free(log);
    } else {
        FUZZ_CHECK(error && error->message && *error->message,
                   "a failed load without a message");
        g_error_free(error);
    }
    g_strfreev(argv);
    g_strfreev(envp);
    return 0;
}
