#!/usr/bin/env bash
# Runs the IPC benchmarks RUNS times (default 5) and prints each run's figures and the medians over the runs.
# Build the jar first (see README.md). Usage: benchmarks/ipc/run.sh [RUNS]
set -euo pipefail

runs="${1:-5}"
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/benchmarks.jar"
java="${JAVA_HOME:?set JAVA_HOME to a JDK 25}/bin/java"
out="$here/target/runs"
mkdir -p "$out"

[ -f "$jar" ] || { echo "No $jar: build it first (see $here/README.md)" >&2; exit 1; }

for run in $(seq 1 "$runs"); do
    "$java" -jar "$jar" -wi 3 -i 5 -w 1s -r 1s -rf csv -rff "$out/run-$run.csv" > "$out/run-$run.log" 2>&1 \
        || { echo "run $run failed; see $out/run-$run.log" >&2; exit 1; }
    # "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit"
    awk -F, -v run="$run" 'NR > 1 {
        gsub(/"/, "", $1); name = $1; sub(/.*IpcBenchmark\./, "", name)
        if (name ~ /^(throughput4k|throughput4kFilled|roundTrip:p0.50|roundTrip:p0.99|roundTripBusy:p0.50|roundTripBusy:p0.99|roundTripLinesOnly:p0.50|roundTripLinesOnly:p0.99)$/)
            printf "run %d  %-26s %14.1f %s\n", run, name, $5, $7
    }' "$out/run-$run.csv" | tr -d '"'
done

echo
echo "medians over $runs runs:"
for name in throughput4k throughput4kFilled roundTrip:p0.50 roundTrip:p0.99 roundTripBusy:p0.50 \
    roundTripBusy:p0.99 roundTripLinesOnly:p0.50 \
    roundTripLinesOnly:p0.99; do
    for run in $(seq 1 "$runs"); do
        awk -F, -v want="$name" 'NR > 1 { gsub(/"/, ""); n = $1; sub(/.*IpcBenchmark\./, "", n); if (n == want) print $5, $7 }' \
            "$out/run-$run.csv"
    done | sort -g | awk -v name="$name" '{ v[NR] = $1; unit = $2 }
        END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
              printf "  %-26s %14.1f %s  (runs: %s to %s)\n", name, m, unit, v[1], v[NR] }'
done
