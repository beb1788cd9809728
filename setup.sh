#!/bin/bash
# Set up a Debian 12 machine for backstep, build it, and then either start
# the demo under a waiting debugger stub or run every test.
#
#   ./setup.sh demo     install, build, start backstep on the demo program
#   ./setup.sh test     install, build, run `make check` (unit + DejaGnu)
#
# Environment: BUILD_DIR (default _build), CONFIGURE_FLAGS (e.g.
# --enable-sanitizers), DEMO_PORT (default 1234).
set -euo pipefail

cd "$(dirname "$0")"
top=$(pwd)
build=${BUILD_DIR:-$top/_build}
what=${1:-}

case "$what" in
demo | test) ;;
*)
    echo "usage: $0 demo|test" >&2
    exit 2
    ;;
esac

# Debian packages: build tools, libraries, the cross compiler and the
# debuggers and emulator the tests drive.
packages=(
    build-essential autoconf automake pkg-config
    libglib2.0-dev libglib2.0-dev-bin libexpat1-dev libreadline-dev
    gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross
    gdb-multiarch lldb python3-lldb-14 dejagnu expect qemu-user
    clang libclang-rt-14-dev valgrind gdb-source
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
        missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then
        echo "setup: run as root (or install these packages yourself)" >&2
        exit 1
    fi
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

if [ ! -x configure ] || [ configure.ac -nt configure ]; then
    ./autogen.sh
fi
mkdir -p "$build"
cd "$build"
if [ ! -f Makefile ] || [ "$top/configure" -nt Makefile ] ||
    [ "${CONFIGURE_FLAGS:-}" != "$(cat .configure-flags 2>/dev/null)" ]; then
    "$top/configure" ${CONFIGURE_FLAGS:-}
    echo "${CONFIGURE_FLAGS:-}" >.configure-flags
fi
make -j"$(nproc)"

case "$what" in
demo)
    make testsuite/guest/demo
    echo
    echo "Starting backstep on the demo program; it waits for a debugger."
    exec ./backstep --gdb "127.0.0.1:${DEMO_PORT:-1234}" "$build/testsuite/guest/demo"
    ;;
test)
    # -k: the DejaGnu suites run even when a unit test failed.
    make -k -j"$(nproc)" check
    ;;
esac
