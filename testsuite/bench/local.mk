# testsuite/bench/: benchmarks against qemu-aarch64
