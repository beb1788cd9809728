#!/usr/bin/env python3
"""Generate testsuite/unit/test-cpu-core-vectors.h: integer instruction
snippets run under qemu-aarch64 (the oracle) from a fixed register state;
the unit test runs the same encodings on backstep and compares x0..x30 and
NZCV. Development-time tool, not run by the build."""
import os, subprocess, sys, tempfile, re

INIT = [
    0x0, 0x1, 0xffffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff,
    0x80000000, 0x7fffffff, 0xffffffff, 0x123456789abcdef0, 0xfedcba9876543210,
    5, 3, 0xfffffffffffffffb, 64, 33, 0x0000ffff0000ffff,
    0x00000000000000ff, 0x8000000080000000, 0x0000000100000001, 0xdeadbeefcafebabe,
    0x0f0f0f0f0f0f0f0f, 0x4000000000000000, 0xfffffffffffffff0, 0x00000000ffff0000,
    0x5555555555555555, 0xaaaaaaaaaaaaaaaa, 0x0123456789abcdef, 0x13, 0x1f, 0x3f, 0x7,
]
ARCH = "-march=armv8.5-a+lse+crc+rcpc+flagm"

def cases():
    c = []
    def add(name, asm, nzcv=0):
        c.append((name, asm, nzcv))
    # data processing (immediate)
    add("add_imm", "add x0, x8, #0xfff; add w1, w9, #1, lsl #12; add x2, x2, #1; add w3, w7, #1")
    add("adds_imm", "adds x0, x4, #1; mrs x20, nzcv; adds w1, w7, #1; mrs x21, nzcv; subs x2, x0, #1; mrs x22, nzcv; cmp x1, #0; mrs x23, nzcv")
    add("subs_imm_flags", "subs w0, w5, #1; mrs x20, nzcv; subs x1, x3, #1; mrs x21, nzcv; cmn w6, #1; mrs x22, nzcv; cmp x11, #5")
    add("logic_imm", "and x0, x8, #0xff00ff00ff00ff00; orr w1, w9, #0x0f0f0f0f; eor x2, x9, #0x5555555555555555; ands w3, w5, #0x80000000; mrs x20, nzcv; ands x4, x8, #1; tst x9, #0x8000000000000000")
    add("logic_imm_masks", "orr x0, xzr, #0x3; orr x1, xzr, #0x7ffffffffffffffe; orr w2, wzr, #0xfffe; orr x3, xzr, #0x8181818181818181; orr x4, xzr, #0x1111111111111111; orr x5, xzr, #0xfffffffffffff00f; orr w6, wzr, #0xc0000003")
    add("movwide", "movz x0, #0x1234, lsl #48; movn x1, #0; movn w2, #0x10, lsl #16; movk x8, #0xbeef, lsl #32; movk w9, #0xcafe; mov x3, #-2; movz w4, #0xffff, lsl #16")
    add("bitfield", "sbfx x0, x8, #4, #12; ubfx x1, x9, #60, #4; bfi x2, x8, #8, #16; bfxil w3, w9, #3, #9; sxtb x4, w19; sxth w5, w19; sxtw x6, w9; uxtb w7, w19; uxth w10, w19")
    add("shifts_imm", "lsl x0, x8, #13; lsr x1, x9, #7; asr x2, x9, #63; asr w3, w5, #31; lsl w4, w8, #31; ror x5, x8, #20; ror w6, w8, #5; lsr w7, w9, #1")
    add("bitfield_more", "sbfiz x0, x12, #3, #10; ubfiz w1, w19, #28, #4; sbfm x2, x8, #60, #3; ubfm w3, w9, #31, #30; bfm x4, x9, #32, #15; bfc x5, #8, #32")
    add("extr", "extr x0, x8, x9, #16; extr w1, w8, w9, #7; extr x2, x8, x9, #0; extr w3, w9, w8, #31")
    # data processing (register)
    add("logic_reg", "and x0, x8, x9, lsl #4; bic x1, x8, x9, lsr #60; orr w2, w8, w9, asr #3; orn x3, x15, x24, ror #13; eor w4, w8, w9, ror #31; eon x5, x8, x9; ands x6, x3, x4; mrs x20, nzcv; bics w7, w9, w8; mrs x21, nzcv; mvn x10, x8")
    add("addsub_shift", "add x0, x8, x9, lsl #3; sub w1, w8, w9, lsr #4; add x2, x9, x8, asr #60; subs x3, x3, x1; mrs x20, nzcv; adds w4, w6, w1; mrs x21, nzcv; neg x5, x8; negs w6, w5; cmp x2, x9, lsl #1")
    add("addsub_ext", "add x0, x8, w9, uxtb; add x1, x8, w9, sxth #2; sub x2, x8, w9, sxtw #4; add w3, w8, w9, uxth #1; adds x4, x9, x19, sxtx #3; mrs x20, nzcv; subs x5, x8, w12, sxtw; mrs x21, nzcv; add x6, x9, x12, uxtx #0; cmp w9, w19, uxtb")
    add("addsub_ext_sp", "add x0, sp, x1; add x1, sp, w10, uxtw #2; sub x2, sp, #16; sub x1, x1, x0; sub x0, x0, x2; mov x2, #0")
    add("adc_sbc_c0", "adc x0, x8, x9; adcs x1, x2, x1; mrs x20, nzcv; sbc w2, w8, w9; sbcs x3, x3, x1; mrs x21, nzcv; ngc x4, x8; ngcs w5, w11", 0x0)
    add("adc_sbc_c1", "adc x0, x8, x9; adcs x1, x2, x1; mrs x20, nzcv; sbc w2, w8, w9; sbcs x3, x3, x1; mrs x21, nzcv; ngc x4, x8; ngcs w5, w11", 0x20000000)
    for cond_nzcv in (0x0, 0x40000000, 0x90000000, 0x60000000, 0x30000000):
        add("csel_%08x" % cond_nzcv,
            "csel x0, x8, x9, eq; csinc x1, x8, x9, ne; csinv w2, w8, w9, hi; csneg x3, x8, x9, ls; cset x4, ge; csetm w5, lt; cinc x6, x8, gt; cneg x7, x9, le; csel x10, x8, x9, mi; csel x11, x8, x9, vs; csel x12, x8, x9, cs; csel x13, x8, x9, al",
            cond_nzcv)
        add("ccmp_%08x" % cond_nzcv,
            "ccmp x8, x9, #5, eq; mrs x0, nzcv; ccmn w5, w5, #2, ne; mrs x1, nzcv; ccmp x10, #5, #15, pl; mrs x2, nzcv; ccmn x2, #31, #0, cc; mrs x3, nzcv",
            cond_nzcv)
    add("dp1", "rbit x0, x8; rbit w1, w8; rev16 x2, x8; rev32 x3, x8; rev x4, x8; rev w5, w8; rev16 w6, w9; clz x7, x10; clz w10, w0; cls x11, x2; cls w12, w9; clz x13, x0; cls x14, x3")
    add("dp1_zero", "clz x0, xzr; clz w1, wzr; cls x2, xzr; cls w3, wzr; rbit x4, xzr")
    add("dp2_div", "udiv x0, x8, x10; sdiv x1, x9, x10; udiv w2, w9, w11; sdiv w3, w12, w11; udiv x4, x8, xzr; sdiv x5, x3, x2; sdiv w6, w5, w2; sdiv x7, x12, x11")
    add("dp2_shift", "lslv x0, x8, x13; lsrv x1, x9, x14; asrv x2, x9, x12; rorv x3, x8, x10; lslv w4, w8, w14; lsrv w5, w9, w10; asrv w6, w5, w14; rorv w7, w8, w12")
    add("crc32", "crc32b w0, w7, w8; crc32h w1, w7, w8; crc32w w2, w7, w8; crc32x w3, w7, x8; crc32cb w4, w0, w9; crc32ch w5, w1, w9; crc32cw w6, w2, w9; crc32cx w10, w3, x9")
    add("dp3", "madd x0, x8, x9, x10; msub x1, x8, x9, x10; madd w2, w8, w9, w10; smaddl x3, w9, w8, x10; smsubl x4, w12, w8, x1; umaddl x5, w9, w8, x10; umsubl x6, w12, w8, x1; smulh x7, x8, x9; umulh x10, x8, x9; mul x11, x2, x12; mneg w12, w8, w9; smull x13, w12, w9; umull x14, w12, w9")
    add("flagm", "rmif x8, #3, #0xf; mrs x0, nzcv; setf8 w19; mrs x1, nzcv; setf16 w5; mrs x2, nzcv; cfinv; mrs x3, nzcv; rmif x9, #62, #5; mrs x4, nzcv", 0x20000000)
    add("flagm2", "xaflag; mrs x0, nzcv; axflag; mrs x1, nzcv", 0x30000000)
    # branches
    add("branches", "cbz x0, 1f; mov x20, #1; 1: cbnz x0, 2f; mov x21, #2; 2: tbz x8, #4, 3f; mov x22, #3; 3: tbnz x9, #63, 4f; mov x23, #4; 4: b 5f; mov x24, #5; 5: mov x25, #6")
    add("bcond", "cmp x10, x11; b.gt 1f; mov x20, #1; 1: b.le 2f; mov x21, #1; 2: cmp x11, x10; b.hi 3f; mov x22, #1; 3: b.cc 4f; mov x23, #1; 4: nop")
    add("bl_ret", "bl 1f; b 2f; 1: add x0, x0, #7; ret; 2: adr x20, 2b; sub x20, x20, x30; mov x30, xzr")
    add("loop", "mov x0, #0; mov x1, #100; 1: add x0, x0, x1; subs x1, x1, #1; b.ne 1b")
    add("adr", "adr x0, .; adr x1, . + 0x1000; adr x2, . - 0x40; sub x1, x1, x0; sub x2, x0, x2; mov x0, xzr")
    add("sysreg", "msr nzcv, x3; mrs x0, nzcv; mrs x5, tpidr_el0; msr tpidr_el0, x8; mrs x1, tpidr_el0; msr tpidr_el0, x5; mov x5, xzr")
    add("hints", "nop; yield; paciasp; autiasp; bti c; xpaclri; dmb ish; dsb sy; isb; clrex; sevl; mov x0, #1")
    return c

def encodings(asm):
    with tempfile.TemporaryDirectory() as d:
        with open(d + "/a.s", "w") as f:
            f.write(asm.replace(";", "\n") + "\n")
        subprocess.check_call(["aarch64-linux-gnu-as", ARCH, "-o", d + "/a.o", d + "/a.s"])
        subprocess.check_call(["aarch64-linux-gnu-objcopy", "-O", "binary", "-j", ".text", d + "/a.o", d + "/a.bin"])
        data = open(d + "/a.bin", "rb").read()
    return [int.from_bytes(data[i:i+4], "little") for i in range(0, len(data), 4)]

def oracle(cs):
    asm = [".text"]
    for k, (name, body, nzcv) in enumerate(cs):
        asm += [".global run_%d" % k, "run_%d:" % k,
                "stp x29, x30, [sp, #-128]!", "stp x19, x20, [sp, #16]", "stp x21, x22, [sp, #32]",
                "stp x23, x24, [sp, #48]", "stp x25, x26, [sp, #64]", "stp x27, x28, [sp, #80]",
                "str x0, [sp, #96]", "ldr x1, [x0, #248]", "msr nzcv, x1"]
        for r in range(1, 31, 2):
            if r + 1 <= 30:
                asm.append("ldp x%d, x%d, [x0, #%d]" % (r, r + 1, r * 8))
        asm.append("ldr x0, [x0]")
        asm += [l for l in body.split(";")]
        asm += ["str x0, [sp, #104]", "ldr x0, [sp, #96]"]
        for r in range(1, 31, 2):
            asm.append("stp x%d, x%d, [x0, #%d]" % (r, r + 1, r * 8))
        asm += ["mrs x1, nzcv", "str x1, [x0, #248]", "ldr x1, [sp, #104]", "str x1, [x0]",
                "ldp x19, x20, [sp, #16]", "ldp x21, x22, [sp, #32]", "ldp x23, x24, [sp, #48]",
                "ldp x25, x26, [sp, #64]", "ldp x27, x28, [sp, #80]", "ldp x29, x30, [sp], #128", "ret"]
    c = ["#include <stdio.h>", "#include <stdint.h>", "#include <string.h>"]
    for k in range(len(cs)):
        c.append("void run_%d(uint64_t *);" % k)
    c.append("static const uint64_t init[31] = {%s};" % ", ".join("0x%xull" % v for v in INIT))
    c.append("int main(void) { uint64_t s[32];")
    for k, (name, body, nzcv) in enumerate(cs):
        c.append("memcpy(s, init, sizeof init); s[31] = 0x%x; run_%d(s);" % (nzcv, k))
        c.append('for (int i = 0; i < 32; i++) printf("%016llx%c", (unsigned long long)s[i], i == 31 ? 10 : 32);')
    c.append("return 0; }")
    with tempfile.TemporaryDirectory() as d:
        open(d + "/o.S", "w").write("\n".join(asm) + "\n")
        open(d + "/m.c", "w").write("\n".join(c) + "\n")
        subprocess.check_call(["aarch64-linux-gnu-gcc", "-static", "-O1", ARCH, "-o", d + "/o", d + "/m.c", d + "/o.S"])
        out = subprocess.check_output(["qemu-aarch64", "-cpu", "max", d + "/o"]).decode()
    return [[int(x, 16) for x in line.split()] for line in out.strip().split("\n")]

def main():
    cs = cases()
    res = oracle(cs)
    o = ["/* Generated by gen-cpu-core-vectors.py from qemu-aarch64 (-cpu max) runs:",
         " * each snippet starts from core_vector_init and NZCV = nzcv_in. */",
         "static const uint64_t core_vector_init[31] = {"]
    o += ["    0x%016xull," % v for v in INIT]
    o.append("};")
    for k, (name, body, nzcv) in enumerate(cs):
        o.append("static const uint32_t core_vector_%s_insns[] = {" % name)
        for w, line in zip(encodings(body), body.split(";")):
            o.append("    0x%08x, /* %s */" % (w, line.strip()))
        o.append("};")
    o.append("static const struct core_vector core_vectors[] = {")
    for k, (name, body, nzcv) in enumerate(cs):
        r = res[k]
        o.append("    { \"%s\", core_vector_%s_insns, G_N_ELEMENTS(core_vector_%s_insns), 0x%08x," % (name, name, name, nzcv))
        o.append("      { " + ", ".join("0x%xull" % v for v in r[:31]) + " },")
        o.append("      0x%08x }," % r[31])
    o.append("};")
    open(sys.argv[1], "w").write("\n".join(o) + "\n")

if __name__ == "__main__":
    main()
