# testsuite/programs/: compiled programs run on backstep and qemu-aarch64
