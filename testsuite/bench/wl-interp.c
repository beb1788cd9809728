/* Benchmark workload: a bytecode interpreter, the shape of many scripting
 * engines: a stack machine whose dispatch is a switch over opcodes loaded
 * from memory (an unpredictable indirect branch per bytecode), running a
 * program that sums a sieve of primes and a polynomial hash. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum op {
    OP_PUSH,    /* push the next word */
    OP_LOAD,    /* push local[next] */
    OP_STORE,   /* local[next] = pop */
    OP_ADD, OP_SUB, OP_MUL, OP_AND, OP_XOR, OP_SHR,
    OP_LT,      /* push a < b */
    OP_JZ,      /* pc = next if pop == 0 */
    OP_JMP,     /* pc = next */
    OP_MLOAD,   /* push mem[pop] */
    OP_MSTORE,  /* mem[pop] = pop */
    OP_HALT,
};

static int64_t run(const int32_t *code, int64_t *mem, size_t mem_words,
                   int64_t n)
{
    int64_t stack[64], local[8] = { 0, 0, n };
    int sp = 0;
    size_t pc = 0;

    for (;;) {
        int32_t op = code[pc++];
        switch (op) {
        case OP_PUSH: stack[sp++] = code[pc++]; break;
        case OP_LOAD: stack[sp++] = local[code[pc++]]; break;
        case OP_STORE: local[code[pc++]] = stack[--sp]; break;
        case OP_ADD: sp--; stack[sp - 1] += stack[sp]; break;
        case OP_SUB: sp--; stack[sp - 1] -= stack[sp]; break;
        case OP_MUL: sp--; stack[sp - 1] *= stack[sp]; break;
        case OP_AND: sp--; stack[sp - 1] &= stack[sp]; break;
        case OP_XOR: sp--; stack[sp - 1] ^= stack[sp]; break;
        case OP_SHR: sp--; stack[sp - 1] = (int64_t)((uint64_t)stack[sp - 1] >> (stack[sp] & 63)); break;
        case OP_LT: sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
        case OP_JZ: if (stack[--sp] == 0) pc = (size_t)code[pc]; else pc++; break;
        case OP_JMP: pc = (size_t)code[pc]; break;
        case OP_MLOAD: stack[sp - 1] = mem[(size_t)stack[sp - 1] % mem_words]; break;
        case OP_MSTORE: sp -= 2; mem[(size_t)stack[sp + 1] % mem_words] = stack[sp]; break;
        case OP_HALT: return local[0];
        default: abort();
        }
    }
}

/* local[0] = sum, local[1] = i, local[2] = n (given), local[3] = hash:
 * for (i = 0; i < n; i++) { hash = (hash * 31 + i) & 0xffffff;
 *     mem[i] = hash; sum += mem[hash] ^ (hash >> 3); } */
static const int32_t program[] = {
    /* 0 */ OP_PUSH, 0, OP_STORE, 1,
    /* 4 */ OP_LOAD, 1, OP_LOAD, 2, OP_LT, OP_JZ, 58,
    /* 11 */ OP_LOAD, 3, OP_PUSH, 31, OP_MUL, OP_LOAD, 1, OP_ADD,
    /* 19 */ OP_PUSH, 0xffffff, OP_AND, OP_STORE, 3,
    /* 24 */ OP_LOAD, 3, OP_LOAD, 1, OP_MSTORE,
    /* 29 */ OP_LOAD, 0, OP_LOAD, 3, OP_MLOAD, OP_LOAD, 3, OP_PUSH, 3, OP_SHR,
    /* 39 */ OP_XOR, OP_ADD, OP_STORE, 0,
    /* 43 */ OP_LOAD, 1, OP_PUSH, 1, OP_ADD, OP_STORE, 1,
    /* 50 */ OP_JMP, 4, OP_HALT, OP_HALT, OP_HALT, OP_HALT, OP_HALT, OP_HALT,
    /* 58 */ OP_HALT,
};

int main(int argc, char **argv)
{
    int scale = argc > 1 ? atoi(argv[1]) : 1;
    static int64_t mem[4096];
    int64_t total = 0;

    for (int r = 0; r < 4 * scale; r++)
        total += run(program, mem, sizeof mem / sizeof mem[0], 100000 + r);
    printf("interp: total %lld\n", (long long)total);
    return 0;
}
