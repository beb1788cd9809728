/* rsp-bench: time debugger round trips over the GDB remote protocol.
 *
 *     rsp-bench COUNT SOCKET SERVER [ARGS...]
 *
 * Starts SERVER ARGS (a gdb stub told to listen on the Unix socket SOCKET:
 * backstep --gdb unix:SOCKET prog, or qemu-aarch64 -g SOCKET prog),
 * connects as gdb would (qSupported, QStartNoAckMode, ?) and then times
 * COUNT round trips of each kind a debugger session is made of:
 *
 *   s          single step (stepi): reply is a stop packet
 *   p20        read pc (GDB's AArch64 register 32)
 *   m SP,40    read 64 bytes of the stack
 *
 * Prints the mean microseconds per round trip of each, "STEP REG MEM", then
 * kills the program with `k`. A Unix socket keeps the numbers about the
 * stub, not about TCP settings, and needs no free port.
 */
#include <errno.h>
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
#define IO_TIMEOUT_MS 10000

struct rsp_client {
    int fd;
    bool acks;                  /* still in acknowledgement mode */
    char in[4096];
    size_t in_len, in_pos;
    char reply[REPLY_MAX];
};

static double now_seconds(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what)
{
    fprintf(stderr, "rsp-bench: %s\n", what);
    exit(1);
}

static int read_byte(struct rsp_client *c)
{
    if (c->in_pos == c->in_len) {
        struct pollfd pfd = { c->fd, POLLIN, 0 };
        ssize_t n;
        if (poll(&pfd, 1, IO_TIMEOUT_MS) != 1)
            die("timed out waiting for the stub");
        n = read(c->fd, c->in, sizeof(c->in));
        if (n <= 0)
            die("the stub closed the connection");
        c->in_len = (size_t)n;
        c->in_pos = 0;
    }
    return (unsigned char)c->in[c->in_pos++];
}

static void write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            die("write to the stub failed");
        p += w;
        n -= (size_t)w;
    }
}

static void send_packet(struct rsp_client *c, const char *body)
{
    char buf[512];
    unsigned sum = 0;
    int n;

    for (const char *p = body; *p; p++)
        sum += (unsigned char)*p;
    n = snprintf(buf, sizeof(buf), "$%s#%02x", body, sum & 0xff);
    if (n < 0 || (size_t)n >= sizeof(buf))
        die("packet too long");
    write_all(c->fd, buf, (size_t)n);
}

/* Read one reply packet into c->reply (acking it in ack mode), expanding
 * run-length encoding: "X*N" is X repeated N - 29 more times. */
static const char *recv_packet(struct rsp_client *c)
{
    size_t len = 0;
    int ch;

    do
        ch = read_byte(c);
    while (ch != '$');   /* skips '+' acks of our own packets */
    while ((ch = read_byte(c)) != '#') {
        int repeat = 1;
        if (ch == '*') {
            if (len == 0)
                die("run-length code with nothing to repeat");
            repeat = read_byte(c) - 29;
            if (repeat < 3 || repeat > 97)
                die("bad run-length count");
            ch = c->reply[len - 1];
        }
        if (len + (size_t)repeat >= sizeof(c->reply))
            die("reply too long");
        while (repeat--)
            c->reply[len++] = (char)ch;
    }
    c->reply[len] = 0;
    read_byte(c);
    read_byte(c);
    if (c->acks)
        write_all(c->fd, "+", 1);
    return c->reply;
}

static const char *transact(struct rsp_client *c, const char *body)
{
    send_packet(c, body);
    return recv_packet(c);
}

static int connect_unix(const char *path, pid_t server)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };

    if (strlen(path) >= sizeof(sa.sun_path))
        die("socket path too long");
    strcpy(sa.sun_path, path);
    /* The stub creates the socket once it has loaded the program. */
    for (int tries = 0; tries < 1000; tries++) {
        int fd = socket(AF_UNIX, SOCK_STREAM, 0);
        if (fd < 0)
            die("socket() failed");
        if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0)
            return fd;
        close(fd);
        if (waitpid(server, NULL, WNOHANG) == server)
            die("the stub exited before listening");
        usleep(10000);
    }
    die("could not connect to the stub's socket");
    return -1;
}

static uint64_t hex_le64(const char *p)
{
    uint64_t v = 0;

    for (int i = 0; i < 8 && p[0] && p[1]; i++, p += 2) {
        char byte[3] = { p[0], p[1], 0 };
        v |= (uint64_t)strtoul(byte, NULL, 16) << (8 * i);
    }
    return v;
}

/* Time COUNT round trips of one packet; check each reply starts with one
 * of `ok_first` (e.g. "TS" for stop replies; an empty reply, "not
 * supported", never passes). Returns microseconds each. */
static double time_round_trips(struct rsp_client *c, int count,
                               const char *packet, const char *ok_first)
{
    double start = now_seconds();

    for (int i = 0; i < count; i++) {
        const char *r = transact(c, packet);
        if (!r[0] || !strchr(ok_first, r[0])) {
            fprintf(stderr, "rsp-bench: %s got \"%.40s\"\n", packet, r);
            exit(1);
        }
    }
    return (now_seconds() - start) * 1e6 / count;
}

int main(int argc, char **argv)
{
    struct rsp_client c = { .fd = -1, .acks = true };
    double step_us, reg_us, mem_us;
    char packet[64];
    const char *r;
    int count, status;
    pid_t server;

    if (argc < 4) {
        fprintf(stderr, "usage: rsp-bench COUNT SOCKET SERVER [ARGS...]\n");
        return 2;
    }
    count = atoi(argv[1]);
    if (count < 1)
        die("COUNT must be positive");
    signal(SIGPIPE, SIG_IGN);
    unlink(argv[2]);
    server = fork();
    if (server < 0)
        die("fork failed");
    if (server == 0) {
        /* The stubs chat on stderr and the program may print: hide both. */
        if (!freopen("/dev/null", "w", stdout) ||
            !freopen("/dev/null", "w", stderr))
            _exit(126);
        execvp(argv[3], argv + 3);
        _exit(127);
    }
    c.fd = connect_unix(argv[2], server);

    transact(&c, "qSupported:multiprocess+;swbreak+;hwbreak+;vContSupported+;"
                 "xmlRegisters=aarch64");
    if (strcmp(transact(&c, "QStartNoAckMode"), "OK") == 0)
        c.acks = false;
    /* As gdb does; qemu answers `p` only after the description was read. */
    transact(&c, "qXfer:features:read:target.xml:0,ffff");
    r = transact(&c, "?");
    if (r[0] != 'T' && r[0] != 'S')
        die("no initial stop reply");

    step_us = time_round_trips(&c, count, "s", "TS");
    reg_us = time_round_trips(&c, count, "p20", "0123456789abcdef");
    r = transact(&c, "p1f");
    snprintf(packet, sizeof(packet), "m%llx,40",
             (unsigned long long)hex_le64(r));
    mem_us = time_round_trips(&c, count, packet, "0123456789abcdef");

    send_packet(&c, "k");
    close(c.fd);
    /* Both stubs exit on `k`; do not wait forever for one that doesn't. */
    for (int i = 0; i < 200 && waitpid(server, &status, WNOHANG) == 0; i++)
        usleep(10000);
    if (waitpid(server, &status, WNOHANG) == 0) {
        kill(server, SIGKILL);
        waitpid(server, &status, 0);
    }
    unlink(argv[2]);
    printf("%.2f %.2f %.2f\n", step_us, reg_us, mem_us);
    return 0;
}
