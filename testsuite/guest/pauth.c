/* Pointer authentication under the debugger: built with
 * -mbranch-protection=pac-ret (and -march=armv8.3-a), so every non-leaf
 * function signs its return address with PACIASP on entry and checks it
 * with AUTIASP (or RETAA) on the way out. While stopped in inner(), the
 * saved return addresses of inner, middle and outer carry PACs; gdb
 * must still unwind through them (gdb-pauth.exp). */
#include <stdio.h>

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

int main(void)
{
    int r = outer(1);
    printf("pauth result %d\n", r);
    return r == 8 ? 0 : 1;
}
