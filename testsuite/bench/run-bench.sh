#!/bin/sh
# run-bench.sh: time guest workloads and debugger round trips on backstep
# and on qemu-aarch64 side by side, and print the ratios.
#
# Usage: run-bench.sh BACKSTEP QEMU BENCH_DIR
#   BENCH_DIR holds the built workloads (wl-*) and tools (bench-time,
#   rsp-bench). Environment: BENCH_REPS (runs per workload, median taken;
#   default 5), BENCH_RSP_COUNT (round trips per kind; default 2000),
#   BENCH_WORKLOADS (default: all), BENCH_SCALE (workload size factor).
#
# Times are medians of wall-clock seconds; "cpu" is the child's user+system
# time, which moves less when the machine is busy, and is what the MIPS
# columns and the summary use. Instructions are backstep's retired-
# instruction count (--stats), the same for qemu since both run the same
# deterministic program. The summary is the geometric mean of the
# backstep/qemu CPU-time ratios and the largest one. Nothing here passes
# or fails on timing; a run fails only if a workload fails or its output
# differs between the two emulators.
set -u

if [ $# -ne 3 ]; then
    echo "usage: $0 BACKSTEP QEMU BENCH_DIR" >&2
    exit 2
fi
backstep=$1
qemu=$2
dir=$3
reps=${BENCH_REPS:-5}
rsp_count=${BENCH_RSP_COUNT:-2000}
scale=${BENCH_SCALE:-1}
workloads=${BENCH_WORKLOADS:-"int string printf sort fp simd calls interp"}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/backstep-bench.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0

if [ "$qemu" = no ] || ! command -v "$qemu" >/dev/null 2>&1; then
    echo "run-bench: qemu-aarch64 not found; cannot compare" >&2
    exit 1
fi

echo "backstep: $backstep"
echo "qemu:     $($qemu --version | head -n 1)"
echo "host:     $(uname -m), $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo ?) CPUs," \
     "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)"
echo "runs:     $reps per workload (median), scale $scale"
echo
printf '%-8s %9s | %8s %8s %7s | %8s %8s %7s | %7s %7s\n' \
    workload Minsns bs-wall qemu-wall ratio bs-cpu qemu-cpu ratio bs-MIPS qemu-MIPS
printf '%s\n' '---------------------------------------------------------------------------------------------'

for w in $workloads; do
    prog=$dir/wl-$w
    if [ ! -x "$prog" ]; then
        echo "run-bench: $prog not built" >&2
        status=1
        continue
    fi
    if ! bs=$("$dir/bench-time" "$reps" "$tmp/$w.bs.out" "$tmp/$w.bs.err" \
              "$backstep" --stats "$prog" "$scale"); then
        cat "$tmp/$w.bs.err" >&2
        status=1
        continue
    fi
    if ! qe=$("$dir/bench-time" "$reps" "$tmp/$w.qemu.out" "$tmp/$w.qemu.err" \
              "$qemu" "$prog" "$scale"); then
        cat "$tmp/$w.qemu.err" >&2
        status=1
        continue
    fi
    # "backstep: N instructions retired in ..." from --stats.
    insns=$(sed -n 's/^backstep: \([0-9][0-9]*\) instructions retired.*/\1/p' \
            "$tmp/$w.bs.err" | tail -n 1)
    echo "$w ${insns:-0} $bs $qe" | awk '{
        minsns = $2 / 1e6
        printf "%-8s %9.1f | %8.3f %8.3f %6.1fx | %8.3f %8.3f %6.1fx | %7.0f %7.0f\n",
            $1, minsns, $3, $5, $3 / $5, $4, $6, $4 / $6,
            ($4 > 0 ? minsns / $4 : 0), ($6 > 0 ? minsns / $6 : 0) }'
    echo "$w $bs $qe" >> "$tmp/ratios"
    if ! cmp -s "$tmp/$w.bs.out" "$tmp/$w.qemu.out"; then
        echo "run-bench: $w: output differs between backstep and qemu:" >&2
        diff "$tmp/$w.bs.out" "$tmp/$w.qemu.out" >&2
        status=1
    fi
done

if [ -s "$tmp/ratios" ]; then
    awk '$3 > 0 && $5 > 0 {
            r = $3 / $5; n++; logsum += log(r)
            if (r > worst) { worst = r; worst_name = $1 } }
        END { if (n) printf "\ngeometric mean of the CPU-time ratios over %d workloads: %.2fx (largest: %s %.2fx)\n",
                            n, exp(logsum / n), worst_name, worst }' "$tmp/ratios"
fi

echo
echo "Debugger round trips over a Unix socket (mean microseconds each," \
     "$rsp_count of each kind)"
printf '%-10s %10s %10s %10s\n' stub 'stepi(s)' 'reg(p)' 'mem(m)'
if rb=$("$dir/rsp-bench" "$rsp_count" "$tmp/bs.sock" \
        "$backstep" --gdb "unix:$tmp/bs.sock" "$dir/wl-int"); then
    echo "backstep $rb" | awk '{ printf "%-10s %10.1f %10.1f %10.1f\n", $1, $2, $3, $4 }'
else
    status=1
fi
if rq=$("$dir/rsp-bench" "$rsp_count" "$tmp/qemu.sock" \
        "$qemu" -g "$tmp/qemu.sock" "$dir/wl-int"); then
    echo "qemu $rq" | awk '{ printf "%-10s %10.1f %10.1f %10.1f\n", $1, $2, $3, $4 }'
else
    status=1
fi
if [ -n "${rb:-}" ] && [ -n "${rq:-}" ]; then
    echo "$rb $rq" | awk '{ printf "%-10s %9.2fx %9.2fx %9.2fx\n", "ratio", $1 / $4, $2 / $5, $3 / $6 }'
fi
exit $status
