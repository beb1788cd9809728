/* A guest program that never ends by itself: for Ctrl-C while the program
 * runs, and for Ctrl-C during a `step` over a line that is an empty
 * endless loop. A debugger ends it by clearing `spin`; it then exits 7.
 * Lines are found by the "marker:" comments. */
#include <stdio.h>

volatile int spin = 1;
volatile unsigned long laps;

static void go_round(void)
{
    while (spin)
        laps++;                     /* marker: busy-loop */
}

/* With any argument, main skips the busy loop and goes straight to the
 * empty one (the interrupted-step test). */
int main(int argc, char **argv)
{
    (void)argv;
    printf("spin: started\n");
    fflush(stdout);
    if (argc < 2)
        go_round();                 /* marker: go-round */
    spin = 1;                       /* marker: before-empty-loop */
    while (spin) ;                  /* marker: empty-loop */
    printf("spin: released\n");     /* marker: released */
    fflush(stdout);
    return 7;
}
