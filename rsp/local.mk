# rsp/: the protocol engine.
noinst_LIBRARIES += librsp.a
librsp_a_SOURCES = \
	rsp/target.h rsp/conn.h rsp/conn-private.h \
	rsp/hex.c rsp/hex.h \
	rsp/packet.c rsp/packet.h \
	rsp/conn.c \
	rsp/commands.c rsp/commands.h \
	rsp/tdesc-view.c \
	rsp/stop.c \
	rsp/regs.c \
	rsp/memory.c \
	rsp/memtags.c \
	rsp/resume.c \
	rsp/threads.c \
	rsp/thread-list.c \
	rsp/events.c \
	rsp/extended.c \
	rsp/breakpoints.c \
	rsp/session.c \
	rsp/xfer.c \
	rsp/signals.c \
	rsp/vfile.c \
	rsp/lldb.c \
	rsp/reverse.c \
	rsp/nonstop.c \
	rsp/tls.c

# Unit tests: the codec alone, and the command table against a fake target.
check_PROGRAMS += testsuite/unit/test-rsp-packet testsuite/unit/test-rsp-commands
TESTS += testsuite/unit/test-rsp-packet testsuite/unit/test-rsp-commands
testsuite_unit_test_rsp_packet_SOURCES = testsuite/unit/test-rsp-packet.c \
	testsuite/unit/fake-target.c testsuite/unit/fake-target.h
testsuite_unit_test_rsp_packet_LDADD = librsp.a $(GLIB_LIBS)
testsuite_unit_test_rsp_commands_SOURCES = testsuite/unit/test-rsp-commands.c \
	testsuite/unit/fake-target.c testsuite/unit/fake-target.h
testsuite_unit_test_rsp_commands_LDADD = librsp.a $(GLIB_LIBS)
check_PROGRAMS += testsuite/unit/test-rsp-vfile
TESTS += testsuite/unit/test-rsp-vfile
testsuite_unit_test_rsp_vfile_SOURCES = testsuite/unit/test-rsp-vfile.c
testsuite_unit_test_rsp_vfile_LDADD = librsp.a $(GLIB_LIBS)
# Threads, processes, events and extended-remote against the fake target.
check_PROGRAMS += testsuite/unit/test-rsp-threads testsuite/unit/test-rsp-extended
TESTS += testsuite/unit/test-rsp-threads testsuite/unit/test-rsp-extended
testsuite_unit_test_rsp_threads_SOURCES = testsuite/unit/test-rsp-threads.c \
	testsuite/unit/fake-target.c testsuite/unit/fake-target.h
testsuite_unit_test_rsp_threads_LDADD = librsp.a $(GLIB_LIBS)
testsuite_unit_test_rsp_extended_SOURCES = testsuite/unit/test-rsp-extended.c \
	testsuite/unit/fake-target.c testsuite/unit/fake-target.h
testsuite_unit_test_rsp_extended_LDADD = librsp.a $(GLIB_LIBS)
# Reverse execution (bs, bc, replaylog) against the fake target.
check_PROGRAMS += testsuite/unit/test-rsp-reverse
TESTS += testsuite/unit/test-rsp-reverse
testsuite_unit_test_rsp_reverse_SOURCES = testsuite/unit/test-rsp-reverse.c \
	testsuite/unit/fake-target.c testsuite/unit/fake-target.h
testsuite_unit_test_rsp_reverse_LDADD = librsp.a $(GLIB_LIBS)
# Memory tags (owned by the mte helper): qMemTags, QMemTags,
# qIsAddressTagged against the fake target.
check_PROGRAMS += testsuite/unit/test-rsp-memtags
TESTS += testsuite/unit/test-rsp-memtags
testsuite_unit_test_rsp_memtags_SOURCES = testsuite/unit/test-rsp-memtags.c \
	testsuite/unit/fake-target.c testsuite/unit/fake-target.h
testsuite_unit_test_rsp_memtags_LDADD = librsp.a $(GLIB_LIBS)
# Thread-local storage (qGetTLSAddr) against the fake target.
check_PROGRAMS += testsuite/unit/test-rsp-tls
TESTS += testsuite/unit/test-rsp-tls
testsuite_unit_test_rsp_tls_SOURCES = testsuite/unit/test-rsp-tls.c \
	testsuite/unit/fake-target.c testsuite/unit/fake-target.h
testsuite_unit_test_rsp_tls_LDADD = librsp.a $(GLIB_LIBS)
# lldb's own queries (qMemoryRegionInfo, qHostInfo's addressing_bits)
# against the fake target.
check_PROGRAMS += testsuite/unit/test-rsp-lldb
TESTS += testsuite/unit/test-rsp-lldb
testsuite_unit_test_rsp_lldb_SOURCES = testsuite/unit/test-rsp-lldb.c \
	testsuite/unit/fake-target.c testsuite/unit/fake-target.h
testsuite_unit_test_rsp_lldb_LDADD = librsp.a $(GLIB_LIBS)
# Non-stop mode (QNonStop, %Stop, vStopped, '?') against the fake target.
check_PROGRAMS += testsuite/unit/test-rsp-nonstop
TESTS += testsuite/unit/test-rsp-nonstop
testsuite_unit_test_rsp_nonstop_SOURCES = testsuite/unit/test-rsp-nonstop.c \
	testsuite/unit/fake-target.c testsuite/unit/fake-target.h
testsuite_unit_test_rsp_nonstop_LDADD = librsp.a $(GLIB_LIBS)
# Non-stop on the real target (server/gdb-target-nonstop.c) with a user
# machine and a guest compiled at test time.
check_PROGRAMS += testsuite/unit/test-gdb-target-nonstop
TESTS += testsuite/unit/test-gdb-target-nonstop
testsuite_unit_test_gdb_target_nonstop_SOURCES = \
	testsuite/unit/test-gdb-target-nonstop.c $(GUEST_HARNESS) \
	server/gdb-target.c server/gdb-target-nonstop.c \
	server/gdb-points.c server/gdb-regs.c \
	server/gdb-signals.c server/monitor.c server/machine-user.c \
	server/timeline.c server/timeline-snapshots.c server/timeline-machine.c \
	server/event-log.c server/syscall-door.c server/machine-snapshot.c
testsuite_unit_test_gdb_target_nonstop_LDADD = librsp.a libxmlfeatures.a \
	libuser.a libhw.a libcpu.a $(GLIB_LIBS) $(EXPAT_LIBS) -lm
