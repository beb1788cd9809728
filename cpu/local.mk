# cpu/: the Arm core. Owned files are listed here; keep them grouped by the
# architecture's encoding classes (a64-dp-imm.c, a64-ldst.c, a64-simd-*.c ...).
noinst_LIBRARIES += libcpu.a
libcpu_a_SOURCES = \
	cpu/cpu.h cpu/mem.h
