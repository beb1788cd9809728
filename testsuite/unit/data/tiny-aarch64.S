// A minimal static AArch64 program for the user/ unit tests: writes
// "tiny: hello\n" and argc to stdout, then exits with status 42 + argc.
// Rebuild tiny-aarch64.elf with:
//   aarch64-linux-gnu-gcc -nostdlib -static -Wl,-z,max-page-size=4096 \
//     -Wl,--build-id=none -s -o tiny-aarch64.elf tiny-aarch64.S
    .text
    .globl _start
_start:
    ldr     x19, [sp]           // argc
    mov     x0, #1
    adr     x1, msg
    mov     x2, #msg_len
    mov     x8, #64             // write
    svc     #0
    mov     x0, #1
    adr     x1, buf
    add     x3, x19, #'0'
    strb    w3, [x1]
    mov     x2, #2
    mov     x8, #64
    svc     #0
    add     x0, x19, #42
    mov     x8, #94             // exit_group
    svc     #0
msg:
    .ascii  "tiny: hello\n"
    .set    msg_len, . - msg

    .data
buf:
    .ascii  "?\n"
