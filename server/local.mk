# server/: the program: options, machine construction, the debugger's
# socket and the RSP target built on a machine.
bin_PROGRAMS += backstep
backstep_SOURCES = \
	server/main.c \
	server/machine.h server/machine-user.c \
	server/gdb-server.h server/gdb-server.c \
	server/gdb-target.h server/gdb-target.c \
	server/gdb-target-private.h server/gdb-target-nonstop.c \
	server/gdb-points.h server/gdb-points.c \
	server/gdb-regs.h server/gdb-regs.c \
	server/gdb-signals.h server/gdb-signals.c \
	server/monitor.h server/monitor.c \
	server/event-log.h server/event-log.c \
	server/timeline.h server/timeline-private.h server/timeline.c \
	server/timeline-snapshots.c server/timeline-machine.c \
	server/timeline-rsp.h server/timeline-rsp.c \
	server/syscall-door.h server/syscall-door.c \
	server/machine-snapshot.h server/machine-snapshot.c
backstep_LDADD = librsp.a libxmlfeatures.a libuser.a libhw.a libcpu.a \
	$(GLIB_LIBS) $(EXPAT_LIBS) $(READLINE_LIBS) -lm

# Time travel's unit tests: the event log, the door, the timeline on a
# guest compiled at test time.
check_PROGRAMS += testsuite/unit/test-timeline
TESTS += testsuite/unit/test-timeline
testsuite_unit_test_timeline_SOURCES = testsuite/unit/test-timeline.c \
	server/timeline.c server/timeline-snapshots.c server/timeline-machine.c \
	server/event-log.c server/syscall-door.c \
	server/machine-snapshot.c server/machine-user.c
testsuite_unit_test_timeline_LDADD = libuser.a libhw.a libcpu.a \
	$(GLIB_LIBS) -lm

# A replay follows the recording's schedule across waits on the host.
check_PROGRAMS += testsuite/unit/test-replay-schedule
TESTS += testsuite/unit/test-replay-schedule
testsuite_unit_test_replay_schedule_SOURCES = \
	testsuite/unit/test-replay-schedule.c \
	server/event-log.c server/syscall-door.c
testsuite_unit_test_replay_schedule_LDADD = libuser.a libhw.a libcpu.a \
	$(GLIB_LIBS) -lm

# The debugger's points per process over a machine (server/gdb-points.c).
check_PROGRAMS += testsuite/unit/test-gdb-points
TESTS += testsuite/unit/test-gdb-points
testsuite_unit_test_gdb_points_SOURCES = testsuite/unit/test-gdb-points.c \
	server/gdb-points.c
testsuite_unit_test_gdb_points_LDADD = libcpu.a $(GLIB_LIBS) -lm
