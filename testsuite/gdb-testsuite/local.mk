# testsuite/gdb-testsuite/: GDB's own testsuite against backstep
