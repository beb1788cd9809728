/* A small stack-machine bytecode interpreter (a switch-dispatched loop,
 * the shape of every scripting VM) running two programs: a recursive
 * Fibonacci and a prime sieve in its own memory. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "prog.h"

enum op {
    OP_PUSH, OP_POP, OP_DUP, OP_SWAP, OP_OVER, OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD,
    OP_LT, OP_EQ, OP_JMP, OP_JZ, OP_CALL, OP_RET, OP_LOAD, OP_STORE, OP_PRINT, OP_HALT,
    OP_ARG, OP_SHR, OP_AND,
};

struct vm {
    int64_t stack[1024];
    int sp;
    struct { int pc, fp; } frames[512];
    int fsp;
    int64_t mem[20000];
    uint64_t steps;
};

static int64_t run(struct vm *vm, const int64_t *code, int pc)
{
    int fp = 0;
    for (;;) {
        vm->steps++;
        int64_t a, b;
        switch ((enum op)code[pc++]) {
        case OP_PUSH: vm->stack[vm->sp++] = code[pc++]; break;
        case OP_POP: vm->sp--; break;
        case OP_DUP: vm->stack[vm->sp] = vm->stack[vm->sp - 1]; vm->sp++; break;
        case OP_SWAP: a = vm->stack[vm->sp - 1]; vm->stack[vm->sp - 1] = vm->stack[vm->sp - 2]; vm->stack[vm->sp - 2] = a; break;
        case OP_OVER: vm->stack[vm->sp] = vm->stack[vm->sp - 2]; vm->sp++; break;
        case OP_ADD: b = vm->stack[--vm->sp]; vm->stack[vm->sp - 1] += b; break;
        case OP_SUB: b = vm->stack[--vm->sp]; vm->stack[vm->sp - 1] -= b; break;
        case OP_MUL: b = vm->stack[--vm->sp]; vm->stack[vm->sp - 1] *= b; break;
        case OP_DIV: b = vm->stack[--vm->sp]; vm->stack[vm->sp - 1] = b ? vm->stack[vm->sp - 1] / b : 0; break;
        case OP_MOD: b = vm->stack[--vm->sp]; vm->stack[vm->sp - 1] = b ? vm->stack[vm->sp - 1] % b : 0; break;
        case OP_SHR: b = vm->stack[--vm->sp]; vm->stack[vm->sp - 1] >>= b; break;
        case OP_AND: b = vm->stack[--vm->sp]; vm->stack[vm->sp - 1] &= b; break;
        case OP_LT: b = vm->stack[--vm->sp]; vm->stack[vm->sp - 1] = vm->stack[vm->sp - 1] < b; break;
        case OP_EQ: b = vm->stack[--vm->sp]; vm->stack[vm->sp - 1] = vm->stack[vm->sp - 1] == b; break;
        case OP_JMP: pc = (int)code[pc]; break;
        case OP_JZ: a = vm->stack[--vm->sp]; pc = a ? pc + 1 : (int)code[pc]; break;
        case OP_CALL:
            vm->frames[vm->fsp].pc = pc + 1;
            vm->frames[vm->fsp].fp = fp;
            vm->fsp++;
            fp = vm->sp - 1;        /* one argument */
            pc = (int)code[pc];
            break;
        case OP_RET:
            a = vm->stack[--vm->sp];
            vm->sp = fp;             /* drop the argument */
            vm->stack[vm->sp++] = a;
            vm->fsp--;
            pc = vm->frames[vm->fsp].pc;
            fp = vm->frames[vm->fsp].fp;
            break;
        case OP_ARG: vm->stack[vm->sp++] = vm->stack[fp]; break;
        case OP_LOAD: a = vm->stack[vm->sp - 1]; vm->stack[vm->sp - 1] = vm->mem[a]; break;
        case OP_STORE: a = vm->stack[--vm->sp]; b = vm->stack[--vm->sp]; vm->mem[a] = b; break;
        case OP_PRINT: printf("  vm: %lld\n", (long long)vm->stack[--vm->sp]); break;
        case OP_HALT: return vm->sp ? vm->stack[vm->sp - 1] : 0;
        }
    }
}

/* Programs are written with symbolic labels: LABEL(n) marks a place,
 * TO(n) is a jump or call operand; assemble() resolves them. */
#define LABEL(n) (-1000 - (n))
#define TO(n) (-2000 - (n))

static int has_operand(int64_t op)
{
    return op == OP_PUSH || op == OP_JMP || op == OP_JZ || op == OP_CALL;
}

static int assemble(const int64_t *src, int n, int64_t *out)
{
    int where[16] = { 0 }, len = 0;
    for (int i = 0; i < n; i++) {
        if (src[i] <= -1000 && src[i] > -2000) {
            where[-1000 - src[i]] = len;
            continue;
        }
        out[len++] = src[i];
        if (has_operand(src[i]))
            out[len++] = src[++i];
    }
    for (int i = 0; i < len; i++) {
        if (has_operand(out[i])) {
            i++;
            if (out[i] <= -2000 && out[i - 1] != OP_PUSH)
                out[i] = where[-2000 - out[i]];
        }
    }
    return len;
}

/* fib(n) = n < 2 ? n : fib(n-1) + fib(n-2) */
static const int64_t fib_src[] = {
    OP_PUSH, 24, OP_CALL, TO(1), OP_HALT,
    LABEL(1), OP_ARG, OP_PUSH, 2, OP_LT, OP_JZ, TO(2), OP_ARG, OP_RET,
    LABEL(2), OP_ARG, OP_PUSH, 1, OP_SUB, OP_CALL, TO(1),
    OP_ARG, OP_PUSH, 2, OP_SUB, OP_CALL, TO(1), OP_ADD, OP_RET,
};

/* Sieve of Eratosthenes in mem[0..N): count the primes below N.
 * mem[I] holds the outer index i. */
enum { N = 19000, I = 19999 };
static const int64_t sieve_src[] = {
    OP_PUSH, 2, OP_PUSH, I, OP_STORE,
    LABEL(1),                                         /* outer */
    OP_PUSH, I, OP_LOAD, OP_PUSH, N, OP_LT, OP_JZ, TO(5),
    OP_PUSH, I, OP_LOAD, OP_LOAD, OP_JZ, TO(2), OP_JMP, TO(4),
    LABEL(2),                                         /* j = i * i */
    OP_PUSH, I, OP_LOAD, OP_DUP, OP_MUL,
    LABEL(3),                                         /* inner: [j] */
    OP_DUP, OP_PUSH, N, OP_LT, OP_JZ, TO(6),
    OP_DUP, OP_PUSH, 1, OP_SWAP, OP_STORE,            /* mem[j] = 1 */
    OP_PUSH, I, OP_LOAD, OP_ADD, OP_JMP, TO(3),       /* j += i */
    LABEL(6), OP_POP,
    LABEL(4),                                         /* i++ */
    OP_PUSH, I, OP_LOAD, OP_PUSH, 1, OP_ADD, OP_PUSH, I, OP_STORE, OP_JMP, TO(1),
    LABEL(5),                                         /* count: [c k] */
    OP_PUSH, 0, OP_PUSH, 2,
    LABEL(7),
    OP_DUP, OP_PUSH, N, OP_LT, OP_JZ, TO(8),
    OP_DUP, OP_LOAD, OP_PUSH, 0, OP_EQ,               /* [c k isprime] */
    OP_SWAP, OP_PUSH, 1, OP_ADD,                      /* [c isprime k+1] */
    OP_SWAP, OP_PUSH, I, OP_STORE,                    /* [c k+1], mem[I] = isprime */
    OP_SWAP, OP_PUSH, I, OP_LOAD, OP_ADD, OP_SWAP,    /* [c+isprime k+1] */
    OP_JMP, TO(7),
    LABEL(8), OP_POP, OP_HALT,
};

int main(void)
{
    static struct vm vm;
    static int64_t code[256];
    assemble(fib_src, (int)(sizeof fib_src / sizeof fib_src[0]), code);
    int64_t r = run(&vm, code, 0);
    printf("fib(24) = %lld\n", (long long)r);
    memset(&vm, 0, sizeof vm);
    assemble(sieve_src, (int)(sizeof sieve_src / sizeof sieve_src[0]), code);
    r = run(&vm, code, 0);
    printf("primes below %d = %lld\n", N, (long long)r);
    printf("steps %llu\n", (unsigned long long)vm.steps);
    return 0;
}
