# testsuite/difftest/: the differential CPU tester (backstep against
# qemu-aarch64). See doc/difftest.md.
#
# The generator and driver are host programs; the harness is a static
# AArch64 guest program built with the cross compiler, like the guest
# programs of the DejaGnu suites.

DIFFTEST_DEFINES = \
	-DDT_DEFAULT_BACKSTEP='"$(abs_top_builddir)/backstep"' \
	-DDT_DEFAULT_HARNESS='"$(abs_top_builddir)/testsuite/difftest/harness"' \
	-DDT_DEFAULT_QEMU='"$(QEMU_AARCH64)"'

noinst_LIBRARIES += testsuite/difftest/libdifftest.a
testsuite_difftest_libdifftest_a_CPPFLAGS = $(AM_CPPFLAGS) $(DIFFTEST_DEFINES)
testsuite_difftest_libdifftest_a_SOURCES = \
	testsuite/difftest/dt-format.h testsuite/difftest/rng.h \
	testsuite/difftest/values.h testsuite/difftest/values.c \
	testsuite/difftest/gen.h testsuite/difftest/gen.c \
	testsuite/difftest/gen-int.c testsuite/difftest/gen-ldst.c \
	testsuite/difftest/gen-fp.c testsuite/difftest/gen-simd.c \
	testsuite/difftest/gen-sve.c testsuite/difftest/gen-sve-ldst.c \
	testsuite/difftest/gen-sve2.c \
	testsuite/difftest/sve-unpredictable.h \
	testsuite/difftest/sve-unpredictable.c \
	testsuite/difftest/qemu-known-sve.h \
	testsuite/difftest/qemu-known-sve.c \
	testsuite/difftest/run.h testsuite/difftest/run.c \
	testsuite/difftest/qemu-known.h testsuite/difftest/qemu-known.c \
	testsuite/difftest/campaign.h testsuite/difftest/campaign.c

DIFFTEST_LDADD = testsuite/difftest/libdifftest.a $(GLIB_LIBS)

check_PROGRAMS += testsuite/difftest/difftest testsuite/difftest/check-difftest
testsuite_difftest_difftest_CPPFLAGS = $(AM_CPPFLAGS) $(DIFFTEST_DEFINES)
testsuite_difftest_difftest_SOURCES = testsuite/difftest/difftest.c
testsuite_difftest_difftest_LDADD = $(DIFFTEST_LDADD)
testsuite_difftest_check_difftest_CPPFLAGS = $(AM_CPPFLAGS) $(DIFFTEST_DEFINES)
testsuite_difftest_check_difftest_SOURCES = testsuite/difftest/check-difftest.c
testsuite_difftest_check_difftest_LDADD = $(DIFFTEST_LDADD)

# The guest half.
DIFFTEST_HARNESS_SRCS = \
	$(srcdir)/testsuite/difftest/harness.c \
	$(srcdir)/testsuite/difftest/harness.S
EXTRA_DIST += testsuite/difftest/harness.c testsuite/difftest/harness.S \
	doc/difftest.md
CLEANFILES += testsuite/difftest/harness

testsuite/difftest/harness: $(DIFFTEST_HARNESS_SRCS) \
		$(srcdir)/testsuite/difftest/dt-format.h
	@$(MKDIR_P) testsuite/difftest
	$(GUEST_CC_V)$(CROSS_CC) -static -O2 -Wall -Wextra \
	  -I$(srcdir)/testsuite/difftest -o $@ $(DIFFTEST_HARNESS_SRCS)

if HAVE_CROSS_CC
check_DATA += testsuite/difftest/harness
TESTS += testsuite/difftest/check-difftest
endif

# The long campaign: make check-isa [DIFFTEST_COUNT=N] [DIFFTEST_SEED=S]
DIFFTEST_COUNT = 5000
DIFFTEST_SEED = 1
DIFFTEST_SVE_VLS = 128,256,384,512,1024,2048
.PHONY: check-isa
check-isa: backstep testsuite/difftest/difftest testsuite/difftest/harness
	./testsuite/difftest/difftest --seed $(DIFFTEST_SEED) \
	  --count $(DIFFTEST_COUNT) --sve-vl $(DIFFTEST_SVE_VLS)
