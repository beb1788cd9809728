/* Rounding modes and exception flags: fesetround then arithmetic,
 * conversions and libm's rint family in every mode; fetestexcept after
 * operations that raise each flag; FPCR/FPSR round trips through
 * fegetenv/fesetenv. */
#include <fenv.h>
#include <math.h>
#include <stdio.h>

#include "prog.h"

/* GCC ignores FENV_ACCESS: the operands are volatile instead. */

static const int modes[] = { FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO };
static const char *const mode_names[] = { "nearest", "upward", "downward", "towardzero" };

static void show_flags(const char *what)
{
    int f = fetestexcept(FE_ALL_EXCEPT);
    printf("%-22s invalid %d divbyzero %d overflow %d underflow %d inexact %d\n", what,
           !!(f & FE_INVALID), !!(f & FE_DIVBYZERO), !!(f & FE_OVERFLOW),
           !!(f & FE_UNDERFLOW), !!(f & FE_INEXACT));
}

int main(void)
{
    for (int m = 0; m < 4; m++) {
        fesetround(modes[m]);
        volatile double one = 1.0, three = 3.0, big = 1e308, tiny = 1e-308;
        volatile float onef = 1.0f, threef = 3.0f;
        double q = one / three;
        float qf = onef / threef;
        printf("%-10s 1/3 %a -1/3 %a f %a sqrt2 %a fma %a big*10 %a tiny/3e10 %a\n",
               mode_names[m], q, -one / three, (double)qf, sqrt(2 * one),
               fma(q, three, -one), big * 10, tiny / 3e10);
        printf("%-10s rint(2.5) %g rint(-2.5) %g nearbyint(0.5) %g lrint(3.7) %ld "
               "llrint(-3.2) %lld (float)0.1 %a (int)x %d\n",
               mode_names[m], rint(2.5 * one), rint(-2.5 * one), nearbyint(0.5 * one),
               lrint(3.7 * one), llrint(-3.2 * one), (double)(float)(0.1 * one),
               (int)(7.9 * one));
        double sum = 0;
        for (int i = 1; i <= 1000; i++)
            sum += one / i;
        printf("%-10s harmonic %a\n", mode_names[m], sum);
        if (fegetround() != modes[m])
            printf("fegetround mismatch\n");
    }
    fesetround(FE_TONEAREST);

    volatile double zero = 0.0, one = 1.0, huge = 1e300, small = 1e-300;
    feclearexcept(FE_ALL_EXCEPT);
    show_flags("clear");
    volatile double r = zero / zero;
    show_flags("0/0");
    feclearexcept(FE_ALL_EXCEPT);
    r = one / zero;
    show_flags("1/0");
    feclearexcept(FE_ALL_EXCEPT);
    r = huge * huge;
    show_flags("huge*huge");
    feclearexcept(FE_ALL_EXCEPT);
    r = small * small;
    show_flags("small*small");
    feclearexcept(FE_ALL_EXCEPT);
    r = one / 3;
    show_flags("1/3");
    feclearexcept(FE_ALL_EXCEPT);
    r = one + one;
    show_flags("1+1");
    feclearexcept(FE_ALL_EXCEPT);
    r = sqrt(-one);
    show_flags("sqrt(-1)");
    feclearexcept(FE_ALL_EXCEPT);
    /* Out of range: C leaves the conversion undefined, FCVTZS saturates
     * and raises invalid. */
    volatile long long ll;
    __asm__ volatile("fcvtzs %0, %d1" : "=r"(ll) : "w"(huge * one));
    show_flags("(long long)1e300");
    feclearexcept(FE_ALL_EXCEPT);
    volatile float fr = (float)(small * 1e260);
    show_flags("(float)1e-40");
    feclearexcept(FE_ALL_EXCEPT);
    r = log(zero);
    show_flags("log(0)");
    (void)r;
    (void)ll;
    (void)fr;

    fenv_t env;
    feraiseexcept(FE_OVERFLOW | FE_INEXACT);
    fesetround(FE_UPWARD);
    fegetenv(&env);
    fesetround(FE_TONEAREST);
    feclearexcept(FE_ALL_EXCEPT);
    fesetenv(&env);
    show_flags("after fesetenv");
    printf("round after fesetenv is upward: %d\n", fegetround() == FE_UPWARD);
    fesetenv(FE_DFL_ENV);
    fexcept_t saved;
    feraiseexcept(FE_DIVBYZERO);
    fegetexceptflag(&saved, FE_ALL_EXCEPT);
    feclearexcept(FE_ALL_EXCEPT);
    fesetexceptflag(&saved, FE_DIVBYZERO);
    show_flags("restored divbyzero");
    return 0;
}
