/* A dynamically linked guest (built without -static): the interpreter
 * and libc come from the guest root. Output goes through printf and puts
 * in libc, so a breakpoint on puts stops inside the shared library. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int checksum(const char *s)
{
    int sum = 0;
    while (*s)
        sum = sum * 31 + (unsigned char)*s++;   /* marker: checksum-body */
    return sum & 0xffff;
}

int main(int argc, char **argv)
{
    const char *who = argc > 1 ? argv[1] : "world"; /* marker: main-first */
    char *copy = strdup(who);
    printf("hello, %s: argc %d sum %d\n", copy, argc, checksum(copy));
    puts("via puts");                            /* marker: puts-call */
    free(copy);                                  /* marker: after-puts */
    return 7;
}
