# xml-features/: target-description XML and its expat loader.
noinst_LIBRARIES += libxmlfeatures.a
libxmlfeatures_a_SOURCES = \
	xml-features/tdesc.h \
	xml-features/tdesc.c \
	xml-features/tdesc-parse.h \
	xml-features/tdesc-parse.c \
	xml-features/tdesc-builtin.c \
	xml-features/tdesc-sve.c
nodist_libxmlfeatures_a_SOURCES = \
	xml-features/tdesc-resources.c \
	xml-features/tdesc-resources.h

# The feature files, compiled into the program as GResources.
tdesc_xml_files = \
	xml-features/aarch64-core.xml \
	xml-features/aarch64-fpu.xml \
	xml-features/aarch64-tls.xml \
	xml-features/aarch64-pauth.xml \
	xml-features/aarch64-mte.xml \
	xml-features/aarch64-sve.xml
tdesc_gresource = xml-features/aarch64.gresource.xml
EXTRA_DIST += $(tdesc_xml_files) $(tdesc_gresource)
BUILT_SOURCES += xml-features/tdesc-resources.c xml-features/tdesc-resources.h
CLEANFILES += xml-features/tdesc-resources.c xml-features/tdesc-resources.h

tdesc_resources_args = --sourcedir=$(srcdir)/xml-features \
	--c-name tdesc_builtin --internal $(srcdir)/$(tdesc_gresource)

xml-features/tdesc-resources.c: $(tdesc_gresource) $(tdesc_xml_files)
	$(AM_V_GEN)$(MKDIR_P) xml-features && \
	$(GLIB_COMPILE_RESOURCES) --generate-source --target=$@ \
		$(tdesc_resources_args)

xml-features/tdesc-resources.h: $(tdesc_gresource) $(tdesc_xml_files)
	$(AM_V_GEN)$(MKDIR_P) xml-features && \
	$(GLIB_COMPILE_RESOURCES) --generate-header --target=$@ \
		$(tdesc_resources_args)

# BUILT_SOURCES covers "make all"; this covers building the library alone.
xml-features/tdesc-builtin.$(OBJEXT): xml-features/tdesc-resources.h

# Unit tests.
check_PROGRAMS += testsuite/unit/test-tdesc
TESTS += testsuite/unit/test-tdesc
testsuite_unit_test_tdesc_SOURCES = testsuite/unit/test-tdesc.c
testsuite_unit_test_tdesc_LDADD = libxmlfeatures.a \
	$(GLIB_LIBS) $(EXPAT_LIBS)

# gdb-multiarch checks the built-in description offline (TAP script).
check_PROGRAMS += testsuite/unit/tdesc-expand
testsuite_unit_tdesc_expand_SOURCES = testsuite/unit/tdesc-expand.c
testsuite_unit_tdesc_expand_LDADD = libxmlfeatures.a \
	$(GLIB_LIBS) $(EXPAT_LIBS)
TESTS += testsuite/unit/tdesc-gdb-check.sh
EXTRA_DIST += testsuite/unit/tdesc-gdb-check.sh

# SVE: the sve feature instantiated for a vector length, and the z, p,
# ffr and vg mapping of server/gdb-regs.c.
check_PROGRAMS += testsuite/unit/test-tdesc-sve
TESTS += testsuite/unit/test-tdesc-sve
testsuite_unit_test_tdesc_sve_SOURCES = testsuite/unit/test-tdesc-sve.c \
	server/gdb-regs.h server/gdb-regs.c
testsuite_unit_test_tdesc_sve_LDADD = libxmlfeatures.a libcpu.a \
	$(GLIB_LIBS) $(EXPAT_LIBS) -lm

# The SVE guest program and its DejaGnu suites (gdb-sve.exp, lldb-sve.exp);
# the guest rule mirrors testsuite/local.mk's (the SVE instructions are
# inline asm with .arch, so no -march is needed).
EXTRA_DIST += testsuite/guest/sve.c testsuite/backstep.gdb/gdb-sve.exp \
	testsuite/backstep.lldb/lldb-sve.exp
SVE_GUEST = testsuite/guest/sve
CLEANFILES += $(SVE_GUEST)
if HAVE_CROSS_CC
check_DATA += $(SVE_GUEST)
endif
guest-programs: $(SVE_GUEST)
testsuite/guest/sve: $(srcdir)/testsuite/guest/sve.c
	@$(MKDIR_P) testsuite/guest
	$(GUEST_CC_V)$(CROSS_CC) -static -g -Wall -Wextra -O0 -o $@ \
		$(srcdir)/testsuite/guest/sve.c
