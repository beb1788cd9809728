#!/bin/sh
# gdb-multiarch accepts backstep's built-in target description and numbers,
# places and sizes its registers exactly as our register table does.
# Prints TAP; skips when gdb-multiarch is not installed.

builddir=${G_TEST_BUILDDIR:-.}
expand="$builddir/testsuite/unit/tdesc-expand"
gdb=${GDB_MULTIARCH:-gdb-multiarch}

if ! command -v "$gdb" >/dev/null 2>&1; then
    echo "1..0 # SKIP $gdb not found"
    exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tdesc-gdb-check.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; }
check() { # description command...
    what=$1; shift
    if "$@"; then ok "$what"; else not_ok "$what"; fi
}

echo "1..8"

"$expand" xml >"$tmp/target.xml" 2>"$tmp/expand.err" &&
    "$expand" table >"$tmp/ours" 2>>"$tmp/expand.err"
check "expand the built-in description" test ! -s "$tmp/expand.err"

"$gdb" -nx -batch \
    -ex "set tdesc filename $tmp/target.xml" \
    -ex 'show architecture' \
    -ex 'maint print registers' \
    -ex 'ptype $v0' \
    -ex 'ptype $cpsr' \
    -ex 'ptype $fpsr' \
    >"$tmp/gdb.out" 2>&1
status=$?
check "gdb ran without error (exit $status)" test "$status" -eq 0
check "gdb printed no warning or error" \
    sh -c "! grep -Ei 'warning|error|could not' '$tmp/gdb.out'"
check "gdb chose aarch64 from the description" \
    grep -q 'currently "aarch64"' "$tmp/gdb.out"

# The raw registers of "maint print registers": name, Nr, Offset, Size.
awk '$2 ~ /^[0-9]+$/ && $2 == $3 { print $1, $2, $4, $5 }' \
    "$tmp/gdb.out" >"$tmp/gdbs"
check "gdb's register numbers, offsets and sizes equal ours (69 registers)" \
    sh -c "cmp -s '$tmp/ours' '$tmp/gdbs' && test \$(wc -l <'$tmp/gdbs') -eq 69"

# gdb only derives the q/d/s/h/b pseudo registers from a proper fpu feature.
check "gdb derived the fpu pseudo registers" \
    sh -c "grep -Eq '^ q31 ' '$tmp/gdb.out' && grep -Eq '^ b0 ' '$tmp/gdb.out'"
check "v registers have the lane-view union type" \
    sh -c "grep -q 'type = union aarch64v' '$tmp/gdb.out' &&
           grep -q 'union vnh h;' '$tmp/gdb.out'"
check "cpsr and fpsr have their flag layouts" \
    sh -c "grep -q 'uint32_t EL @2-3;' '$tmp/gdb.out' &&
           grep -q 'uint32_t BTYPE @10-11;' '$tmp/gdb.out' &&
           grep -q 'bool QC @27;' '$tmp/gdb.out'"

if [ -n "$VERBOSE" ]; then sed 's/^/# /' "$tmp/gdb.out"; fi
