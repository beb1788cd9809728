/* A guest program for the gdb and lldb suites: globals and locals of
 * several types, nested calls for bt/step/finish, a loop that writes a
 * global (for watchpoints), printf output and a chosen exit code.
 *
 * The suites find lines by the "marker:" comments, never by number, so
 * edit freely but keep each marker on the line it names. */
#include <stdio.h>
#include <stdlib.h>

struct point {
    int x;
    int y;
};

int counter;                        /* written by count_up(): watch target */
double ratio = 2.5;
char greeting[16] = "hello";
struct point origin = { 3, 4 };
long big_number = 1234567890123L;

int add(int a, int b)
{
    int sum = a + b;                /* marker: add-body */
    return sum;
}

int square_plus(int v, int extra)
{
    int sq = v * v;
    return add(sq, extra);          /* marker: call-add */
}

int nested(int depth)
{
    int result = square_plus(depth, 1);
    return result;                  /* marker: nested-return */
}

void count_up(int limit)
{
    for (int i = 0; i < limit; i++)
        counter = counter + 10;     /* marker: counter-write */
}

int main(void)
{
    int local_int = 7;              /* marker: local-int */
    double local_double = 0.25;
    char local_name[8] = "abc";
    struct point corner = { -1, 2 };

    int total = add(2, 3);          /* marker: first-call */
    total = total + nested(4);      /* marker: nested-call */
    count_up(3);                    /* marker: count-call */
    printf("total=%d counter=%d name=%s x=%d %g %g\n",   /* marker: printf */
           total, counter, local_name, corner.x, local_double, ratio);
    printf("local_int=%d greeting=%s\n", local_int, greeting);
    fflush(stdout);
    exit(42);                       /* marker: exit */
}
