# testsuite/gdb-testsuite/: GDB's own testsuite against backstep
#
# `make check-gdb-testsuite` unpacks Debian's gdb-source (/usr/src/gdb.tar.xz)
# into gdb-testsuite/ under the build directory once, then runs the .exp
# files named by the lists in testsuite/gdb-lists/ through the boards in
# testsuite/boards/, and prints a per-file, per-stub summary:
#
#   make check-gdb-testsuite                                  # smoke list, backstep
#   make check-gdb-testsuite LISTS="gdb.base gdb.arch-aarch64" STUBS="backstep qemu"
#   make check-gdb-testsuite GDB_TESTS="gdb.base/break.exp"   # single files
#
# The run fails when backstep has a FAIL, UNRESOLVED, ERROR or timeout that
# testsuite/gdb-lists/KNOWN-FAILURES does not explain. See doc/gdb-testsuite.md.

LISTS = gdb.base-smoke
STUBS = backstep
GDB_TESTS =
# Bounds in seconds: one .exp file, and the whole run.
GDB_TESTSUITE_FILE_TIMEOUT = 300
GDB_TESTSUITE_TOTAL_TIMEOUT = 3600
# Stubs run side by side (2 suits two cores: gdb and its stub alternate).
GDB_TESTSUITE_JOBS = 2
GDB_TESTSUITE_TARBALL = /usr/src/gdb.tar.xz
GDB_TESTSUITE_FLAGS =

.PHONY: check-gdb-testsuite
check-gdb-testsuite: backstep$(EXEEXT)
	$(SHELL) $(srcdir)/testsuite/gdb-testsuite/run-gdb-testsuite \
	  --srcdir $(srcdir) --workdir $(abs_builddir)/gdb-testsuite \
	  --backstep $(abs_builddir)/backstep$(EXEEXT) \
	  --lists "$(LISTS)" --stubs "$(STUBS)" --tests "$(GDB_TESTS)" \
	  --file-timeout $(GDB_TESTSUITE_FILE_TIMEOUT) \
	  --total-timeout $(GDB_TESTSUITE_TOTAL_TIMEOUT) \
	  --jobs $(GDB_TESTSUITE_JOBS) --tarball $(GDB_TESTSUITE_TARBALL) \
	  --check $(GDB_TESTSUITE_FLAGS)

# make check runs the smoke list on backstep as one TAP test (a test point
# per .exp file; skipped without /usr/src/gdb.tar.xz, DejaGnu or the
# cross compiler), in its own scratch directory gdb-testsuite-check/.
testsuite/gdb-testsuite/check-gdb-smoke: Makefile
	@$(MKDIR_P) testsuite/gdb-testsuite
	$(AM_V_GEN){ echo '#!/bin/sh'; \
	  echo 'exec $(SHELL) "$(abs_top_srcdir)/testsuite/gdb-testsuite/check-gdb-smoke.sh" \
	    --srcdir "$(abs_top_srcdir)" --backstep "$(abs_top_builddir)/backstep$(EXEEXT)" \
	    --workdir "$(abs_top_builddir)/gdb-testsuite-check" \
	    --tarball "$(GDB_TESTSUITE_TARBALL)"'; \
	} > $@ && chmod +x $@

check_DATA += testsuite/gdb-testsuite/check-gdb-smoke
TESTS += testsuite/gdb-testsuite/check-gdb-smoke
CLEANFILES += testsuite/gdb-testsuite/check-gdb-smoke

# The unpacked and configured testsuite and the results.
clean-local: clean-gdb-testsuite
.PHONY: clean-gdb-testsuite
clean-gdb-testsuite:
	rm -rf gdb-testsuite gdb-testsuite-check

EXTRA_DIST += \
	testsuite/gdb-testsuite/backstep-as-gdbserver \
	testsuite/gdb-testsuite/run-gdb-testsuite \
	testsuite/gdb-testsuite/check-gdb-smoke.sh \
	testsuite/boards/backstep-stub-base.exp \
	testsuite/boards/backstep-remote.exp \
	testsuite/boards/backstep-extended-remote.exp \
	testsuite/boards/qemu-remote.exp \
	testsuite/boards/backstep-reverse.exp \
	testsuite/gdb-lists/gdb.base-smoke \
	testsuite/gdb-lists/gdb.base \
	testsuite/gdb-lists/gdb.arch-aarch64 \
	testsuite/gdb-lists/gdb.threads \
	testsuite/gdb-lists/gdb.reverse \
	testsuite/gdb-lists/KNOWN-FAILURES \
	doc/gdb-testsuite.md

# extended-remote's target side (vRun builds a machine): the real target
# on a user machine, driven with packets.
check_PROGRAMS += testsuite/unit/test-gdb-target-run
TESTS += testsuite/unit/test-gdb-target-run
testsuite_unit_test_gdb_target_run_SOURCES = \
	testsuite/unit/test-gdb-target-run.c $(GUEST_HARNESS) \
	server/gdb-target.c server/gdb-target-nonstop.c \
	server/gdb-points.c server/gdb-regs.c \
	server/gdb-signals.c server/monitor.c server/machine-user.c \
	server/timeline.c server/timeline-snapshots.c server/timeline-machine.c \
	server/event-log.c server/syscall-door.c server/machine-snapshot.c
testsuite_unit_test_gdb_target_run_LDADD = librsp.a libxmlfeatures.a \
	libuser.a libhw.a libcpu.a $(GLIB_LIBS) $(EXPAT_LIBS) -lm
