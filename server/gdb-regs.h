/* Registers by the debugger's numbering, read from and written to a CPU.
 * The register table (xml-features/) says which register each number is;
 * this file knows where each one lives in struct cpu_state. */
#ifndef BACKSTEP_SERVER_GDB_REGS_H
#define BACKSTEP_SERVER_GDB_REGS_H

#include <stdint.h>

struct cpu_state;
struct tdesc;
struct gdb_regs;

/* Resolve every register of td by name. Registers this CPU does not hold
 * are kept and read as unavailable. */
struct gdb_regs *gdb_regs_new(const struct tdesc *td);
void gdb_regs_free(struct gdb_regs *regs);

/* 0, or -ENOENT for an unknown number, -EIO for an unavailable register.
 * SVE registers (z, p, ffr) are sized in the description for the longest
 * vector length: bytes past the thread's current length read as zero and
 * writes to them are ignored. vg reads as the current length in 64-bit
 * granules; writing another supported value (even, up to the
 * description's) changes the thread's length like a ptrace NT_ARM_SVE
 * write (-EINVAL for others). */
int gdb_regs_read(const struct gdb_regs *regs, const struct cpu_state *cpu,
                  unsigned regnum, uint8_t *buf);
int gdb_regs_write(const struct gdb_regs *regs, struct cpu_state *cpu,
                   unsigned regnum, const uint8_t *buf);

#endif
