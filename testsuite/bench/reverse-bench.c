/* reverse-bench: measure time travel (make bench-reverse).
 *
 *     reverse-bench BACKSTEP GUEST ITERATIONS SAMPLES HISTORY_MEM
 *
 * GUEST is testsuite/guest/reverse: with ITERATIONS it runs a loop of
 * about 25 instructions an iteration and calls long_mark() a tenth of the
 * way before the loop's end. Measured, and printed beside the targets of
 * doc/time-travel.md (reported, never judged: timing is not a test):
 *
 *   recording     the program's run time with --no-record over its run
 *                 time recording (1.0: free; the target is >= 0.75);
 *                 recorded with --record-file, since a run without
 *                 --gdb or --record-file records nothing;
 *   reverse-stepi SAMPLES reverse steps (bs), each from a random moment
 *                 of the history reached with `monitor goto`: median and
 *                 99th percentile milliseconds;
 *   reverse-cont  reverse-continue (bc) from the end of the loop back to
 *                 long_mark, over the forward time of the same span;
 *   history       memory the history holds at the end, and the bound.
 *
 * backstep runs with --gdb unix:SOCKET; this program is the debugger,
 * speaking the remote protocol directly so that gdb's own costs are not
 * in the figures. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define REPLY_MAX 65536
#define WAIT_MS 600000    /* a replay of a long history takes a while */

struct client {
    int fd;
    bool acks;
    char in[4096];
    size_t in_len, in_pos;
    char reply[REPLY_MAX];
};

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void fail(const char *what)
{
    fprintf(stderr, "reverse-bench: %s\n", what);
    exit(1);
}

static int next_byte(struct client *c)
{
    if (c->in_pos == c->in_len) {
        struct pollfd pfd = { .fd = c->fd, .events = POLLIN };
        ssize_t n;
        if (poll(&pfd, 1, WAIT_MS) != 1)
            fail("no answer from backstep");
        n = read(c->fd, c->in, sizeof(c->in));
        if (n <= 0)
            fail("backstep closed the connection");
        c->in_len = (size_t)n;
        c->in_pos = 0;
    }
    return (unsigned char)c->in[c->in_pos++];
}

static void put(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            fail("cannot write to backstep");
        p += w;
        n -= (size_t)w;
    }
}

/* Send one packet and return the payload of the reply. */
static const char *ask(struct client *c, const char *body)
{
    char frame[1024];
    unsigned sum = 0;
    size_t len = 0;
    int ch, n;

    for (const char *p = body; *p; p++)
        sum += (unsigned char)*p;
    n = snprintf(frame, sizeof(frame), "$%s#%02x", body, sum & 0xffu);
    if (n < 0 || (size_t)n >= sizeof(frame))
        fail("packet too long");
    put(c->fd, frame, (size_t)n);

    while ((ch = next_byte(c)) != '$')
        ;
    while ((ch = next_byte(c)) != '#') {
        int times = 1;
        if (ch == '*' && len > 0) {       /* run-length: repeat the last */
            times = next_byte(c) - 29;
            ch = c->reply[len - 1];
        }
        while (times-- > 0 && len + 1 < sizeof(c->reply))
            c->reply[len++] = (char)ch;
    }
    c->reply[len] = '\0';
    next_byte(c);
    next_byte(c);
    if (c->acks)
        put(c->fd, "+", 1);
    return c->reply;
}

/* A monitor command's output (qRcmd answers O packets, then OK). */
static void monitor(struct client *c, const char *command, char *out,
                    size_t size)
{
    char body[600] = "qRcmd,";
    size_t used = 0;
    const char *r;

    for (const char *p = command; *p && strlen(body) + 3 < sizeof(body); p++)
        sprintf(body + strlen(body), "%02x", (unsigned char)*p);
    r = ask(c, body);
    out[0] = '\0';
    for (;;) {
        if (r[0] == 'O' && r[1] != 'K') {
            for (const char *p = r + 1; p[0] && p[1] && used + 1 < size;
                 p += 2) {
                char hex[3] = { p[0], p[1], 0 };
                out[used++] = (char)strtoul(hex, NULL, 16);
            }
            out[used] = '\0';
            /* The next packet of the answer comes unasked. */
            size_t len = 0;
            int ch;
            while ((ch = next_byte(c)) != '$')
                ;
            while ((ch = next_byte(c)) != '#' && len + 1 < sizeof(c->reply))
                c->reply[len++] = (char)ch;
            c->reply[len] = '\0';
            next_byte(c);
            next_byte(c);
            if (c->acks)
                put(c->fd, "+", 1);
            r = c->reply;
            continue;
        }
        if (strcmp(r, "OK") != 0 && r[0] != 'O' && used == 0) {
            fprintf(stderr, "reverse-bench: monitor %s: %s\n", command, r);
            fail("monitor command failed");
        }
        return;
    }
}

static uint64_t symbol(const char *guest, const char *name)
{
    char cmd[1024], line[512];
    uint64_t addr = 0;
    FILE *f;

    snprintf(cmd, sizeof(cmd), "aarch64-linux-gnu-nm '%s'", guest);
    f = popen(cmd, "r");
    if (!f)
        fail("cannot run aarch64-linux-gnu-nm");
    while (fgets(line, sizeof(line), f)) {
        char type, sym[256];
        unsigned long long a;
        if (sscanf(line, "%llx %c %255s", &a, &type, sym) == 3
            && !strcmp(sym, name))
            addr = a;
    }
    pclose(f);
    if (!addr)
        fail("guest symbol not found");
    return addr;
}

static double run_time(char *const argv[])
{
    double start = seconds();
    int status;
    pid_t pid = fork();

    if (pid == 0) {
        int null = open("/dev/null", 1);
        dup2(null, 1);
        execv(argv[0], argv);
        _exit(127);
    }
    if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status)
        || WEXITSTATUS(status) != 0)
        fail("the guest did not run to its end");
    return seconds() - start;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median3(double a, double b, double c)
{
    double v[3] = { a, b, c };
    qsort(v, 3, sizeof(v[0]), by_value);
    return v[1];
}

int main(int argc, char **argv)
{
    struct client c = { .fd = -1, .acks = true };
    char input[] = "/tmp/reverse-bench-input-XXXXXX";
    char sock[64], packet[128], text[4096], history_opt[64];
    const char *backstep, *guest, *iterations, *history_mem;
    uint64_t present = 0, mark, end_bp;
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    double t_rec[3], t_free[3], t_fwd, t_bc, *lat;
    int samples, fd;
    pid_t server;

    if (argc != 6) {
        fprintf(stderr, "usage: reverse-bench BACKSTEP GUEST ITERATIONS "
                        "SAMPLES HISTORY_MEM\n");
        return 2;
    }
    backstep = argv[1];
    guest = argv[2];
    iterations = argv[3];
    samples = atoi(argv[4]);
    history_mem = argv[5];
    if (samples < 1)
        fail("SAMPLES must be positive");
    fd = mkstemp(input);
    if (fd < 0 || write(fd, "bench", 5) != 5)
        fail("cannot write the input file");
    close(fd);
    snprintf(history_opt, sizeof(history_opt), "--history-mem=%s",
             history_mem);

    /* ---- Recording overhead: the same run, recorded or not. ---- */
    char saved[64];
    snprintf(saved, sizeof(saved), "/tmp/reverse-bench-%d.rec", (int)getpid());
    for (int i = 0; i < 3; i++) {
        char *rec[] = { (char *)backstep, history_opt, "--record-file", saved,
                        (char *)guest, input, (char *)iterations, NULL };
        char *norec[] = { (char *)backstep, "--no-record", (char *)guest,
                          input, (char *)iterations, NULL };
        t_rec[i] = run_time(rec);
        t_free[i] = run_time(norec);
    }

    /* ---- A debugging session over the recorded history. ---- */
    snprintf(sock, sizeof(sock), "/tmp/reverse-bench-%d.sock", (int)getpid());
    unlink(sock);
    server = fork();
    if (server == 0) {
        char where[80];
        int null = open("/dev/null", 1);
        snprintf(where, sizeof(where), "unix:%s", sock);
        dup2(null, 1);
        dup2(null, 2);
        execl(backstep, backstep, history_opt, "--gdb", where, guest, input,
              iterations, (char *)NULL);
        _exit(127);
    }
    strcpy(sa.sun_path, sock);
    for (int tries = 0; c.fd < 0; tries++) {
        int s = socket(AF_UNIX, SOCK_STREAM, 0);
        if (connect(s, (struct sockaddr *)&sa, sizeof(sa)) == 0) {
            c.fd = s;
            break;
        }
        close(s);
        if (tries > 1000 || waitpid(server, NULL, WNOHANG) == server)
            fail("backstep did not listen");
        usleep(10000);
    }
    ask(&c, "qSupported:swbreak+;hwbreak+");
    ask(&c, "QStartNoAckMode");
    c.acks = false;
    ask(&c, "?");

    mark = symbol(guest, "long_mark");
    end_bp = symbol(guest, "sum_of_squares");
    snprintf(packet, sizeof(packet), "Z0,%" PRIx64 ",4", mark);
    ask(&c, packet);
    snprintf(packet, sizeof(packet), "Z0,%" PRIx64 ",4", end_bp);
    ask(&c, packet);
    if (ask(&c, "c")[0] != 'T')
        fail("did not stop at long_mark");
    /* As gdb does: off the breakpoint (out, a step, back in), then on. */
    snprintf(packet, sizeof(packet), "z0,%" PRIx64 ",4", mark);
    ask(&c, packet);
    ask(&c, "s");
    snprintf(packet, sizeof(packet), "Z0,%" PRIx64 ",4", mark);
    ask(&c, packet);
    double start = seconds();
    if (ask(&c, "c")[0] != 'T')
        fail("did not stop after the loop");
    t_fwd = seconds() - start;
    monitor(&c, "when", text, sizeof(text));
    if (sscanf(text, "instruction %" SCNu64, &present) != 1)
        fail("monitor when did not answer");

    start = seconds();
    if (ask(&c, "bc")[0] != 'T')
        fail("reverse-continue did not stop");
    t_bc = seconds() - start;
    snprintf(packet, sizeof(packet), "z0,%" PRIx64 ",4", mark);
    ask(&c, packet);
    snprintf(packet, sizeof(packet), "z0,%" PRIx64 ",4", end_bp);
    ask(&c, packet);

    /* Reverse steps from random moments of the history. */
    lat = calloc((size_t)samples, sizeof(*lat));
    srand(12345);
    for (int i = 0; i < samples; i++) {
        uint64_t x = 1 + (((uint64_t)rand() << 31) ^ (uint64_t)rand())
                             % (present - 1);
        char cmd[64];
        snprintf(cmd, sizeof(cmd), "goto %" PRIu64, x);
        monitor(&c, cmd, text, sizeof(text));
        start = seconds();
        if (ask(&c, "bs")[0] != 'T')
            fail("reverse-stepi did not stop");
        lat[i] = (seconds() - start) * 1e3;
    }
    qsort(lat, (size_t)samples, sizeof(*lat), by_value);
    monitor(&c, "history", text, sizeof(text));
    ask(&c, "k");
    close(c.fd);
    waitpid(server, NULL, 0);
    unlink(sock);
    unlink(input);
    unlink(saved);

    double rec = median3(t_rec[0], t_rec[1], t_rec[2]);
    double free_run = median3(t_free[0], t_free[1], t_free[2]);
    size_t p99 = (size_t)((samples - 1) * 0.99);
    printf("history:        %" PRIu64 " instructions (%s iterations)\n",
           present, iterations);
    printf("recording:      %.3f s recorded, %.3f s not: speed ratio %.2f "
           "(target >= 0.75)\n", rec, free_run, free_run / rec);
    printf("reverse-stepi:  %d samples: median %.2f ms (target < 10), "
           "p99 %.2f ms (target < 50), max %.2f ms\n", samples,
           lat[samples / 2], lat[p99], lat[samples - 1]);
    printf("reverse-cont:   %.3f s back over a span run forward in %.3f s: "
           "ratio %.2f (target <= 2)\n", t_bc, t_fwd,
           t_fwd > 0 ? t_bc / t_fwd : 0.0);
    printf("%s", text);
    free(lat);
    return 0;
}
