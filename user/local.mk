# user/: the Linux user-mode personality.
noinst_LIBRARIES += libuser.a
libuser_a_SOURCES = \
	user/process.h user/process.c user/user-internal.h \
	user/elf.c user/stack.c user/path.c user/random.c user/guest-mem.c \
	user/fdtable.c user/signal.c user/sigframe.c user/sigstate.h \
	user/process-signals.h \
	user/syscall.h user/syscall-nr.h user/syscall.c \
	user/syscall-fs.c user/syscall-mm.c user/syscall-proc.c \
	user/syscall-signal.c user/syscall-net.c \
	user/kernel.h user/thread.c user/sched.c user/futex.c user/wait.c \
	user/fork.c user/exec.c user/process-debug.h user/process-debug.c user/poll.h user/poll.c user/epoll.c \
	user/sve.h user/sve.c user/itimer.c
# POSIX timers (ptimer helper): timer_create..., on itimer.c's engine.
libuser_a_SOURCES += user/timers.h user/posix-timer.c
# System V shared memory (sysvipc helper).
libuser_a_SOURCES += user/sysv-ipc.h user/sysv-ipc.c user/sysv-sem.c \
	user/sysv-ipc-common.c user/sysv-msg.c
# One object per file for MAP_SHARED file mappings (memfd helper).
libuser_a_SOURCES += user/file-shm.h user/file-shm.c
check_PROGRAMS += testsuite/unit/test-user-file-shm
TESTS += testsuite/unit/test-user-file-shm
testsuite_unit_test_user_file_shm_SOURCES = testsuite/unit/test-user-file-shm.c
testsuite_unit_test_user_file_shm_SOURCES += $(SYSCALL_HARNESS)
testsuite_unit_test_user_file_shm_LDADD = $(USER_TEST_LDADD)

USER_TEST_LDADD = libuser.a libhw.a libcpu.a $(GLIB_LIBS) -lm
# Shared by the tests below: whole guest programs compiled, run and compared
# with qemu-aarch64; system calls made straight on a tiny process.
GUEST_HARNESS = testsuite/unit/guest-harness.c testsuite/unit/guest-harness.h
SYSCALL_HARNESS = testsuite/unit/syscall-harness.c \
	testsuite/unit/syscall-harness.h
check_PROGRAMS += testsuite/unit/test-user-elf
TESTS += testsuite/unit/test-user-elf
testsuite_unit_test_user_elf_SOURCES = testsuite/unit/test-user-elf.c
testsuite_unit_test_user_elf_SOURCES += $(GUEST_HARNESS)
testsuite_unit_test_user_elf_LDADD = $(USER_TEST_LDADD)
EXTRA_DIST += testsuite/unit/data/tiny-aarch64.elf testsuite/unit/data/tiny-aarch64.S
check_PROGRAMS += testsuite/unit/test-user-process
TESTS += testsuite/unit/test-user-process
testsuite_unit_test_user_process_SOURCES = testsuite/unit/test-user-process.c
testsuite_unit_test_user_process_LDADD = $(USER_TEST_LDADD)
check_PROGRAMS += testsuite/unit/test-user-syscall
TESTS += testsuite/unit/test-user-syscall
testsuite_unit_test_user_syscall_SOURCES = testsuite/unit/test-user-syscall.c
testsuite_unit_test_user_syscall_SOURCES += $(SYSCALL_HARNESS)
testsuite_unit_test_user_syscall_LDADD = $(USER_TEST_LDADD)
check_PROGRAMS += testsuite/unit/test-user-poll
TESTS += testsuite/unit/test-user-poll
testsuite_unit_test_user_poll_SOURCES = testsuite/unit/test-user-poll.c
testsuite_unit_test_user_poll_SOURCES += $(SYSCALL_HARNESS)
testsuite_unit_test_user_poll_LDADD = $(USER_TEST_LDADD)
check_PROGRAMS += testsuite/unit/test-user-glibc
TESTS += testsuite/unit/test-user-glibc
testsuite_unit_test_user_glibc_SOURCES = testsuite/unit/test-user-glibc.c
testsuite_unit_test_user_glibc_SOURCES += $(GUEST_HARNESS)
testsuite_unit_test_user_glibc_LDADD = $(USER_TEST_LDADD)
EXTRA_DIST += testsuite/unit/data/glibc-guest.c
check_PROGRAMS += testsuite/unit/test-user-signal
TESTS += testsuite/unit/test-user-signal
testsuite_unit_test_user_signal_SOURCES = testsuite/unit/test-user-signal.c
testsuite_unit_test_user_signal_SOURCES += $(GUEST_HARNESS) $(SYSCALL_HARNESS)
testsuite_unit_test_user_signal_LDADD = $(USER_TEST_LDADD)
check_PROGRAMS += testsuite/unit/test-user-dyn
TESTS += testsuite/unit/test-user-dyn
testsuite_unit_test_user_dyn_SOURCES = testsuite/unit/test-user-dyn.c
testsuite_unit_test_user_dyn_SOURCES += $(GUEST_HARNESS)
testsuite_unit_test_user_dyn_LDADD = $(USER_TEST_LDADD)
check_PROGRAMS += testsuite/unit/test-user-thread
TESTS += testsuite/unit/test-user-thread
testsuite_unit_test_user_thread_SOURCES = testsuite/unit/test-user-thread.c
testsuite_unit_test_user_thread_SOURCES += $(GUEST_HARNESS) $(SYSCALL_HARNESS)
testsuite_unit_test_user_thread_LDADD = $(USER_TEST_LDADD)
libuser_a_SOURCES += user/snapshot.h user/snapshot.c user/mte-snapshot.h
# Address-space regions for lldb's qMemoryRegionInfo (lldb helper).
libuser_a_SOURCES += user/process-regions.c
check_PROGRAMS += testsuite/unit/test-user-regions
TESTS += testsuite/unit/test-user-regions
testsuite_unit_test_user_regions_SOURCES = testsuite/unit/test-user-regions.c
testsuite_unit_test_user_regions_SOURCES += $(SYSCALL_HARNESS)
testsuite_unit_test_user_regions_LDADD = $(USER_TEST_LDADD)
# Memory tagging (owned by the mte helper): the tag store, prctl, faults.
libuser_a_SOURCES += user/mte.h user/mte.c
check_PROGRAMS += testsuite/unit/test-user-mte
TESTS += testsuite/unit/test-user-mte
testsuite_unit_test_user_mte_SOURCES = testsuite/unit/test-user-mte.c
testsuite_unit_test_user_mte_SOURCES += $(GUEST_HARNESS)
testsuite_unit_test_user_mte_LDADD = $(USER_TEST_LDADD)
EXTRA_DIST += testsuite/guest/mte.c testsuite/backstep.gdb/gdb-mte.exp
# The MTE guest for gdb-mte.exp; the rule mirrors testsuite/local.mk's with
# the memtag flags (test-user-mte compiles its own copy).
MTE_GUEST = testsuite/guest/mte
CLEANFILES += $(MTE_GUEST)
if HAVE_CROSS_CC
check_DATA += $(MTE_GUEST)
endif
guest-programs: $(MTE_GUEST)
testsuite/guest/mte: $(srcdir)/testsuite/guest/mte.c
	@$(MKDIR_P) testsuite/guest
	$(GUEST_CC_V)$(CROSS_CC) -static -g -Wall -Wextra -O0 \
		-march=armv8.5-a+memtag -o $@ $(srcdir)/testsuite/guest/mte.c
# Sockets (syscall-net.c) and their replay through the door.
check_PROGRAMS += testsuite/unit/test-user-syscall-net
TESTS += testsuite/unit/test-user-syscall-net
testsuite_unit_test_user_syscall_net_SOURCES = \
	testsuite/unit/test-user-syscall-net.c \
	server/syscall-door.c server/event-log.c
testsuite_unit_test_user_syscall_net_SOURCES += $(SYSCALL_HARNESS)
testsuite_unit_test_user_syscall_net_LDADD = $(USER_TEST_LDADD)
check_PROGRAMS += testsuite/unit/test-user-syscall-exec
TESTS += testsuite/unit/test-user-syscall-exec
testsuite_unit_test_user_syscall_exec_SOURCES = \
	testsuite/unit/test-user-syscall-exec.c
testsuite_unit_test_user_syscall_exec_SOURCES += $(SYSCALL_HARNESS) \
	$(GUEST_HARNESS)
testsuite_unit_test_user_syscall_exec_LDADD = $(USER_TEST_LDADD)
# Interval timers: record/replay of alarm(), CPU timers, fork and exec.
check_PROGRAMS += testsuite/unit/test-user-itimer
TESTS += testsuite/unit/test-user-itimer
testsuite_unit_test_user_itimer_SOURCES = testsuite/unit/test-user-itimer.c \
	server/event-log.c server/syscall-door.c
testsuite_unit_test_user_itimer_SOURCES += $(GUEST_HARNESS)
testsuite_unit_test_user_itimer_LDADD = $(USER_TEST_LDADD)
# The guest program of System V shared memory (its name is in
# testsuite/programs/local.mk's PROGRAMS_NAMES).
EXTRA_DIST += testsuite/programs/sysv-ipc.c testsuite/programs/sysv-msg.c
check_PROGRAMS += testsuite/unit/test-user-sysv-ipc
TESTS += testsuite/unit/test-user-sysv-ipc
testsuite_unit_test_user_sysv_ipc_SOURCES = testsuite/unit/test-user-sysv-ipc.c
testsuite_unit_test_user_sysv_ipc_SOURCES += $(SYSCALL_HARNESS)
testsuite_unit_test_user_sysv_ipc_LDADD = $(USER_TEST_LDADD)
# System V message queues: snapshots, msqid64_ds, permission checks.
check_PROGRAMS += testsuite/unit/test-user-sysv-msg
TESTS += testsuite/unit/test-user-sysv-msg
testsuite_unit_test_user_sysv_msg_SOURCES = testsuite/unit/test-user-sysv-msg.c
testsuite_unit_test_user_sysv_msg_SOURCES += $(SYSCALL_HARNESS)
testsuite_unit_test_user_sysv_msg_LDADD = $(USER_TEST_LDADD)
# POSIX timers (ptimer helper): ids, errors, CPU clocks, snapshots, exec,
# and the guest program recorded and replayed.
check_PROGRAMS += testsuite/unit/test-user-ptimer
TESTS += testsuite/unit/test-user-ptimer
testsuite_unit_test_user_ptimer_SOURCES = testsuite/unit/test-user-ptimer.c \
	$(GUEST_HARNESS) $(SYSCALL_HARNESS) \
	server/event-log.c server/syscall-door.c
testsuite_unit_test_user_ptimer_LDADD = $(USER_TEST_LDADD)
# `info os` tables (qXfer:osdata) from the guest's state (osdata helper).
libuser_a_SOURCES += user/osdata.h user/osdata.c
check_PROGRAMS += testsuite/unit/test-user-osdata
TESTS += testsuite/unit/test-user-osdata
testsuite_unit_test_user_osdata_SOURCES = testsuite/unit/test-user-osdata.c
testsuite_unit_test_user_osdata_SOURCES += $(GUEST_HARNESS)
testsuite_unit_test_user_osdata_LDADD = $(USER_TEST_LDADD)
