// The guest of the fuzz-syscall target: a static AArch64 program with a
// code page and a data page. The target never runs it; it only needs a
// real process built from a real ELF file, so the system calls it makes
// on the process meet the same address space a program would have.
    .text
    .globl _start
_start:
    mov     x0, #0
    mov     x8, #93             // exit
    svc     #0

    .data
    .balign 4096
scratch:
    .space  4096
