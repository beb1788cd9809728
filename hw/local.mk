# hw/: physical memory (the page store shared by both machines); the
# mach-virt board comes later.
noinst_LIBRARIES += libhw.a
libhw_a_SOURCES = \
	hw/pagestore.c hw/pagestore.h

check_PROGRAMS += testsuite/unit/test-pagestore
TESTS += testsuite/unit/test-pagestore
testsuite_unit_test_pagestore_SOURCES = testsuite/unit/test-pagestore.c
testsuite_unit_test_pagestore_LDADD = libhw.a $(GLIB_LIBS)

check_PROGRAMS += testsuite/unit/test-pagestore-snapshot
TESTS += testsuite/unit/test-pagestore-snapshot
testsuite_unit_test_pagestore_snapshot_SOURCES = \
	testsuite/unit/test-pagestore-snapshot.c
testsuite_unit_test_pagestore_snapshot_LDADD = libhw.a $(GLIB_LIBS)

check_PROGRAMS += testsuite/unit/test-pagestore-shm
TESTS += testsuite/unit/test-pagestore-shm
testsuite_unit_test_pagestore_shm_SOURCES = testsuite/unit/test-pagestore-shm.c
testsuite_unit_test_pagestore_shm_LDADD = libhw.a $(GLIB_LIBS)

check_PROGRAMS += testsuite/unit/test-pagestore-fork
TESTS += testsuite/unit/test-pagestore-fork
testsuite_unit_test_pagestore_fork_SOURCES = testsuite/unit/test-pagestore-fork.c
testsuite_unit_test_pagestore_fork_LDADD = libhw.a $(GLIB_LIBS)
