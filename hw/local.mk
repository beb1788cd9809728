# hw/: physical memory (the page store shared by both machines); the
# mach-virt board comes later.
noinst_LIBRARIES += libhw.a
libhw_a_SOURCES =
