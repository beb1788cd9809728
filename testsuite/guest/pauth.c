/* Pointer authentication under the debugger: built with
 * -mbranch-protection=pac-ret (and -march=armv8.3-a), so every non-leaf
 * function signs its return address with PACIASP on entry and checks it
 * with AUTIASP (or RETAA) on the way out. While stopped in inner(), the
 * saved return addresses of inner, middle and outer carry PACs; gdb
 * must still unwind through them (gdb-pauth.exp). */
#include <stdio.h>
#include <string.h>

static volatile int sink;

__attribute__((noinline)) static void touch(int v)
{
    sink += v;
}

__attribute__((noinline)) static int inner(int n)
{
    touch(n);
    return n * 2;                   /* marker: inner-body */
}

__attribute__((noinline)) static int middle(int n)
{
    int r = inner(n + 1);
    return r + 1;
}

__attribute__((noinline)) static int outer(int n)
{
    int r = middle(n + 1);
    return r + 1;
}

/* "fpac": authenticate a pointer that was never signed. With --fpac the
 * AUTIA faults (SIGILL, ILL_ILLOPN, at the AUTIA: gdb-pauth.exp stops
 * there); without, it only corrupts the pointer (1 time in 128 the zero
 * PAC matches, so several pointers are tried). */
__attribute__((noinline)) static int authenticate_unsigned(void)
{
    for (unsigned long i = 0; i < 16; i++) {
        unsigned long p = 0x400000 + 16 * i;
        __asm__ volatile("autia %0, %1" : "+r"(p) : "r"(0ul)); /* marker: autia */
        if (p != 0x400000 + 16 * i)
            return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "fpac") == 0) {
        int r = authenticate_unsigned();
        printf("no fault: %s\n", r ? "pointer corrupted" : "all matched");
        return 1;
    }
    int r = outer(1);
    printf("pauth result %d\n", r);
    return r == 8 ? 0 : 1;
}
