# libFuzzer builds and campaigns of the fuzz targets (GNU make; called by
# `make fuzz-build` and `make check-fuzz` from the automake Makefile,
# which passes the source lists, flags and paths; see local.mk).
#
# Everything is compiled by clang with -fsanitize=fuzzer-no-link,address,
# undefined into fuzz-build/obj/ under the build directory, so the
# gcc-built libraries are never touched. Campaigns write new corpus
# entries to fuzz-build/corpus/NAME/ (the seeds in the source tree stay
# as they are) and crashing inputs to fuzz-build/artifacts/.

CLANG ?= clang
OUT := $(top_builddir)/fuzz-build
OBJ := $(OUT)/obj
SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined \
	-fno-omit-frame-pointer
CFLAGS_FUZZ := -g -O1 $(SAN) -fsanitize=fuzzer-no-link $(BASE_CFLAGS)
CPPFLAGS_FUZZ := $(BASE_CPPFLAGS)
LDFLAGS_FUZZ := $(SAN) -fsanitize=fuzzer

vpath %.c $(top_builddir) $(top_srcdir)

objects = $(patsubst %.c,$(OBJ)/%.o,$(filter %.c,$(1)))

RSP_OBJS := $(call objects,$(RSP_SOURCES))
XML_OBJS := $(call objects,$(XML_SOURCES))
USER_OBJS := $(call objects,$(USER_SOURCES))
RECORDING_OBJS := $(call objects,$(RECORDING_SOURCES))
COMMON_OBJS := $(call objects,testsuite/fuzz/fuzz-common.c)
WIRE_OBJS := $(call objects,testsuite/fuzz/rsp-wire.c testsuite/unit/fake-target.c)
GUEST := $(top_builddir)/testsuite/fuzz/guest-nop

$(OBJ)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CLANG) $(CPPFLAGS_FUZZ) $(CFLAGS_FUZZ) -MMD -MP -c -o $@ $<

-include $(shell find $(OBJ) -name '*.d' 2>/dev/null)

$(OBJ)/testsuite/fuzz/fuzz-syscall.o: CPPFLAGS_FUZZ += \
	-DFUZZ_GUEST_PATH='"$(GUEST)"'

$(OUT)/fuzz-packet: $(OBJ)/testsuite/fuzz/fuzz-packet.o $(COMMON_OBJS) \
		$(WIRE_OBJS) $(RSP_OBJS)
	$(CLANG) $(LDFLAGS_FUZZ) -o $@ $^ $(GLIB_LIBS)
$(OUT)/fuzz-commands: $(OBJ)/testsuite/fuzz/fuzz-commands.o $(COMMON_OBJS) \
		$(WIRE_OBJS) $(RSP_OBJS)
	$(CLANG) $(LDFLAGS_FUZZ) -o $@ $^ $(GLIB_LIBS)
$(OUT)/fuzz-elf: $(OBJ)/testsuite/fuzz/fuzz-elf.o $(COMMON_OBJS) $(USER_OBJS)
	$(CLANG) $(LDFLAGS_FUZZ) -o $@ $^ $(GLIB_LIBS) -lm
$(OUT)/fuzz-syscall: $(OBJ)/testsuite/fuzz/fuzz-syscall.o $(COMMON_OBJS) \
		$(USER_OBJS)
	$(CLANG) $(LDFLAGS_FUZZ) -o $@ $^ $(GLIB_LIBS) -lm
$(OUT)/fuzz-tdesc: $(OBJ)/testsuite/fuzz/fuzz-tdesc.o $(COMMON_OBJS) \
		$(XML_OBJS)
	$(CLANG) $(LDFLAGS_FUZZ) -o $@ $^ $(GLIB_LIBS) $(EXPAT_LIBS)

$(OUT)/fuzz-recording: $(OBJ)/testsuite/fuzz/fuzz-recording.o $(COMMON_OBJS) \
		$(RECORDING_OBJS)
	$(CLANG) $(LDFLAGS_FUZZ) -o $@ $^ $(GLIB_LIBS)

BINARIES := $(addprefix $(OUT)/fuzz-,$(FUZZ_TARGETS))

.PHONY: build run
build: $(BINARIES)

ifneq ($(strip $(FUZZ_SECONDS)),)
LIMIT := -max_total_time=$(FUZZ_SECONDS)
else
LIMIT := -runs=$(FUZZ_RUNS)
endif

# Per target: the regression inputs first (each must pass), then the
# campaign over the seeds. A hang of 10 s is a finding too.
run: build
	@mkdir -p $(OUT)/artifacts
	@set -e; for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(OUT)/corpus/$$t; \
	  regress=$$(ls -d $(top_srcdir)/testsuite/fuzz/regress/$$t/* 2>/dev/null || true); \
	  if test -n "$$regress"; then \
	    echo "fuzz-$$t: regression inputs"; \
	    $(OUT)/fuzz-$$t -timeout=10 $$regress; \
	  fi; \
	  echo "fuzz-$$t: $(LIMIT)"; \
	  $(OUT)/fuzz-$$t $(LIMIT) -timeout=10 -max_len=65536 -print_final_stats=1 \
	    -artifact_prefix=$(OUT)/artifacts/$$t- \
	    $(OUT)/corpus/$$t $(top_srcdir)/testsuite/fuzz/corpus/$$t; \
	done
