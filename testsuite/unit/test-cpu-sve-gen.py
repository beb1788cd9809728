#!/usr/bin/env python3
"""Regenerate testsuite/unit/test-cpu-sve-vectors.inc (a developer tool; the
build never runs it).

Random encodings of every A64_PATTERN row in cpu/sve-*.c and cpu/sve2-*.c,
each at a random vector length, run on the oracle under qemu-aarch64 -cpu
max,sve-max-vq=16; its digest of the result becomes the expected value.
Usage, from the top of the source tree:

    aarch64-linux-gnu-gcc -static -O1 -march=armv8.2-a+sve -I testsuite/unit \\
        -o /tmp/sve-oracle testsuite/unit/test-cpu-sve-oracle.c \\
        testsuite/unit/test-cpu-sve-oracle.S
    python3 testsuite/unit/test-cpu-sve-gen.py /tmp/sve-oracle

Row names tell how addresses are prepared: memory rows end in _si/_ss
(scalar base), _vb/_vb32 (vector base), _vo (scalar base, vector offsets),
_vo64 (the same with small 64-bit offsets). Each row draws its cases from
its own random stream (seeded by the row), so adding rows leaves the
others' cases unchanged.
"""
import glob, os, random, re, subprocess, sys, zlib
TOP = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
ORACLE = ['qemu-aarch64', '-cpu', 'max,sve-max-vq=16',
          sys.argv[1] if len(sys.argv) > 1 else './sve-oracle']
files = sorted(glob.glob(os.path.join(TOP, 'cpu', 'sve-*.c')) +
               glob.glob(os.path.join(TOP, 'cpu', 'sve2-*.c')))
files = [f for f in files if not f.endswith('tables.c')]
rows = []
for f in files:
    for m in re.finditer(r'A64_PATTERN\((\w+),\s*"([^"]+)"\)', open(f).read()):
        bits = m.group(2).replace('_', '').replace(' ', '')
        assert len(bits) == 32, (f, m.group(1))
        rows.append((m.group(1), bits))

VLS = [16, 32, 48, 64, 80, 128, 256]
FPCRS = [0, 0, 0, 0, 1 << 25, 1 << 24, 1 << 22, 2 << 22, 3 << 22]
rnd = random.Random(2024)

def modes(name):
    if name.endswith('_vo64'):
        return [6]
    if name.endswith('_vb'):
        return [4]
    if name.endswith('_vb32'):
        return [5]
    if name.endswith('_vo'):
        return [3]
    if name.endswith('_si') or name.endswith('_ss'):
        return [1, 1, 1, 2]
    return [0]

# First-fault and non-fault loads: where an element's access is not
# required the architecture lets the implementation stop early (clearing
# FFR from there, the rest UNKNOWN), and qemu 7.2 stops in places that
# depend on its own page probing, so its results are not a reference.
# test-cpu-sve.c checks them against the architecture instead.
SKIP = {'LDNF1_si', 'LDFF1_ss'}
# Rows where Rn = 31 is SP.
SP_ROWS = {'DUP_r', 'CPY_r'}

cases = []
seed = 1
for name, bits in rows:
    if name in SKIP:
        continue
    rnd = random.Random(name + bits)
    seed = zlib.crc32((name + bits).encode()) * 1000
    free = sum(1 for c in bits if c not in '01')
    n = min(120, 24 + 6 * max(0, free - 10))
    if name.startswith(('FP', 'FM', 'FC', 'FR', 'FT', 'FE', 'FA', 'CVTF')):
        n = max(n, 80)
    for _ in range(n):
        mode = rnd.choice(modes(name))
        while True:
            insn = 0
            for c in bits:
                insn = insn << 1 | (int(c) if c in '01' else rnd.getrandbits(1))
            # sp-based forms are tested by hand (the oracle runs with sp
            # pointing at its own buffer).
            if (mode in (1, 2, 3, 4, 5, 6) or name in SP_ROWS) and (insn >> 5) & 31 == 31:
                continue
            # qemu 7.2 makes SVE2's WHILEHS/WHILEGE... all true where the
            # decremented first operand passes below the second (the
            # pseudocode's operands are unbounded integers, so the low
            # elements are false); test-cpu-sve.c checks those.
            if name == 'WHILE' and not (insn >> 10) & 1:
                continue
            # First-fault gathers: qemu 7.2 stops at an element that
            # crosses a page (without clearing FFR); test-cpu-sve.c checks
            # them. BFCVT (BF16) is not implemented.
            if name.startswith('LD_g') and (insn >> 13) & 1:
                continue
            if name == 'FCVT' and (insn >> 22) & 3 == 2 and (insn >> 16) & 3 == 2:
                continue
            if name.startswith(('ADDVL', 'ADDPL')) and ((insn >> 16) & 31 == 31 or insn & 31 == 31):
                continue
            break
        vl = rnd.choice(VLS)
        # qemu 7.2's UZP1/UZP2 of predicates is wrong in the top elements
        # when the vector length is not a power of two.
        if name == 'PERM_p' and (insn >> 10) & 6 == 2 and vl & (vl - 1):
            vl = 64
        cases.append((name, insn, vl, mode, rnd.choice(FPCRS), seed))
        seed += 1

def run_oracle(lines):
    """Run the oracle over lines; qemu 7.2 aborts on a few encodings
    ("code should not be reached"), so resume after the last line it
    printed and drop the case it died on."""
    out = []
    while lines:
        r = subprocess.run(ORACLE, input=''.join(lines), capture_output=True,
                           text=True)
        got = [l for l in r.stdout.splitlines() if l.startswith('    {0x')]
        out += got
        if len(got) == len(lines):
            break
        print('qemu died on', lines[len(got)].strip(), file=sys.stderr)
        out.append(None)
        lines = lines[len(got) + 1:]
    return out

inp = ['%08x %d %d %x %d\n' % (i, vl, m, f, s) for _, i, vl, m, f, s in cases]
out = run_oracle(inp)
keep = [k for k, line in enumerate(out) if line is not None]
cases = [cases[k] for k in keep]
out = [out[k] for k in keep]
assert len(out) == len(cases)
with open(os.path.join(TOP, 'testsuite', 'unit', 'test-cpu-sve-vectors.inc'), 'w') as fo:
    fo.write('/* Generated by test-cpu-sve-gen.py: random encodings of every SVE\n'
             ' * pattern row, run on qemu-aarch64 -cpu max,sve-max-vq=16 (the\n'
             ' * oracle) from the state test-cpu-sve-gen.h builds from each seed.\n'
             ' * Each line: insn, VL bytes, address mode, fpcr, seed, fault (1\n'
             ' * SIGILL, 2 SIGSEGV), NZCV, FPSR, digest of the final state. Never\n'
             ' * edit by hand. */\n')
    last = None
    for (name, *_), line in zip(cases, out):
        if name != last:
            fo.write('    /* %s */\n' % name)
            last = name
        fo.write(line + '\n')
print(len(cases), 'cases', file=sys.stderr)
