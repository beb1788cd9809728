/* The names of a process's open files under /proc and /dev: opening
 * /proc/self/fd/N, /proc/PID/fd/N and /dev/fd/N reaches the file the
 * program has open as fd N (not whatever the emulator itself has open
 * under that number), and a closed N is ENOENT. Compared with
 * qemu-aarch64. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *same_file(const char *name, const char *want)
{
    char buf[64] = "";
    int fd = open(name, O_RDONLY);
    if (fd < 0)
        return strerror(errno);
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    return n > 0 && strcmp(buf, want) == 0 ? "the program's file" : "another";
}

int main(void)
{
    char tmpl[] = "/tmp/fd-paths-XXXXXX", name[64];
    int fd = mkstemp(tmpl);
    if (fd < 0 || write(fd, "fd-paths data", 13) != 13)
        return 1;
    unlink(tmpl);
    /* High numbers the emulator is unlikely to hold the same file under. */
    if (dup2(fd, 57) != 57 || dup2(fd, 300) != 300)
        return 2;
    lseek(fd, 0, SEEK_SET);

    snprintf(name, sizeof name, "/proc/self/fd/%d", 57);
    printf("/proc/self/fd/57: %s\n", same_file(name, "fd-paths data"));
    snprintf(name, sizeof name, "/proc/%d/fd/%d", (int)getpid(), 300);
    printf("/proc/PID/fd/300: %s\n", same_file(name, "fd-paths data"));
    printf("/dev/fd/57: %s\n", same_file("/dev/fd/57", "fd-paths data"));
    close(57);
    printf("/dev/fd/57 closed: %s\n", same_file("/dev/fd/57", ""));
    printf("/proc/self/fd/999: %s\n", same_file("/proc/self/fd/999", ""));
    return 0;
}
