#!/bin/sh
# check-gdb-smoke.sh: `make check`'s run of GDB's own testsuite, the
# gdb.base-smoke list on backstep, as TAP: one test point per .exp file,
# "not ok" when that file has a FAIL, UNRESOLVED, XPASS, KPASS, ERROR or
# timeout that testsuite/gdb-lists/KNOWN-FAILURES does not list (the
# driver's --check). Skips (1..0 # SKIP) when GDB's source, DejaGnu,
# gdb-multiarch or the cross compiler is missing.
#
# usage: check-gdb-smoke.sh --srcdir DIR --backstep PATH --workdir DIR
#                           [--tarball PATH]

srcdir= backstep= workdir= tarball=/usr/src/gdb.tar.xz
while [ $# -gt 0 ]; do
    case $1 in
    --srcdir) srcdir=$2; shift 2 ;;
    --backstep) backstep=$2; shift 2 ;;
    --workdir) workdir=$2; shift 2 ;;
    --tarball) tarball=$2; shift 2 ;;
    *) echo "check-gdb-smoke.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

skip() {
    echo "1..0 # SKIP $*"
    exit 0
}
[ -r "$tarball" ] || skip "$tarball not found (apt-get install gdb-source)"
for tool in runtest expect timeout gdb-multiarch aarch64-linux-gnu-gcc; do
    command -v "$tool" >/dev/null 2>&1 || skip "$tool not found"
done
if [ ! -x "$backstep" ]; then
    echo "Bail out! backstep not found at $backstep"
    exit 1
fi

list=$srcdir/testsuite/gdb-lists/gdb.base-smoke
files=$(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$list")
set -- $files
echo "1..$#"

log=$workdir/check-gdb-smoke.log
mkdir -p "$workdir"
# One stub at a time: make check may run other tests beside this one.
sh "$srcdir/testsuite/gdb-testsuite/run-gdb-testsuite" \
    --srcdir "$srcdir" --workdir "$workdir" --backstep "$backstep" \
    --lists gdb.base-smoke --stubs backstep --jobs 1 \
    --file-timeout 240 --total-timeout 900 --tarball "$tarball" \
    --check > "$log" 2>&1
rc=$?
# rc 2: the driver itself failed (unpacking, configuring): no file ran.
if [ $rc -ge 2 ]; then
    echo "Bail out! run-gdb-testsuite failed (exit $rc): see $log"
    sed 's/^/# /' "$log" | tail -20
    exit 1
fi

# The driver leaves backstep's unlisted lines in new-failures.lines
# (--check); each names its .exp file after the outcome ("FAIL: F: ...",
# "TIMEOUT: F", "ERROR: F: ...").
new=$workdir/new-failures.lines
n=0
for f in $files; do
    n=$((n + 1))
    mine=$(grep -E "^[A-Z]+: $f(:|\$)" "$new" 2>/dev/null)
    dir=$workdir/results/backstep/$(printf '%s' "$f" | tr '/' '-')
    if [ ! -f "$dir/gdb.sum" ] && [ -z "$mine" ]; then
        echo "not ok $n - $f # $(cat "$dir/status" 2>/dev/null || echo 'not run')"
    elif [ -n "$mine" ]; then
        echo "not ok $n - $f"
        printf '%s\n' "$mine" | sed 's/^/#   /'
        echo "#   log: $dir/gdb.log"
    else
        echo "ok $n - $f"
    fi
done
grep -E '^TOTAL' "$log" | sed 's/^/# /'
exit 0
