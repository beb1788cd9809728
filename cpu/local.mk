# cpu/: the Arm core. Owned files are listed here; keep them grouped by the
# architecture's encoding classes (a64-dp-imm.c, a64-ldst.c, a64-simd-*.c ...).
noinst_LIBRARIES += libcpu.a
libcpu_a_SOURCES = \
	cpu/cpu.h cpu/mem.h cpu/a64.h cpu/cpu-internal.h \
	cpu/cpu.c \
	cpu/decode.c \
	cpu/run.c \
	cpu/mem-access.c \
	cpu/fastop.h cpu/fastop.c cpu/fastop-sve.c cpu/fastop-extra.c cpu/fastop-fwd.c \
	cpu/debug.c \
	cpu/sysreg.c \
	cpu/a64-dp-imm.c \
	cpu/a64-dp-reg.c \
	cpu/a64-branch-sys.c \
	cpu/a64-ldst.c \
	cpu/a64-ldst-excl.c \
	cpu/mte.h cpu/a64-mte.c

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
	testsuite/unit/test-cpu-simd-oracle.c testsuite/unit/test-cpu-simd-oracle.S \
	testsuite/unit/oracle-stub.inc

# SM3/SM4 and BFloat16 (owned by the isa helper), with their unit tests:
# directed cases, the published SM3/SM4 vectors and qemu-aarch64's results.
libcpu_a_SOURCES += cpu/a64-simd-sm.c cpu/a64-simd-bf16.c
check_PROGRAMS += testsuite/unit/test-cpu-sm-bf16
TESTS += testsuite/unit/test-cpu-sm-bf16
testsuite_unit_test_cpu_sm_bf16_SOURCES = testsuite/unit/test-cpu-sm-bf16.c \
	$(SIMD_TEST_LIB)
testsuite_unit_test_cpu_sm_bf16_LDADD = libcpu.a $(GLIB_LIBS) -lm
# The run loop's fast operations (cpu/fastop.c), edge cases.
check_PROGRAMS += testsuite/unit/test-cpu-fastop
TESTS += testsuite/unit/test-cpu-fastop
testsuite_unit_test_cpu_fastop_SOURCES = testsuite/unit/test-cpu-fastop.c \
	testsuite/unit/cpu-core-harness.c testsuite/unit/cpu-core-harness.h
testsuite_unit_test_cpu_fastop_LDADD = libcpu.a $(GLIB_LIBS) -lm

# Pointer authentication (owned by the pauth helper): the QARMA ciphers
# and AddPAC/Auth/Strip (pauth.c), the instructions (a64-pauth.c). Unit
# tests: the QARMA paper's vectors, round trips, every instruction through
# cpu_run, and (test-user-pauth) a guest compared with qemu-aarch64 on the
# key-independent results.
libcpu_a_SOURCES += cpu/pauth.h cpu/pauth.c cpu/a64-pauth.c
check_PROGRAMS += testsuite/unit/test-cpu-pauth testsuite/unit/test-user-pauth
TESTS += testsuite/unit/test-cpu-pauth testsuite/unit/test-user-pauth
testsuite_unit_test_cpu_pauth_SOURCES = testsuite/unit/test-cpu-pauth.c \
	testsuite/unit/cpu-core-harness.c testsuite/unit/cpu-core-harness.h
testsuite_unit_test_cpu_pauth_LDADD = libcpu.a $(GLIB_LIBS) -lm
testsuite_unit_test_user_pauth_SOURCES = testsuite/unit/test-user-pauth.c \
	testsuite/unit/guest-harness.c testsuite/unit/guest-harness.h
testsuite_unit_test_user_pauth_LDADD = libuser.a libhw.a libcpu.a $(GLIB_LIBS) -lm
EXTRA_DIST += testsuite/unit/data/pauth-guest.c
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
	cpu/sve-int-logic.c cpu/sve-int-cmp.c cpu/sve-reduce.c cpu/sve-perm.c \
	cpu/sve-gather.c cpu/sve-fp-helpers.c cpu/sve-fp-arith.c cpu/sve-fp-elem.c \
	cpu/sve-fp-unary.c cpu/sve-fp-cmp.c cpu/sve-int-dot.c cpu/sve2-misc.c
check_PROGRAMS += testsuite/unit/test-cpu-sve-vectors
TESTS += testsuite/unit/test-cpu-sve-vectors
testsuite_unit_test_cpu_sve_vectors_SOURCES = \
	testsuite/unit/test-cpu-sve-vectors.c \
	testsuite/unit/test-cpu-sve-vectors.inc testsuite/unit/test-cpu-sve-gen.h
testsuite_unit_test_cpu_sve_vectors_LDADD = libcpu.a $(GLIB_LIBS) -lm
check_PROGRAMS += testsuite/unit/test-cpu-sve
TESTS += testsuite/unit/test-cpu-sve
testsuite_unit_test_cpu_sve_SOURCES = testsuite/unit/test-cpu-sve.c \
	testsuite/unit/cpu-core-harness.c testsuite/unit/cpu-core-harness.h
testsuite_unit_test_cpu_sve_LDADD = libcpu.a $(GLIB_LIBS) -lm
EXTRA_DIST += testsuite/unit/test-cpu-sve-gen.py \
	testsuite/unit/test-cpu-sve-oracle.c testsuite/unit/test-cpu-sve-oracle.S

# The pac-ret guest program and its DejaGnu suite (gdb-pauth.exp); the
# guest rule mirrors testsuite/local.mk's with the PAuth flags.
EXTRA_DIST += testsuite/guest/pauth.c testsuite/backstep.gdb/gdb-pauth.exp \
	testsuite/backstep.lldb/lldb-pauth-mte.exp
PAUTH_GUEST = testsuite/guest/pauth
CLEANFILES += $(PAUTH_GUEST)
if HAVE_CROSS_CC
check_DATA += $(PAUTH_GUEST)
endif
guest-programs: $(PAUTH_GUEST)
testsuite/guest/pauth: $(srcdir)/testsuite/guest/pauth.c
	@$(MKDIR_P) testsuite/guest
	$(GUEST_CC_V)$(CROSS_CC) -static -g -Wall -Wextra -O0 -march=armv8.3-a \
		-mbranch-protection=pac-ret -o $@ $(srcdir)/testsuite/guest/pauth.c

# Time travel (owned by the timeline helper): CPU state copies and the
# debugger-visible register set (cpu/snapshot.h).
libcpu_a_SOURCES += cpu/snapshot.h cpu/snapshot.c
# Memory tagging (owned by the mte helper): the instructions and tag checks
# on a small machine with tagged pages.
check_PROGRAMS += testsuite/unit/test-cpu-mte
TESTS += testsuite/unit/test-cpu-mte
testsuite_unit_test_cpu_mte_SOURCES = testsuite/unit/test-cpu-mte.c
testsuite_unit_test_cpu_mte_LDADD = libcpu.a $(GLIB_LIBS) -lm

# The fast paths of FP/SIMD execution (cpu/fastop.c, cpu/fpu.h) against
# the handlers and the exact FP path they shortcut.
check_PROGRAMS += testsuite/unit/test-cpu-fastpath
TESTS += testsuite/unit/test-cpu-fastpath
testsuite_unit_test_cpu_fastpath_SOURCES = testsuite/unit/test-cpu-fastpath.c \
	testsuite/unit/cpu-core-harness.c testsuite/unit/cpu-core-harness.h
testsuite_unit_test_cpu_fastpath_LDADD = libcpu.a $(GLIB_LIBS) -lm

# SVE2 integer arithmetic (owned by the sve2int helper): predicated,
# widening, accumulate and narrowing groups; directed unit tests at
# several vector lengths.
libcpu_a_SOURCES += cpu/sve2-int-helpers.h cpu/sve2-int-pred.c \
	cpu/sve2-int-widen.c cpu/sve2-int-acc.c cpu/sve2-int-narrow.c
check_PROGRAMS += testsuite/unit/test-cpu-sve2-int
TESTS += testsuite/unit/test-cpu-sve2-int
testsuite_unit_test_cpu_sve2_int_SOURCES = testsuite/unit/test-cpu-sve2-int.c \
	testsuite/unit/cpu-core-harness.c testsuite/unit/cpu-core-harness.h
testsuite_unit_test_cpu_sve2_int_LDADD = libcpu.a $(GLIB_LIBS) -lm

# SVE2 multiplies, complex integer, FP, BF16, I8MM, crypto, permutes and
# non-temporal gathers (owned by the sve2mul helper); directed unit tests
# at several vector lengths.
libcpu_a_SOURCES += cpu/sve2-mul.h cpu/sve2-mul.c cpu/sve2-mul-idx.c \
	cpu/sve2-cplx.c cpu/sve2-fp.c cpu/sve2-bf16.c cpu/sve2-i8mm.c \
	cpu/sve2-crypto.c cpu/sve2-perm.c cpu/sve2-mem.c \
	cpu/sve2-segment.h cpu/sve2-segment.c
check_PROGRAMS += testsuite/unit/test-cpu-sve2-mul
TESTS += testsuite/unit/test-cpu-sve2-mul
testsuite_unit_test_cpu_sve2_mul_SOURCES = testsuite/unit/test-cpu-sve2-mul.c \
	testsuite/unit/cpu-core-harness.c testsuite/unit/cpu-core-harness.h
testsuite_unit_test_cpu_sve2_mul_LDADD = libcpu.a $(GLIB_LIBS) -lm
