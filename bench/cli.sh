#!/usr/bin/env bash
# bench/run cli [N]: how long the rondo command takes, median of N runs (default 10) of each case, beside
# `java -version` (the JVM's own start) measured in the same run. Uses an embedded PostgreSQL under a home of
# its own (bench/target/cli-home, or $RONDO_BENCH_HOME), started and warmed before timing, stopped at the end.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/find-jdk.sh"
runs="${1:-10}"
export RONDO_HOME="${RONDO_BENCH_HOME:-$root/bench/target/cli-home}"
unset RONDO_DATABASE_URL
rondo="$root/rondo"
work="$(mktemp -d)"
trap 'rm -rf "$work"; "$rondo" db stop >/dev/null 2>&1 || true' EXIT
mkdir -p "$work/flows/bench"
cat >"$work/flows/bench/waits.flow" <<'FLOW'
while (true) { await Signal.next("poke") }
FLOW
"$rondo" db status >/dev/null 2>&1 || true
"$rondo" deploy "$work/flows" >/dev/null            # builds the jar if needed, starts the server, migrates
id="$("$rondo" start bench/waits)"

# Prints the median wall time in seconds of N runs of the command.
median() {
    local times=()
    for ((i = 0; i < runs + 2; i++)); do
        local start end
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1 || { echo "bench/run cli: failed: $*" >&2; "$@" >&2 || true; exit 1; }
        end=$(date +%s%N)
        # the first two runs warm the page cache (and the CDS archive) and are not counted
        ((i >= 2)) && times+=($(( (end - start) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.3f", m / 1000}'
}

report() {
    local label="$1"; shift
    local m; m="$(median "$@")"
    printf '%-32s %6s s   (java -version + %.3f s)\n' "$label" "$m" "$(awk -v a="$m" -v b="$java_s" 'BEGIN {print a - b}')"
}

java_s="$(median "$JAVA_HOME/bin/java" -version)"
printf 'median of %d runs each; %s\n' "$runs" "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
printf '%-32s %6s s\n' "java -version" "$java_s"
report "rondo --help" "$rondo" --help
report "rondo status ID" "$rondo" status "$id"
report "rondo list" "$rondo" list
report "rondo signal ID poke" "$rondo" signal "$id" poke --payload 1
report "rondo start bench/waits" "$rondo" start bench/waits
report "rondo run examples/hello.flow" "$rondo" run "$root/examples/hello.flow" --mock quote='{"price":1}' --mock charge='{"id":"r"}'
echo "(examples/hello.flow waits 2 s on a timer: its goal is java -version + 1.0 + 2 s)"
