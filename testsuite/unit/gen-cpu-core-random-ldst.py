#!/usr/bin/env python3
"""Generate testsuite/unit/test-cpu-core-random-ldst.h: random general-
register load/store encodings (unsigned offset, unscaled, pre/post-index,
unprivileged, register offset, pairs) with base x1 in the middle of a 64 KiB
buffer, each run once under qemu-aarch64 (the oracle). Recorded per case:
Rt and Rt2 afterwards, x1 afterwards (as an offset into the buffer) and an
FNV-1a hash of the buffer. Development-time tool, not run by the build.

usage: gen-cpu-core-random-ldst.py OUT.h [COUNT] [SEED]"""
import random, re, subprocess, sys, tempfile

BUF = 65536
INIT = [0x0, 0x1, 0xffffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff,
        0x80000000, 0x7fffffff, 0xffffffff, 0x123456789abcdef0, 0xfedcba9876543210,
        5, 3, 0xfffffffffffffffb, 64, 33, 0x0000ffff0000ffff,
        0xff, 0x8000000080000000, 0x100000001, 0xdeadbeefcafebabe,
        0x0f0f0f0f0f0f0f0f, 0x4000000000000000, 0xfffffffffffffff0, 0xffff0000,
        0x5555555555555555, 0xaaaaaaaaaaaaaaaa, 0x0123456789abcdef, 0x13, 0x1f, 0x3f, 0x7]
SMALL = [10, 11, 12, 13, 14, 27, 28, 29, 30, 0]  # registers holding small offsets

def gen(rng):
    kind = rng.choice(["uimm", "imm9", "reg", "pair"])
    rt = rng.choice([r for r in range(32) if r != 1])
    if kind == "uimm":
        size, opc = rng.randrange(4), rng.randrange(4)
        imm12 = rng.randrange(4096) if rng.random() < 0.3 else rng.randrange(64)
        return (size << 30) | (0b111 << 27) | (0b01 << 24) | (opc << 22) | (imm12 << 10) | (1 << 5) | rt
    if kind == "imm9":
        size, opc, mode = rng.randrange(4), rng.randrange(4), rng.randrange(4)
        imm9 = rng.randrange(512)
        return (size << 30) | (0b111 << 27) | (opc << 22) | (imm9 << 12) | (mode << 10) | (1 << 5) | rt
    if kind == "reg":
        size, opc = rng.randrange(4), rng.randrange(4)
        option = rng.choice([2, 3, 6, 7])
        s = rng.randrange(2)
        rm = rng.choice([r for r in SMALL if not (r == 12 and option == 2)])
        return (size << 30) | (0b111 << 27) | (opc << 22) | (1 << 21) | (rm << 16) | (option << 13) | (s << 12) | (0b10 << 10) | (1 << 5) | rt
    opc, mode, l = rng.choice([0, 1, 2]), rng.randrange(4), rng.randrange(2)
    rt2 = rng.choice([r for r in range(32) if r not in (1, rt)])
    imm7 = rng.randrange(128)
    return (opc << 30) | (0b101 << 27) | (mode << 23) | (l << 22) | (imm7 << 15) | (rt2 << 10) | (1 << 5) | rt

def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 600
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 4321)
    cand = [gen(rng) for _ in range(count * 3)]
    with tempfile.TemporaryDirectory() as d:
        open(d + "/a.s", "w").write("".join(".inst 0x%08x\n" % w for w in cand))
        subprocess.check_call(["aarch64-linux-gnu-as", "-o", d + "/a.o", d + "/a.s"])
        dis = subprocess.check_output(["aarch64-linux-gnu-objdump", "-d", d + "/a.o"]).decode()
    picked = []
    for line in dis.splitlines():
        m = re.match(r"\s*[0-9a-f]+:\s+([0-9a-f]{8})\s+(.*)", line)
        if not m:
            continue
        w, text = int(m.group(1), 16), m.group(2).replace("\t", " ")
        if "undefined" in text or ".inst" in text or "prf" in text or "stg" in text or "ldraa" in text or "ldrab" in text:
            continue
        picked.append((w, text))
        if len(picked) == count:
            break
    asm = [".text"]
    for k, (w, text) in enumerate(picked):
        asm += [".global run_%d" % k, "run_%d:" % k,
                "stp x29, x30, [sp, #-128]!", "stp x19, x20, [sp, #16]", "stp x21, x22, [sp, #32]",
                "stp x23, x24, [sp, #48]", "stp x25, x26, [sp, #64]", "stp x27, x28, [sp, #80]",
                "str x0, [sp, #96]"]
        for r in range(1, 31, 2):
            asm.append("ldp x%d, x%d, [x0, #%d]" % (r, r + 1, r * 8))
        asm += ["ldr x0, [x0]", ".inst 0x%08x" % w, "str x0, [sp, #104]", "ldr x0, [sp, #96]"]
        for r in range(1, 31, 2):
            asm.append("stp x%d, x%d, [x0, #%d]" % (r, r + 1, r * 8))
        asm += ["ldr x1, [sp, #104]", "str x1, [x0]",
                "ldp x19, x20, [sp, #16]", "ldp x21, x22, [sp, #32]", "ldp x23, x24, [sp, #48]",
                "ldp x25, x26, [sp, #64]", "ldp x27, x28, [sp, #80]", "ldp x29, x30, [sp], #128", "ret"]
    c = ["#include <stdio.h>", "#include <stdint.h>", "#include <string.h>",
         "static uint8_t buf[%d] __attribute__((aligned(4096)));" % BUF]
    for k in range(len(picked)):
        c.append("void run_%d(uint64_t *);" % k)
    c.append("static const uint64_t init[31] = {%s};" % ", ".join("0x%xull" % v for v in INIT))
    c.append("static uint64_t fnv(void) { uint64_t h = 0xcbf29ce484222325ull; for (int i = 0; i < %d; i++) { h ^= buf[i]; h *= 0x100000001b3ull; } return h; }" % BUF)
    c.append("int main(void) { uint64_t s[32];")
    for k in range(len(picked)):
        c.append("for (int i = 0; i < %d; i++) buf[i] = (uint8_t)(i * 131 + 7);" % BUF)
        c.append("memcpy(s, init, sizeof init); s[1] = (uint64_t)buf + %d; run_%d(s);" % (BUF // 2, k))
        c.append('for (int i = 0; i < 31; i++) printf("%016llx ", (unsigned long long)s[i]); printf("%016llx %016llx\\n", (unsigned long long)(s[1] - (uint64_t)buf), (unsigned long long)fnv());')
    c.append("return 0; }")
    with tempfile.TemporaryDirectory() as d:
        open(d + "/o.S", "w").write("\n".join(asm) + "\n")
        open(d + "/m.c", "w").write("\n".join(c) + "\n")
        subprocess.check_call(["aarch64-linux-gnu-gcc", "-static", "-O1", "-o", d + "/o", d + "/m.c", d + "/o.S"])
        res = subprocess.check_output(["qemu-aarch64", d + "/o"]).decode().strip().split("\n")
    o = ["/* Generated by gen-cpu-core-random-ldst.py from qemu-aarch64 runs:",
         " * { encoding, Rt after, Rt2 after, x1 after as a buffer offset, FNV-1a",
         " * hash of the 64 KiB buffer after }. x1 starts at the buffer's middle,",
         " * the others at core_random_ldst_init; buffer byte i = i * 131 + 7. */",
         "static const uint64_t core_random_ldst_init[31] = {"]
    o += ["    0x%016xull," % v for v in INIT]
    o += ["};", "static const struct core_random_ldst_case core_random_ldst_cases[] = {"]
    for (w, text), line in zip(picked, res):
        v = [int(x, 16) for x in line.split()]
        rt, rt2 = w & 31, (w >> 10) & 31
        pair = ((w >> 27) & 7) == 0b101
        rtv = v[rt] if rt != 31 else 0
        rt2v = v[rt2] if (pair and rt2 != 31) else 0
        o.append("    { 0x%08x, 0x%016xull, 0x%016xull, 0x%x, 0x%016xull }, /* %s */" % (w, rtv, rt2v, v[31], v[32], text))
    o.append("};")
    open(out, "w").write("\n".join(o) + "\n")

if __name__ == "__main__":
    main()
