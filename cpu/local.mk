# cpu/: the Arm core. Owned files are listed here; keep them grouped by the
# architecture's encoding classes (a64-dp-imm.c, a64-ldst.c, a64-simd-*.c ...).
noinst_LIBRARIES += libcpu.a
libcpu_a_SOURCES = \
	cpu/cpu.h cpu/mem.h cpu/a64.h cpu/cpu-internal.h \
	cpu/cpu.c \
	cpu/decode.c \
	cpu/run.c \
	cpu/mem-access.c \
	cpu/fastop.h cpu/fastop.c \
	cpu/debug.c \
	cpu/sysreg.c \
	cpu/a64-dp-imm.c \
	cpu/a64-dp-reg.c \
	cpu/a64-branch-sys.c \
	cpu/a64-ldst.c \
	cpu/a64-ldst-excl.c

# Unit tests of the integer core: a flat-memory harness runs hand-assembled
# code through cpu_run.
check_PROGRAMS += testsuite/unit/test-cpu-core testsuite/unit/test-cpu-core-ldst \
	testsuite/unit/test-cpu-core-debug
TESTS += testsuite/unit/test-cpu-core testsuite/unit/test-cpu-core-ldst \
	testsuite/unit/test-cpu-core-debug
testsuite_unit_test_cpu_core_SOURCES = testsuite/unit/test-cpu-core.c \
	testsuite/unit/test-cpu-core-vectors.h testsuite/unit/test-cpu-core-random.h \
	testsuite/unit/cpu-core-harness.c testsuite/unit/cpu-core-harness.h
testsuite_unit_test_cpu_core_LDADD = libcpu.a $(GLIB_LIBS) -lm
testsuite_unit_test_cpu_core_ldst_SOURCES = testsuite/unit/test-cpu-core-ldst.c \
	testsuite/unit/test-cpu-core-random-ldst.h \
	testsuite/unit/cpu-core-harness.c testsuite/unit/cpu-core-harness.h
testsuite_unit_test_cpu_core_ldst_LDADD = libcpu.a $(GLIB_LIBS) -lm
testsuite_unit_test_cpu_core_debug_SOURCES = testsuite/unit/test-cpu-core-debug.c \
	testsuite/unit/cpu-core-harness.c testsuite/unit/cpu-core-harness.h
testsuite_unit_test_cpu_core_debug_LDADD = libcpu.a $(GLIB_LIBS) -lm
# The decoder alone, with made-up tables.
check_PROGRAMS += testsuite/unit/test-cpu-core-decode
TESTS += testsuite/unit/test-cpu-core-decode
testsuite_unit_test_cpu_core_decode_SOURCES = testsuite/unit/test-cpu-core-decode.c \
	cpu/decode.c
testsuite_unit_test_cpu_core_decode_LDADD = $(GLIB_LIBS)
# Development tools that regenerated the qemu-derived test vectors.
EXTRA_DIST += testsuite/unit/gen-cpu-core-vectors.py \
	testsuite/unit/gen-cpu-core-random.py testsuite/unit/gen-cpu-core-random-ldst.py

# FP and AdvSIMD (owned by the FP/SIMD files' author).
libcpu_a_SOURCES += cpu/a64-fp-simd-tables.c cpu/a64-simd-common.h \
	cpu/fpu.c cpu/fpu.h cpu/fpu-template.h cpu/fpu-internal.h \
	cpu/fpu-half.c cpu/fpu-estimate.c \
	cpu/a64-fp.c cpu/a64-fp-conv.c \
	cpu/a64-simd-modimm.c cpu/a64-simd-copy.c cpu/a64-simd-perm.c \
	cpu/a64-simd-3same.c cpu/a64-simd-misc.c cpu/a64-simd-across.c \
	cpu/a64-simd-shift.c cpu/a64-simd-3diff.c cpu/a64-ldst-simd.c \
	cpu/a64-simd-fp-ops.h cpu/a64-simd-3same-fp.c cpu/a64-simd-misc-fp.c \
	cpu/a64-simd-elem.c cpu/a64-simd-3same-extra.c cpu/a64-simd-crypto.c

# Unit tests: directed cases (test-cpu-fp, test-cpu-simd) and every pattern
# row against qemu-aarch64's results (test-cpu-simd-vectors; its data is
# regenerated with test-cpu-simd-gen.py and the oracle, which make never
# builds).
SIMD_TEST_LIB = testsuite/unit/test-cpu-simd-lib.c \
	testsuite/unit/test-cpu-simd-lib.h testsuite/unit/test-cpu-simd-gen.h
check_PROGRAMS += testsuite/unit/test-cpu-fp testsuite/unit/test-cpu-simd \
	testsuite/unit/test-cpu-simd-vectors
TESTS += testsuite/unit/test-cpu-fp testsuite/unit/test-cpu-simd \
	testsuite/unit/test-cpu-simd-vectors
testsuite_unit_test_cpu_fp_SOURCES = testsuite/unit/test-cpu-fp.c $(SIMD_TEST_LIB)
testsuite_unit_test_cpu_fp_LDADD = libcpu.a $(GLIB_LIBS) -lm
testsuite_unit_test_cpu_simd_SOURCES = testsuite/unit/test-cpu-simd.c $(SIMD_TEST_LIB)
testsuite_unit_test_cpu_simd_LDADD = libcpu.a $(GLIB_LIBS) -lm
testsuite_unit_test_cpu_simd_vectors_SOURCES = \
	testsuite/unit/test-cpu-simd-vectors.c \
	testsuite/unit/test-cpu-simd-vectors.inc $(SIMD_TEST_LIB)
testsuite_unit_test_cpu_simd_vectors_LDADD = libcpu.a $(GLIB_LIBS) -lm
EXTRA_DIST += testsuite/unit/test-cpu-simd-gen.py \
	testsuite/unit/test-cpu-simd-oracle.c testsuite/unit/test-cpu-simd-oracle.S

# The run loop's fast operations (cpu/fastop.c), edge cases.
check_PROGRAMS += testsuite/unit/test-cpu-fastop
TESTS += testsuite/unit/test-cpu-fastop
testsuite_unit_test_cpu_fastop_SOURCES = testsuite/unit/test-cpu-fastop.c \
	testsuite/unit/cpu-core-harness.c testsuite/unit/cpu-core-harness.h
testsuite_unit_test_cpu_fastop_LDADD = libcpu.a $(GLIB_LIBS) -lm

# The pauth target-description feature and its register mapping.
check_PROGRAMS += testsuite/unit/test-tdesc-pauth
TESTS += testsuite/unit/test-tdesc-pauth
testsuite_unit_test_tdesc_pauth_SOURCES = testsuite/unit/test-tdesc-pauth.c \
	server/gdb-regs.h server/gdb-regs.c
testsuite_unit_test_tdesc_pauth_LDADD = libxmlfeatures.a libcpu.a \
	$(GLIB_LIBS) $(EXPAT_LIBS) -lm

# SVE and SVE2 (owned by the sve helper): one file per encoding class,
# shared helpers in cpu/sve.h, the table list in cpu/sve-tables.c. Unit
# tests: test-cpu-sve-vectors (every row against qemu-aarch64's results at
# several vector lengths; regenerated with test-cpu-sve-gen.py and the
# oracle, which make never builds) and test-cpu-sve (directed cases).
libcpu_a_SOURCES += cpu/sve.h cpu/sve-tables.c \
	cpu/sve-pred.c cpu/sve-misc.c cpu/sve-ldst.c cpu/sve-int-arith.c \
	cpu/sve-int-logic.c cpu/sve-int-cmp.c cpu/sve-reduce.c cpu/sve-perm.c
check_PROGRAMS += testsuite/unit/test-cpu-sve-vectors
TESTS += testsuite/unit/test-cpu-sve-vectors
testsuite_unit_test_cpu_sve_vectors_SOURCES = \
	testsuite/unit/test-cpu-sve-vectors.c \
	testsuite/unit/test-cpu-sve-vectors.inc testsuite/unit/test-cpu-sve-gen.h
testsuite_unit_test_cpu_sve_vectors_LDADD = libcpu.a $(GLIB_LIBS) -lm
check_PROGRAMS += testsuite/unit/test-cpu-sve
