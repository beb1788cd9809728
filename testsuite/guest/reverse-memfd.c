/* Guest program for backstep.reverse/reverse-memfd.exp: bytes written to
 * a memfd with pwrite() show in its shared mapping, in the recording and
 * in every replay of it (a memfd is the machine's memory, not the outside
 * world: a replay runs those writes too). */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

volatile char seen[4];

int main(void)
{
    int fd = memfd_create("reverse-memfd", 0);
    if (fd < 0 || ftruncate(fd, 4096) != 0)
        return 1;
    char *map = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (map == MAP_FAILED)
        return 2;
    for (int i = 0; i < 4; i++) {
        char c = (char)('A' + i);
        if (pwrite(fd, &c, 1, 0) != 1)
            return 3;
        seen[i] = map[0];          /* marker: seen */
    }
    printf("%c%c%c%c\n", seen[0], seen[1], seen[2], seen[3]);  /* marker: printed */
    return 0;
}
