# testsuite/programs/: compiled C programs (integer corner cases, 128-bit
# integers, bitfields, switch tables, setjmp, varargs, structures, FP
# printing, libm, fenv, conversions, string functions, sorting, malloc,
# vectorised loops, atomics, an interpreter, CRC/SHA, crypto and the newer
# SIMD extensions) run on backstep and on qemu-aarch64 -cpu max; their
# standard output and exit status must match. run-programs.sh prints one
# TAP test point per program per flag set.
#
# Each program is built five ways (check_DATA, so they build in parallel
# and once): -O0, -O2, -O3 for armv8.5-a, "ext": -O2 for
# armv8.2-a+fp16+dotprod+i8mm+bf16, and "sve": -O3 for armv8.2-a+sve
# (vectorised with SVE; glibc picks its SVE routines too).

PROGRAMS_NAMES = int-arith int128 bitfields switch setjmp varargs structs \
	float-print libm fenv conversions string sort malloc vector atomics \
	interp crc-sha crypto-ext ext sve tagged poll sve2-int sockets sve2-mul \
	shm-fork itimer posix-timer sysv-ipc sysv-msg scm-creds memfd xmodify pgroups \
	fd-paths

EXTRA_DIST += testsuite/programs/prog.h testsuite/programs/run-programs.sh \
	testsuite/programs/int-arith.c testsuite/programs/int128.c \
	testsuite/programs/bitfields.c testsuite/programs/switch.c \
	testsuite/programs/setjmp.c testsuite/programs/varargs.c \
	testsuite/programs/structs.c testsuite/programs/float-print.c \
	testsuite/programs/libm.c testsuite/programs/fenv.c \
	testsuite/programs/conversions.c testsuite/programs/string.c \
	testsuite/programs/sort.c testsuite/programs/malloc.c \
	testsuite/programs/vector.c testsuite/programs/atomics.c \
	testsuite/programs/interp.c testsuite/programs/crc-sha.c \
	testsuite/programs/crypto-ext.c testsuite/programs/ext.c \
	testsuite/programs/sve.c testsuite/programs/tagged.c \
	testsuite/programs/poll.c testsuite/programs/sockets.c \
	testsuite/programs/sve2-mul.c
EXTRA_DIST += testsuite/programs/sve2-int.c
EXTRA_DIST += testsuite/programs/shm-fork.c
EXTRA_DIST += testsuite/programs/itimer.c
EXTRA_DIST += testsuite/programs/posix-timer.c
EXTRA_DIST += testsuite/programs/memfd.c
EXTRA_DIST += testsuite/programs/xmodify.c testsuite/programs/scm-creds.c \
	testsuite/programs/pgroups.c testsuite/programs/fd-paths.c

PROGRAMS_BIN_O0 = $(PROGRAMS_NAMES:%=testsuite/programs/bin/%.O0)
PROGRAMS_BIN_O2 = $(PROGRAMS_NAMES:%=testsuite/programs/bin/%.O2)
PROGRAMS_BIN_O3 = $(PROGRAMS_NAMES:%=testsuite/programs/bin/%.O3)
PROGRAMS_BIN_EXT = $(PROGRAMS_NAMES:%=testsuite/programs/bin/%.ext)
PROGRAMS_BIN_SVE = $(PROGRAMS_NAMES:%=testsuite/programs/bin/%.sve)
PROGRAMS_BINARIES = $(PROGRAMS_BIN_O0) $(PROGRAMS_BIN_O2) $(PROGRAMS_BIN_O3) \
	$(PROGRAMS_BIN_EXT) $(PROGRAMS_BIN_SVE)

PROGRAMS_CFLAGS = -static -Wall -Wextra -I$(srcdir)/testsuite/programs
PROGRAMS_LIBS = -lm -latomic
PROGRAMS_DEPS = $(srcdir)/testsuite/programs/prog.h
PROGRAMS_ARCH = -march=armv8.5-a
PROGRAMS_ARCH_EXT = -march=armv8.2-a+fp16+dotprod+i8mm+bf16
PROGRAMS_ARCH_SVE = -march=armv8.2-a+sve

$(PROGRAMS_BIN_O0): testsuite/programs/bin/%.O0: $(srcdir)/testsuite/programs/%.c $(PROGRAMS_DEPS)
	@$(MKDIR_P) testsuite/programs/bin
	$(GUEST_CC_V)$(CROSS_CC) $(PROGRAMS_CFLAGS) -O0 $(PROGRAMS_ARCH) -o $@ $< $(PROGRAMS_LIBS)

$(PROGRAMS_BIN_O2): testsuite/programs/bin/%.O2: $(srcdir)/testsuite/programs/%.c $(PROGRAMS_DEPS)
	@$(MKDIR_P) testsuite/programs/bin
	$(GUEST_CC_V)$(CROSS_CC) $(PROGRAMS_CFLAGS) -O2 $(PROGRAMS_ARCH) -o $@ $< $(PROGRAMS_LIBS)

$(PROGRAMS_BIN_O3): testsuite/programs/bin/%.O3: $(srcdir)/testsuite/programs/%.c $(PROGRAMS_DEPS)
	@$(MKDIR_P) testsuite/programs/bin
	$(GUEST_CC_V)$(CROSS_CC) $(PROGRAMS_CFLAGS) -O3 $(PROGRAMS_ARCH) -o $@ $< $(PROGRAMS_LIBS)

$(PROGRAMS_BIN_EXT): testsuite/programs/bin/%.ext: $(srcdir)/testsuite/programs/%.c $(PROGRAMS_DEPS)
	@$(MKDIR_P) testsuite/programs/bin
	$(GUEST_CC_V)$(CROSS_CC) $(PROGRAMS_CFLAGS) -O2 $(PROGRAMS_ARCH_EXT) -o $@ $< $(PROGRAMS_LIBS)

$(PROGRAMS_BIN_SVE): testsuite/programs/bin/%.sve: $(srcdir)/testsuite/programs/%.c $(PROGRAMS_DEPS)
	@$(MKDIR_P) testsuite/programs/bin
	$(GUEST_CC_V)$(CROSS_CC) $(PROGRAMS_CFLAGS) -O3 $(PROGRAMS_ARCH_SVE) -o $@ $< $(PROGRAMS_LIBS)

# The test itself: a wrapper in the build tree that hands the runner the
# paths configure found.
testsuite/programs/check-programs: Makefile
	@$(MKDIR_P) testsuite/programs
	$(AM_V_GEN){ echo '#!/bin/sh'; \
	  echo 'exec $(SHELL) "$(abs_top_srcdir)/testsuite/programs/run-programs.sh" \
	    --backstep "$(abs_top_builddir)/backstep" --qemu "$(QEMU_AARCH64)" \
	    --bindir "$(abs_top_builddir)/testsuite/programs/bin" \
	    --sets "O0 O2 O3 ext sve" $(PROGRAMS_NAMES)'; \
	} > $@ && chmod +x $@

CLEANFILES += $(PROGRAMS_BINARIES) testsuite/programs/check-programs

if HAVE_CROSS_CC
check_DATA += $(PROGRAMS_BINARIES) testsuite/programs/check-programs
TESTS += testsuite/programs/check-programs
endif

# `make check-programs` builds and runs only this suite.
.PHONY: check-programs
check-programs: backstep $(PROGRAMS_BINARIES) testsuite/programs/check-programs
	./testsuite/programs/check-programs
