/* A static glibc program for the user/ end-to-end tests: each mode
 * exercises a part of the Linux personality and prints what it saw, so
 * the output can be compared with qemu-aarch64's. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

static int mode_hello(int argc, char **argv)
{
    printf("hello from %s, argc %d\n", argv[2], argc);
    printf("%5.2f %x %s\n", 3.14159, 0xbeef, getenv("GUEST_VAR"));
    return 3;
}

static int mode_malloc(void)
{
    /* Small chunks (brk), a large one (mmap), realloc growth. */
    size_t total = 0;
    char *blocks[100];
    for (int i = 0; i < 100; i++) {
        blocks[i] = malloc(16 * (i + 1));
        memset(blocks[i], i, 16 * (i + 1));
        total += 16 * (i + 1);
    }
    for (int i = 0; i < 100; i += 2)
        free(blocks[i]);
    char *big = malloc(1 << 20);
    memset(big, 7, 1 << 20);
    big = realloc(big, 4 << 20);
    big[(4 << 20) - 1] = 9;
    long sum = 0;
    for (int i = 1; i < 100; i += 2)
        sum += blocks[i][i];
    printf("malloc total %zu sum %ld big %d %d\n", total, sum, big[0],
           big[(4 << 20) - 1]);
    free(big);
    void *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("mmap ok %d\n", m != MAP_FAILED && ((char *)m)[100] == 0);
    printf("munmap %d\n", munmap(m, 8192));
    return 0;
}

static int mode_files(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/guest-file.txt", dir);
    FILE *f = fopen(path, "w");
    if (!f) {
        printf("fopen: %s\n", strerror(errno));
        return 1;
    }
    for (int i = 0; i < 1000; i++)
        fprintf(f, "line %d\n", i);
    fclose(f);
    struct stat st;
    if (stat(path, &st) != 0) {
        printf("stat: %s\n", strerror(errno));
        return 1;
    }
    printf("size %lld regular %d\n", (long long)st.st_size, S_ISREG(st.st_mode));
    f = fopen(path, "r");
    char line[64];
    int n = 0;
    while (fgets(line, sizeof(line), f))
        n++;
    fclose(f);
    printf("lines %d last %s", n, line);
    printf("unlink %d\n", unlink(path));
    printf("open missing: %d %s\n", open(path, O_RDONLY), strerror(errno));
    return 0;
}

static int mode_uname(void)
{
    struct utsname u;
    uname(&u);
    printf("%s %s\n", u.sysname, u.machine);
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    printf("readlink ok %d\n", n > 0 && exe[0] == '/');
    printf("pagesize %ld\n", sysconf(_SC_PAGESIZE));
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return 100;
    if (!strcmp(argv[1], "hello"))
        return mode_hello(argc, argv);
    if (!strcmp(argv[1], "malloc"))
        return mode_malloc();
    if (!strcmp(argv[1], "files"))
        return mode_files(argc > 2 ? argv[2] : ".");
    if (!strcmp(argv[1], "uname"))
        return mode_uname();
    if (!strcmp(argv[1], "abort")) {
        printf("aborting\n");
        fflush(stdout);
        abort();
    }
    if (!strcmp(argv[1], "segv")) {
        printf("about to fault\n");
        fflush(stdout);
        *(volatile int *)16 = 1;
        return 0;
    }
    return 101;
}
