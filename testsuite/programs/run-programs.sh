#!/bin/sh
# Run compiled test programs on backstep and on qemu-aarch64 -cpu max and
# compare their standard output and exit status. Prints TAP: one test
# point per program per flag set. On a mismatch, the diagnostics name the
# first differing line (or the exit statuses) and backstep's stderr.
#
# usage: run-programs.sh --backstep PATH --qemu PATH --bindir DIR
#                        [--sets "O0 O2 O3 ext"] PROGRAM...
# The binaries are DIR/PROGRAM.SET, built by testsuite/programs/local.mk.

backstep= qemu= bindir= sets="O0 O2 O3 ext"
while [ $# -gt 0 ]; do
    case $1 in
    --backstep) backstep=$2; shift 2 ;;
    --qemu) qemu=$2; shift 2 ;;
    --bindir) bindir=$2; shift 2 ;;
    --sets) sets=$2; shift 2 ;;
    --) shift; break ;;
    -*) echo "run-programs.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
    esac
done

count=0
for p in "$@"; do for s in $sets; do count=$((count + 1)); done; done

if [ -z "$qemu" ] || [ "$qemu" = no ] || ! command -v "$qemu" >/dev/null 2>&1; then
    echo "1..0 # SKIP qemu-aarch64 not found"
    exit 0
fi
if [ ! -x "$backstep" ]; then
    echo "Bail out! backstep not found at $backstep"
    exit 1
fi

# Guard against a hang; coreutils timeout when present.
if command -v timeout >/dev/null 2>&1; then
    limit="timeout 120"
else
    limit=
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/run-programs.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT INT TERM

echo "1..$count"
n=0
for p in "$@"; do
    for s in $sets; do
        n=$((n + 1))
        bin=$bindir/$p.$s
        if [ ! -f "$bin" ]; then
            echo "not ok $n - $p $s # binary $bin missing"
            continue
        fi
        # Both emulators at once: the runner takes half the wall time.
        # Both get descriptor 7 open on the binary: programs may check
        # that what a program is started with reaches it.
        $limit "$qemu" -cpu max "$bin" >"$work/q.out" 2>"$work/q.err" 7<"$bin" &
        qpid=$!
        $limit "$backstep" "$bin" >"$work/b.out" 2>"$work/b.err" 7<"$bin"
        brc=$?
        wait $qpid
        qrc=$?
        if [ $qrc = $brc ] && cmp -s "$work/q.out" "$work/b.out"; then
            echo "ok $n - $p $s"
            continue
        fi
        echo "not ok $n - $p $s"
        if [ $qrc != $brc ]; then
            echo "# exit status: qemu $qrc, backstep $brc"
        fi
        if ! cmp -s "$work/q.out" "$work/b.out"; then
            # The first differing line, with its number, from each side.
            line=$(awk 'NR == FNR { q[FNR] = $0; nq = FNR; next }
                        { if (!(FNR in q) || q[FNR] != $0) { print FNR; found = 1; exit } }
                        END { if (!found && nq > FNR) print FNR + 1 }' \
                   "$work/q.out" "$work/b.out")
            echo "# first difference at stdout line $line:"
            echo "#   qemu:     $(sed -n "${line}p" "$work/q.out")"
            echo "#   backstep: $(sed -n "${line}p" "$work/b.out")"
        fi
        if [ -s "$work/b.err" ]; then
            echo "# backstep stderr:"
            head -n 5 "$work/b.err" | sed 's/^/#   /'
        fi
    done
done
exit 0
