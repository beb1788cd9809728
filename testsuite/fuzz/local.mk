# testsuite/fuzz/: fuzz targets for everything backstep reads from
# strangers (debugger packets, ELF files, XML, guest system calls).
#
# Each fuzz-NAME.c defines LLVMFuzzerTestOneInput. It is built twice:
# - here, with the project's compiler and flags, linked with standalone.c
#   into the TAP smoke test smoke-NAME that `make check` runs (seeds,
#   regression inputs and a few thousand mutations);
# - by `make check-fuzz`, with clang and libFuzzer (fuzz.mk), for real
#   campaigns: FUZZ_RUNS executions per target (default 200000) or
#   FUZZ_SECONDS seconds per target, FUZZ_TARGETS to choose.

FUZZ_NAMES = packet commands elf tdesc syscall recording
FUZZ_SMOKES = \
	testsuite/fuzz/smoke-packet \
	testsuite/fuzz/smoke-commands \
	testsuite/fuzz/smoke-elf \
	testsuite/fuzz/smoke-tdesc \
	testsuite/fuzz/smoke-syscall \
	testsuite/fuzz/smoke-recording
check_PROGRAMS += $(FUZZ_SMOKES)
TESTS += $(FUZZ_SMOKES)

FUZZ_COMMON = testsuite/fuzz/standalone.c testsuite/fuzz/fuzz-common.c \
	testsuite/fuzz/fuzz.h
FUZZ_WIRE = testsuite/fuzz/rsp-wire.c testsuite/fuzz/rsp-wire.h \
	testsuite/unit/fake-target.c testsuite/unit/fake-target.h
FUZZ_USER_LIBS = libuser.a libhw.a libcpu.a $(GLIB_LIBS) -lm
# The smoke tests read the corpora from the source tree.
FUZZ_SMOKE_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_SRCDIR='"$(abs_top_srcdir)"'

# Mutations per target: the whole smoke stays around 20 s on 2 cores
# with the sanitizers.
testsuite_fuzz_smoke_packet_SOURCES = testsuite/fuzz/fuzz-packet.c \
	$(FUZZ_COMMON) $(FUZZ_WIRE)
testsuite_fuzz_smoke_packet_CPPFLAGS = $(FUZZ_SMOKE_CPPFLAGS) \
	-DFUZZ_NAME='"packet"' -DFUZZ_SMOKE_DEFAULT=4000
testsuite_fuzz_smoke_packet_LDADD = librsp.a $(GLIB_LIBS)

testsuite_fuzz_smoke_commands_SOURCES = testsuite/fuzz/fuzz-commands.c \
	$(FUZZ_COMMON) $(FUZZ_WIRE)
testsuite_fuzz_smoke_commands_CPPFLAGS = $(FUZZ_SMOKE_CPPFLAGS) \
	-DFUZZ_NAME='"commands"' -DFUZZ_SMOKE_DEFAULT=4000
testsuite_fuzz_smoke_commands_LDADD = librsp.a $(GLIB_LIBS)

testsuite_fuzz_smoke_elf_SOURCES = testsuite/fuzz/fuzz-elf.c $(FUZZ_COMMON)
testsuite_fuzz_smoke_elf_CPPFLAGS = $(FUZZ_SMOKE_CPPFLAGS) \
	-DFUZZ_NAME='"elf"' -DFUZZ_SMOKE_DEFAULT=3000
testsuite_fuzz_smoke_elf_LDADD = $(FUZZ_USER_LIBS)

testsuite_fuzz_smoke_tdesc_SOURCES = testsuite/fuzz/fuzz-tdesc.c \
	$(FUZZ_COMMON)
testsuite_fuzz_smoke_tdesc_CPPFLAGS = $(FUZZ_SMOKE_CPPFLAGS) \
	-DFUZZ_NAME='"tdesc"' -DFUZZ_SMOKE_DEFAULT=3000
testsuite_fuzz_smoke_tdesc_LDADD = libxmlfeatures.a $(GLIB_LIBS) \
	$(EXPAT_LIBS)

testsuite_fuzz_smoke_syscall_SOURCES = testsuite/fuzz/fuzz-syscall.c \
	$(FUZZ_COMMON)
testsuite_fuzz_smoke_syscall_CPPFLAGS = $(FUZZ_SMOKE_CPPFLAGS) \
	-DFUZZ_NAME='"syscall"' -DFUZZ_SMOKE_DEFAULT=3000 \
	-DFUZZ_GUEST_PATH='"$(abs_top_builddir)/testsuite/fuzz/guest-nop"'
testsuite_fuzz_smoke_syscall_LDADD = $(FUZZ_USER_LIBS)

testsuite_fuzz_smoke_recording_SOURCES = testsuite/fuzz/fuzz-recording.c \
	$(FUZZ_COMMON) server/event-log.c server/event-log.h
testsuite_fuzz_smoke_recording_CPPFLAGS = $(FUZZ_SMOKE_CPPFLAGS) \
	-DFUZZ_NAME='"recording"' -DFUZZ_SMOKE_DEFAULT=3000
testsuite_fuzz_smoke_recording_LDADD = $(GLIB_LIBS)

# The guest of fuzz-syscall: a tiny static AArch64 program.
FUZZ_GUEST = testsuite/fuzz/guest-nop
CLEANFILES += $(FUZZ_GUEST)
if HAVE_CROSS_CC
check_DATA += $(FUZZ_GUEST)
endif
$(FUZZ_GUEST): $(srcdir)/testsuite/fuzz/guest-nop.S
	@$(MKDIR_P) testsuite/fuzz
	$(GUEST_CC_V)$(CROSS_CC) -static -nostdlib -Wl,-z,max-page-size=4096 \
		-Wl,--build-id=none -o $@ $(srcdir)/testsuite/fuzz/guest-nop.S

EXTRA_DIST += testsuite/fuzz/guest-nop.S testsuite/fuzz/fuzz.mk \
	testsuite/fuzz/corpus testsuite/fuzz/regress

# --- libFuzzer campaigns ------------------------------------------------
# clang compiles the targets and the libraries they test into fuzz-build/
# (never touching the gcc-built libraries); fuzz.mk holds the rules.
FUZZ_CLANG = clang
FUZZ_RUNS = 200000
FUZZ_SECONDS =
FUZZ_TARGETS = $(FUZZ_NAMES)
FUZZ_MAKE = $(MAKE) -f $(abs_top_srcdir)/testsuite/fuzz/fuzz.mk \
	top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
	CLANG='$(FUZZ_CLANG)' \
	BASE_CFLAGS='-std=gnu11 $(WARN_CFLAGS)' \
	BASE_CPPFLAGS='-I$(abs_top_srcdir) -I$(abs_top_builddir) $(GLIB_CFLAGS) $(EXPAT_CFLAGS)' \
	GLIB_LIBS='$(GLIB_LIBS)' EXPAT_LIBS='$(EXPAT_LIBS)' \
	RSP_SOURCES='$(librsp_a_SOURCES)' \
	XML_SOURCES='$(libxmlfeatures_a_SOURCES) $(nodist_libxmlfeatures_a_SOURCES)' \
	USER_SOURCES='$(libuser_a_SOURCES) $(libhw_a_SOURCES) $(libcpu_a_SOURCES)' \
	RECORDING_SOURCES='server/event-log.c' \
	FUZZ_RUNS='$(FUZZ_RUNS)' FUZZ_SECONDS='$(FUZZ_SECONDS)' \
	FUZZ_TARGETS='$(FUZZ_TARGETS)'

.PHONY: fuzz-build check-fuzz
fuzz-build: xml-features/tdesc-resources.c xml-features/tdesc-resources.h
	$(FUZZ_MAKE) build
check-fuzz: xml-features/tdesc-resources.c xml-features/tdesc-resources.h \
		$(FUZZ_GUEST)
	$(FUZZ_MAKE) run

clean-local: clean-fuzz
.PHONY: clean-fuzz
clean-fuzz:
	rm -rf fuzz-build
