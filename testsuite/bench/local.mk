# testsuite/bench/: benchmarks against qemu-aarch64 (`make bench`).
#
# Guest workloads (wl-*.c, static AArch64 programs built with the cross
# compiler) are timed on backstep and on qemu-aarch64; rsp-bench times
# debugger round trips against both stubs. run-bench.sh prints the table.
# Never part of `make check`: timing is reported, never judged.
# See doc/performance.md.

BENCH_SRCS = \
	testsuite/bench/wl-int.c \
	testsuite/bench/wl-string.c \
	testsuite/bench/wl-printf.c \
	testsuite/bench/wl-sort.c \
	testsuite/bench/wl-fp.c \
	testsuite/bench/wl-simd.c \
	testsuite/bench/wl-calls.c \
	testsuite/bench/wl-interp.c
EXTRA_DIST += $(BENCH_SRCS) testsuite/bench/run-bench.sh \
	testsuite/bench/run-record-bench.sh
BENCH_GUESTS = $(BENCH_SRCS:.c=)
CLEANFILES += $(BENCH_GUESTS)

# Host tools: built only for `make bench`.
EXTRA_PROGRAMS = testsuite/bench/bench-time testsuite/bench/rsp-bench
testsuite_bench_bench_time_SOURCES = testsuite/bench/bench-time.c
testsuite_bench_rsp_bench_SOURCES = testsuite/bench/rsp-bench.c
CLEANFILES += $(EXTRA_PROGRAMS)

BENCH_GUEST_CFLAGS = -static -Wall -Wextra

# Integer, library, call and interpreter workloads at -O2, as most
# programs are built.
testsuite/bench/wl-int testsuite/bench/wl-string testsuite/bench/wl-printf \
testsuite/bench/wl-sort testsuite/bench/wl-calls \
testsuite/bench/wl-interp: testsuite/bench/wl-%: $(srcdir)/testsuite/bench/wl-%.c
	@$(MKDIR_P) testsuite/bench
	$(GUEST_CC_V)$(CROSS_CC) $(BENCH_GUEST_CFLAGS) -O2 -o $@ $<

# Scalar FP: vectorisation off so the n-body and matrix loops stay scalar.
testsuite/bench/wl-fp: $(srcdir)/testsuite/bench/wl-fp.c
	@$(MKDIR_P) testsuite/bench
	$(GUEST_CC_V)$(CROSS_CC) $(BENCH_GUEST_CFLAGS) -O2 -fno-tree-vectorize \
	  -o $@ $(srcdir)/testsuite/bench/wl-fp.c -lm

# -O3 auto-vectorises the loops into AdvSIMD.
testsuite/bench/wl-simd: $(srcdir)/testsuite/bench/wl-simd.c
	@$(MKDIR_P) testsuite/bench
	$(GUEST_CC_V)$(CROSS_CC) $(BENCH_GUEST_CFLAGS) -O3 -o $@ \
	  $(srcdir)/testsuite/bench/wl-simd.c

# make bench [BENCH_REPS=N] [BENCH_RSP_COUNT=N] [BENCH_SCALE=N]
#            [BENCH_WORKLOADS="int fp ..."]
BENCH_REPS = 5
BENCH_RSP_COUNT = 2000
BENCH_SCALE = 1
BENCH_WORKLOADS = int string printf sort fp simd calls interp
.PHONY: bench
bench: backstep $(EXTRA_PROGRAMS) $(BENCH_GUESTS)
	@if test "x$(CROSS_CC)" = xno; then \
	  echo "bench: needs aarch64-linux-gnu-gcc" >&2; exit 1; fi
	BENCH_REPS='$(BENCH_REPS)' BENCH_RSP_COUNT='$(BENCH_RSP_COUNT)' \
	BENCH_SCALE='$(BENCH_SCALE)' BENCH_WORKLOADS='$(BENCH_WORKLOADS)' \
	$(SHELL) $(srcdir)/testsuite/bench/run-bench.sh \
	  $(abs_top_builddir)/backstep "$(QEMU_AARCH64)" \
	  $(abs_top_builddir)/testsuite/bench

# make bench-reverse: time travel's figures (doc/time-travel.md) on
# testsuite/guest/reverse: recording overhead, reverse-stepi latency at
# random moments of a long history, reverse-continue against forward
# time, history memory. [REVERSE_ITERATIONS=N] [REVERSE_SAMPLES=N]
# [REVERSE_HISTORY_MEM=SIZE]; 40M iterations make about 10^9 instructions.
EXTRA_PROGRAMS += testsuite/bench/reverse-bench
testsuite_bench_reverse_bench_SOURCES = testsuite/bench/reverse-bench.c
REVERSE_ITERATIONS = 40000000
REVERSE_SAMPLES = 200
REVERSE_HISTORY_MEM = 1G
.PHONY: bench-reverse
bench-reverse: backstep testsuite/bench/reverse-bench testsuite/guest/reverse \
		testsuite/bench/bench-time $(BENCH_GUESTS)
	@if test "x$(CROSS_CC)" = xno; then \
	  echo "bench-reverse: needs aarch64-linux-gnu-gcc" >&2; exit 1; fi
	testsuite/bench/reverse-bench $(abs_top_builddir)/backstep \
	  $(abs_top_builddir)/testsuite/guest/reverse '$(REVERSE_ITERATIONS)' \
	  '$(REVERSE_SAMPLES)' '$(REVERSE_HISTORY_MEM)'
	BENCH_REPS='$(BENCH_REPS)' BENCH_SCALE='$(BENCH_SCALE)' \
	  sh $(srcdir)/testsuite/bench/run-record-bench.sh \
	  $(abs_top_builddir)/backstep $(abs_top_builddir)/testsuite/bench
