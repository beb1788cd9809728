# testsuite/: unit tests (GTest), guest programs, DejaGnu suites.

# --- DejaGnu -----------------------------------------------------------
# site.exp (written by automake's check-DEJAGNU rule) gets the tool paths
# configure found, so the suites need no other configuration.
EXTRA_DEJAGNU_SITE_CONFIG = testsuite/site-config.exp

EXTRA_DIST += \
	testsuite/config/unix.exp \
	testsuite/lib/backstep.exp \
	testsuite/lib/backstep-gdb.exp \
	testsuite/lib/backstep-lldb.exp \
	testsuite/lib/backstep-rsp.exp \
	testsuite/backstep.gdb/gdb-basic.exp \
	testsuite/backstep.gdb/gdb-step.exp \
	testsuite/backstep.gdb/gdb-data.exp \
	testsuite/backstep.gdb/gdb-registers.exp \
	testsuite/backstep.gdb/gdb-watch.exp \
	testsuite/backstep.gdb/gdb-interrupt.exp \
	testsuite/backstep.gdb/gdb-session.exp \
	testsuite/backstep.gdb/gdb-optimized.exp \
	testsuite/backstep.gdb/gdb-demo.exp \
	testsuite/backstep.gdb/gdb-multi.exp \
	testsuite/backstep.gdb/gdb-dynamic.exp \
	testsuite/backstep.gdb/gdb-signals.exp \
	testsuite/backstep.gdb/gdb-tls.exp \
	testsuite/backstep.threads/threads.exp \
	testsuite/backstep.threads/thread-regs.exp \
	testsuite/backstep.threads/clone-step.exp \
	testsuite/backstep.threads/fork.exp \
	testsuite/backstep.threads/follow-child.exp \
	testsuite/backstep.threads/exec.exp \
	testsuite/backstep.threads/syscalls.exp \
	testsuite/backstep.threads/non-stop.exp \
	testsuite/backstep.lldb/lldb-basic.exp \
	testsuite/backstep.lldb/lldb-dynamic.exp \
	testsuite/backstep.bad/bad-packets.exp \
	testsuite/backstep.bad/bad-files.exp \
	testsuite/backstep.bad/bad-connection.exp

# --- Guest programs ----------------------------------------------------
# Static AArch64 Linux programs the suites debug. They are data to the
# build (not host programs), so they are check_DATA built by explicit
# rules with the cross compiler; without one the suites report them as
# untested.
GUEST_SRCS = \
	testsuite/guest/basics.c \
	testsuite/guest/spin.c \
	testsuite/guest/optimized.c \
	testsuite/guest/demo.c \
	testsuite/guest/dyn-hello.c \
	testsuite/guest/signals.c \
	testsuite/guest/signals-gdb.c \
	testsuite/guest/threads.c \
	testsuite/guest/nonstop.c \
	testsuite/guest/fork.c \
	testsuite/guest/tls.c
EXTRA_DIST += $(GUEST_SRCS)

GUEST_CFLAGS = -static -g -Wall -Wextra
GUEST_CC_V = $(GUEST_CC_V_@AM_V@)
GUEST_CC_V_ = $(GUEST_CC_V_@AM_DEFAULT_V@)
GUEST_CC_V_0 = @echo "  GUESTCC " $@;
GUEST_CC_V_1 =

GUEST_BINARIES = \
	testsuite/guest/basics \
	testsuite/guest/spin \
	testsuite/guest/optimized \
	testsuite/guest/demo \
	testsuite/guest/dyn-hello \
	testsuite/guest/signals \
	testsuite/guest/signals-gdb \
	testsuite/guest/threads \
	testsuite/guest/nonstop \
	testsuite/guest/fork \
	testsuite/guest/tls
CLEANFILES += $(GUEST_BINARIES)

if HAVE_CROSS_CC
check_DATA += $(GUEST_BINARIES)
endif

# `make guest-programs` builds them without running any test (the demo
# the README starts is testsuite/guest/demo).
.PHONY: guest-programs
guest-programs: $(GUEST_BINARIES)

testsuite/guest/signals: $(srcdir)/testsuite/guest/signals.c
	@$(MKDIR_P) testsuite/guest
	$(GUEST_CC_V)$(CROSS_CC) $(GUEST_CFLAGS) -O1 -o $@ $(srcdir)/testsuite/guest/signals.c

testsuite/guest/signals-gdb: $(srcdir)/testsuite/guest/signals-gdb.c
	@$(MKDIR_P) testsuite/guest
	$(GUEST_CC_V)$(CROSS_CC) $(GUEST_CFLAGS) -O0 -o $@ $(srcdir)/testsuite/guest/signals-gdb.c

testsuite/guest/threads: $(srcdir)/testsuite/guest/threads.c
	@$(MKDIR_P) testsuite/guest
	$(GUEST_CC_V)$(CROSS_CC) $(GUEST_CFLAGS) -O1 -pthread -o $@ $(srcdir)/testsuite/guest/threads.c

testsuite/guest/nonstop: $(srcdir)/testsuite/guest/nonstop.c
	@$(MKDIR_P) testsuite/guest
	$(GUEST_CC_V)$(CROSS_CC) $(GUEST_CFLAGS) -O1 -pthread -o $@ $(srcdir)/testsuite/guest/nonstop.c

testsuite/guest/tls: $(srcdir)/testsuite/guest/tls.c
	@$(MKDIR_P) testsuite/guest
	$(GUEST_CC_V)$(CROSS_CC) $(GUEST_CFLAGS) -O0 -pthread -o $@ $(srcdir)/testsuite/guest/tls.c

testsuite/guest/fork: $(srcdir)/testsuite/guest/fork.c
	@$(MKDIR_P) testsuite/guest
	$(GUEST_CC_V)$(CROSS_CC) $(GUEST_CFLAGS) -O1 -o $@ $(srcdir)/testsuite/guest/fork.c

testsuite/guest/basics: $(srcdir)/testsuite/guest/basics.c
	@$(MKDIR_P) testsuite/guest
	$(GUEST_CC_V)$(CROSS_CC) $(GUEST_CFLAGS) -O0 -o $@ $(srcdir)/testsuite/guest/basics.c

testsuite/guest/spin: $(srcdir)/testsuite/guest/spin.c
	@$(MKDIR_P) testsuite/guest
	$(GUEST_CC_V)$(CROSS_CC) $(GUEST_CFLAGS) -O0 -o $@ $(srcdir)/testsuite/guest/spin.c

testsuite/guest/optimized: $(srcdir)/testsuite/guest/optimized.c
	@$(MKDIR_P) testsuite/guest
	$(GUEST_CC_V)$(CROSS_CC) $(GUEST_CFLAGS) -O2 -o $@ $(srcdir)/testsuite/guest/optimized.c

testsuite/guest/demo: $(srcdir)/testsuite/guest/demo.c
	@$(MKDIR_P) testsuite/guest
	$(GUEST_CC_V)$(CROSS_CC) $(GUEST_CFLAGS) -O0 -o $@ $(srcdir)/testsuite/guest/demo.c

# Dynamically linked (no -static): the interpreter and libc come from the
# guest root (-L, default /usr/aarch64-linux-gnu) at run time.
testsuite/guest/dyn-hello: $(srcdir)/testsuite/guest/dyn-hello.c
	@$(MKDIR_P) testsuite/guest
	$(GUEST_CC_V)$(CROSS_CC) -g -Wall -Wextra -O0 -o $@ $(srcdir)/testsuite/guest/dyn-hello.c

# --- valgrind ------------------------------------------------------------
# One end-to-end gdb session (and the session-ending one) with backstep
# under valgrind's memcheck: any error makes backstep exit 99, which the
# suites report as a wrong exit status; leaks are listed in backstep.log.
VALGRIND_SUITES = gdb-basic.exp gdb-session.exp
check-valgrind: all $(GUEST_BINARIES) site.exp
	runtest --tool backstep --srcdir $(abs_top_srcdir)/testsuite \
		--objdir $(abs_top_builddir) \
		BACKSTEP_WRAPPER="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite" \
		$(VALGRIND_SUITES)
.PHONY: check-valgrind

# --- Time travel (backstep.reverse) --------------------------------------
EXTRA_DIST += testsuite/guest/reverse.c \
	testsuite/backstep.reverse/reverse-basic.exp \
	testsuite/backstep.reverse/reverse-io.exp \
	testsuite/backstep.reverse/reverse-watch.exp \
	testsuite/backstep.reverse/reverse-history.exp \
	testsuite/backstep.reverse/reverse-record.exp \
	testsuite/backstep.reverse/reverse-determinism.exp \
	testsuite/backstep.reverse/reverse-long.exp \
	testsuite/backstep.reverse/reverse-threads.exp \
	testsuite/backstep.reverse/reverse-interrupt.exp \
	testsuite/backstep.reverse/reverse-vrun.exp \
	testsuite/backstep.reverse/reverse-procs.exp \
	testsuite/backstep.reverse/reverse-exit.exp \
	testsuite/backstep.reverse/reverse-memfd.exp \
	testsuite/guest/reverse-memfd.c \
	testsuite/guest/reverse-procs.c \
	testsuite/guest/reverse-mte.c
REVERSE_GUEST = testsuite/guest/reverse testsuite/guest/reverse-procs \
	testsuite/guest/reverse-memfd
CLEANFILES += $(REVERSE_GUEST)
if HAVE_CROSS_CC
check_DATA += $(REVERSE_GUEST)
endif
guest-programs: $(REVERSE_GUEST)
testsuite/guest/reverse: $(srcdir)/testsuite/guest/reverse.c
	@$(MKDIR_P) testsuite/guest
	$(GUEST_CC_V)$(CROSS_CC) $(GUEST_CFLAGS) -O0 -o $@ $(srcdir)/testsuite/guest/reverse.c
testsuite/guest/reverse-procs: $(srcdir)/testsuite/guest/reverse-procs.c
	@$(MKDIR_P) testsuite/guest
	$(GUEST_CC_V)$(CROSS_CC) $(GUEST_CFLAGS) -O0 -pthread -o $@ $(srcdir)/testsuite/guest/reverse-procs.c
testsuite/guest/reverse-memfd: $(srcdir)/testsuite/guest/reverse-memfd.c
	@$(MKDIR_P) testsuite/guest
	$(GUEST_CC_V)$(CROSS_CC) $(GUEST_CFLAGS) -O0 -o $@ $(srcdir)/testsuite/guest/reverse-memfd.c

# --- Processes made by clone without CLONE_THREAD (backstep.threads) -------
EXTRA_DIST += testsuite/guest/spawn.c testsuite/backstep.threads/spawn.exp
SPAWN_GUEST = testsuite/guest/spawn
CLEANFILES += $(SPAWN_GUEST)
if HAVE_CROSS_CC
check_DATA += $(SPAWN_GUEST)
endif
guest-programs: $(SPAWN_GUEST)
testsuite/guest/spawn: $(srcdir)/testsuite/guest/spawn.c
	@$(MKDIR_P) testsuite/guest
	$(GUEST_CC_V)$(CROSS_CC) $(GUEST_CFLAGS) -O0 -o $@ $(srcdir)/testsuite/guest/spawn.c
EXTRA_DIST += testsuite/backstep.threads/hold.exp \
	testsuite/backstep.threads/kill-detach.exp \
	testsuite/backstep.threads/siginfo.exp \
	testsuite/backstep.threads/proc-files.exp
