#!/usr/bin/env python3
"""Regenerate testsuite/unit/test-cpu-simd-vectors.inc (a developer tool;
the build never runs it).

Random encodings of every A64_PATTERN row in the FP/SIMD files (plus extra
samples of the subtle ones) run on the oracle under qemu-aarch64 -cpu max;
its report of what changed becomes the expected values. Usage, from the top
of the source tree:

    aarch64-linux-gnu-gcc -static -O1 -I testsuite/unit -o /tmp/simd-oracle \
        testsuite/unit/test-cpu-simd-oracle.c testsuite/unit/test-cpu-simd-oracle.S
    python3 testsuite/unit/test-cpu-simd-gen.py /tmp/simd-oracle
"""
import glob, os, random, re, subprocess, sys
TOP = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
SRC = os.path.join(TOP, 'cpu') + '/'
ORACLE = ['qemu-aarch64', '-cpu', 'max', sys.argv[1] if len(sys.argv) > 1 else './simd-oracle']
files = sorted(glob.glob(SRC + 'a64-fp*.c') + glob.glob(SRC + 'a64-simd-*.c') + glob.glob(SRC + 'a64-ldst-simd.c'))
files = [f for f in files if not f.endswith('tables.c')]
rows = []
for f in files:
    for m in re.finditer(r'A64_PATTERN\((\w+),\s*"([^"]+)"\)', open(f).read()):
        bits = m.group(2).replace('_', '').replace(' ', '')
        assert len(bits) == 32, (f, m.group(1))
        rows.append((f.split('/')[-1], m.group(1), bits))
# Extra samples where the row is generic but the arithmetic is subtle:
# (row name, pattern with some fields fixed, count).
EXTRA = [
    ('FP_2src', '0001_1110_0t1m_mmmm_%s10nn_nnnd_dddd' % format(op, '04b'), 60)
    for op in range(9)
] + [
    ('FP_3src', '0001_1111_0tpm_mmmm_qaaa_aann_nnnd_dddd', 150),
    ('FP_int_conv', 's001_1110_0t1r_r00o_0000_00nn_nnnd_dddd', 200),
    ('FP_int_conv', 's001_1110_0t10_001o_0000_00nn_nnnd_dddd', 80),
    ('FP_fixed_conv', 's001_1110_0t01_100o_cccc_ccnn_nnnd_dddd', 80),
    ('FRINT', '0001_1110_0t10_01rr_r100_00nn_nnnd_dddd', 100),
    ('FCVT_d_to_s', '0001_1110_0110_0010_0100_00nn_nnnd_dddd', 60),
    ('FCVT_s_to_h', '0001_1110_0010_0011_1100_00nn_nnnd_dddd', 80),
    ('FCVT_d_to_h', '0001_1110_0110_0011_1100_00nn_nnnd_dddd', 80),
    ('FCVTN', '0q00_1110_0010_0001_0110_10nn_nnnd_dddd', 60),
    ('FJCVTZS', '0001_1110_0111_1110_0000_00nn_nnnd_dddd', 120),
    ('FCMLA', '0q10_1110_1z0m_mmmm_110r_r1nn_nnnd_dddd', 120),
    ('FCADD', '0q10_1110_1z0m_mmmm_111r_01nn_nnnd_dddd', 60),
    ('FCMLA_elem', '0110_1111_100k_mmmm_0rr1_h0nn_nnnd_dddd', 60),
    ('FP_2src', '0001_1110_111m_mmmm_oooo_10nn_nnnd_dddd', 200),
    ('FP_3src', '0001_1111_11pm_mmmm_qaaa_aann_nnnd_dddd', 100),
    ('FP_int_conv', 's001_1110_111r_r00o_0000_00nn_nnnd_dddd', 100),
    ('FP16_3same', '0qu0_1110_a10m_mmmm_00oo_o1nn_nnnd_dddd', 200),
    ('FP16_misc', '0qu0_1110_a111_1001_1ooo_10nn_nnnd_dddd', 150),
    ('FMLAL_FMLSL', '0q00_1110_a01m_mmmm_1110_11nn_nnnd_dddd', 80),
    ('FMLAL2_FMLSL2', '0q10_1110_a01m_mmmm_1100_11nn_nnnd_dddd', 80),
    ('FSQRT', '0001_1110_0t10_0001_1100_00nn_nnnd_dddd', 40),
    ('FP_misc', '0qu0_1110_1z10_0001_1101_10nn_nnnd_dddd', 120),
    ('FP_misc', '0qu0_1110_1010_0001_1100_10nn_nnnd_dddd', 60),
    ('FP_3same', '01u0_1110_az1m_mmmm_11oo_o1nn_nnnd_dddd', 300),
]
for name, pat, count in EXTRA:
    rows.append((None, name, pat.replace('_', ''), count))
rows = [r if len(r) == 4 else r + (None,) for r in rows]

FPCRS = [0, 0, 0, 0, 1 << 25, 1 << 24, 1 << 22, 2 << 22, 3 << 22, (1 << 25) | (1 << 24) | (1 << 22), 1 << 26, 1 << 19, (1 << 19) | (2 << 22)]
rnd = random.Random(12345)

def skip(name, insn):
    """Half-precision forms backstep does not implement yet (qemu -cpu max does)."""
    # qemu 7.2 aborts ("code should not be reached") on FCVTXN (scalar)
    # with sz=0, which the architecture leaves unallocated.
    if name == 'FCVTXN_scalar' and not (insn >> 22) & 1:
        return True
    # qemu 7.2 executes the FP16 across-lanes forms (U=0) with sz=1; the
    # architecture has them unallocated (test-cpu-simd.c checks the UNDEF).
    if name in ('FMAXNMV_FMINNMV', 'FMAXV_FMINV') and not (insn >> 29) & 1 and (insn >> 22) & 1:
        return True
    # qemu 7.2 executes scalar FABS/FNEG in half precision (FP16 scalar
    # two-reg misc opcode 01111); the architecture has no such instruction.
    if name == 'FP16_misc_cmp_scalar' and (insn >> 12) & 0x1f == 0x0f:
        return True
    # qemu 7.2 accepts op=1 o2=1 cmode=1111 as FMOV Vd.2D (it only checks
    # o2 && cmode == 15 for FP16); the architecture has it unallocated.
    # test-cpu-simd.c checks the UNDEF against the architecture instead.
    if (insn & 0xbff8fc00) == 0x2f00fc00:
        return True
    return False

cases = []
seed = 1
for fname, name, bits, count in rows:
    free = sum(1 for c in bits if c not in '01')
    n = count or min(150, 20 + 4 * max(0, free - 10))
    for _ in range(n):
        while True:
            insn = 0
            for c in bits:
                insn = insn << 1 | (int(c) if c in '01' else rnd.getrandbits(1))
            if (insn & 0xbe000000) == 0x0c000000 and ((insn >> 5) & 31) == 31:
                continue
            if skip(name, insn):
                continue
            break
        cases.append((name, insn, rnd.choice(FPCRS), seed))
        seed += 1
def run_oracle(lines):
    """Run the oracle over lines; qemu 7.2 sometimes aborts in its FP16
    decoder partway through a long run, so resume after the last line it
    printed, retrying that case alone (and dropping it if it aborts alone)."""
    out = []
    while lines:
        r = subprocess.run(ORACLE,
                           input=''.join(lines), capture_output=True, text=True)
        # qemu's glib assertion prints "Bail out!" on stdout: not a result.
        got = [l for l in r.stdout.splitlines() if l.startswith('    {0x')]
        out += got
        if len(got) == len(lines):
            break
        bad = lines[len(got)]
        r1 = subprocess.run(ORACLE,
                            input=bad, capture_output=True, text=True)
        one = [l for l in r1.stdout.splitlines() if l.startswith('    {0x')]
        out.append(one[0] if one else None)
        lines = lines[len(got) + 1:]
    return out

inp = ['%08x %x %d\n' % (i, f, s) for _, i, f, s in cases]
out = run_oracle(inp)
keep = [k for k, line in enumerate(out) if line is not None]
print('dropped', len(out) - len(keep), 'cases qemu aborts on', file=sys.stderr)
cases = [cases[k] for k in keep]
out = [out[k] for k in keep]
assert len(out) == len(cases), (len(out), len(cases))
with open(os.path.join(TOP, 'testsuite', 'unit', 'test-cpu-simd-vectors.inc'), 'w') as fo:
    fo.write('/* Generated: random encodings of every FP/AdvSIMD pattern row, run on\n'
             ' * qemu-aarch64 -cpu max (the oracle) from the input state that\n'
             ' * test-cpu-simd-gen.h builds from each seed. Each line: insn, fpcr,\n'
             ' * seed, fault (1 SIGILL, 2 SIGSEGV), NZCV, FPSR, changed registers\n'
             ' * (0-31 V, 32-62 X0-X30), changed 8-byte words of memory (at most 10).\n'
             ' * Regenerate with test-cpu-simd-gen.py when the rows change; never edit\n'
             ' * by hand. */\n')
    last = None
    for (name, insn, fpcr, s), line in zip(cases, out):
        if name != last:
            fo.write('    /* %s */\n' % name)
            last = name
        fo.write(line + '\n')
print(len(cases), 'cases', file=sys.stderr)
