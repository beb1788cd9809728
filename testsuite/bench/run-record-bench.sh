#!/bin/sh
# run-record-bench.sh: the cost of recording on the `make bench`
# workloads: each runs on backstep as a plain run (nothing recorded) and
# recorded (--record-file: snapshots and the event log, as under --gdb),
# and the speed ratio is printed (issue target: recorded speed at least
# 0.75 of the plain speed). Figures only: nothing passes or fails on time.
#
# Usage: run-record-bench.sh BACKSTEP BENCH_DIR
#   Environment: BENCH_REPS (runs per workload, median taken; default 5),
#   BENCH_WORKLOADS (default: all), BENCH_SCALE (workload size factor).
set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 BACKSTEP BENCH_DIR" >&2
    exit 2
fi
backstep=$1
dir=$2
reps=${BENCH_REPS:-5}
scale=${BENCH_SCALE:-1}
workloads=${BENCH_WORKLOADS:-"int string printf sort fp simd calls interp"}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/backstep-record-bench.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0

echo "Recording on the bench workloads ($reps runs each, median CPU seconds)"
printf '%-8s %9s %9s %12s\n' workload plain recorded 'speed ratio'
printf '%s\n' '--------------------------------------------'
for w in $workloads; do
    prog=$dir/wl-$w
    if [ ! -x "$prog" ]; then
        echo "run-record-bench: $prog not built" >&2
        status=1
        continue
    fi
    if ! plain=$("$dir/bench-time" "$reps" "$tmp/$w.plain.out" \
                 "$tmp/$w.plain.err" "$backstep" "$prog" "$scale") ||
       ! rec=$("$dir/bench-time" "$reps" "$tmp/$w.rec.out" "$tmp/$w.rec.err" \
               "$backstep" --record-file "$tmp/$w.bsr" "$prog" "$scale"); then
        cat "$tmp/$w.plain.err" "$tmp/$w.rec.err" >&2 2>/dev/null
        status=1
        continue
    fi
    if ! cmp -s "$tmp/$w.plain.out" "$tmp/$w.rec.out"; then
        echo "run-record-bench: $w: output differs when recorded" >&2
        status=1
    fi
    # bench-time prints "WALL CPU": the speed ratio is plain / recorded.
    echo "$w $plain $rec" | awk '{ printf "%-8s %9.3f %9.3f %11.2f\n", $1, $3, $5, ($5 > 0 ? $3 / $5 : 0) }'
    echo "$w $plain $rec" >> "$tmp/ratios"
done
if [ -s "$tmp/ratios" ]; then
    awk '$3 > 0 && $5 > 0 {
            r = $3 / $5; n++; logsum += log(r)
            if (n == 1 || r < low) { low = r; low_name = $1 } }
        END { if (n) printf "\ngeometric mean speed ratio over %d workloads: %.2f (lowest: %s %.2f; target >= 0.75)\n",
                            n, exp(logsum / n), low_name, low }' "$tmp/ratios"
fi
exit $status
