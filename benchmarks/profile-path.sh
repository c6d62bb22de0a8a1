#!/usr/bin/env bash
#
# Profiles one end-to-end path under load: JFR on the client JVM (execution and native
# method samples) and perf on Dante's busiest process, the one that relays the datagrams.
# Usage: benchmarks/profile-path.sh [PATH_LETTER] [PAYLOAD_BYTES]   (default: c 1200)
# Writes to benchmarks/target/profile/. Needs root, danted, perf and the benchmarks jar
# (benchmarks/run-all.sh builds it). Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."

path=${1:-c}
size=${2:-1200}
out=benchmarks/target/profile
jar=benchmarks/target/benchmarks.jar
mkdir -p "$out"

java -XX:StartFlightRecording=settings=profile,filename="$out/client-$path-$size.jfr" \
	-cp "$jar" io.socks5udp.benchmarks.e2e.EndToEndHarness --paths "$path" --sizes "$size" \
	--rounds 1 --seconds 12 --warmup 2 --pin 0:1 --out "$out/e2e" >"$out/e2e-$path-$size.txt" 2>&1 &
harness=$!
sleep 5
# Dante's relaying child is the danted process with the most CPU time by now
io=$(ps -C danted -o pid=,time= --sort=-time | awk 'NR == 1 {print $1}')
echo "dante relaying process: $io"
perf stat -p "$io" -e task-clock,context-switches,cpu-migrations -o "$out/dante-$path-$size.stat" -- sleep 4
perf record -q -g -p "$io" -o "$out/dante-$path-$size.perf" -- sleep 3 2>/dev/null
wait "$harness"
# The summaries below cut long listings short with head
set +o pipefail

grep '^round' "$out/e2e-$path-$size.txt"
echo "--- Dante, perf stat over 4 s"
grep -E 'task-clock|context-switches|cpu-migrations' "$out/dante-$path-$size.stat"
echo "--- Dante, top symbols (self)"
perf report -q -i "$out/dante-$path-$size.perf" --no-children --sort sym -g none --stdio 2>/dev/null \
	| grep -E '^ +[0-9]' | head -15
# The top frames of one JFR event type, counted: top_frames EVENT LINES
top_frames() {
	jfr print --events "$1" --stack-depth 1 "$out/client-$path-$size.jfr" \
		| grep -A1 'stackTrace = \[' | grep -v -e 'stackTrace' -e '^--' | sed 's/line:.*//' \
		| sort | uniq -c | sort -rn | head -"$2"
}
echo "--- client JVM, top frames of Java execution samples"
top_frames jdk.ExecutionSample 12
echo "--- client JVM, top frames of native method samples"
top_frames jdk.NativeMethodSample 8
echo "--- client JVM, allocation samples on the path's threads (socks5-udp-*, e2e-*)"
jfr print --events jdk.ObjectAllocationSample --stack-depth 3 "$out/client-$path-$size.jfr" >"$out/alloc-$path-$size.txt"
echo "samples: $(grep -cE 'eventThread = "(socks5-udp|e2e-)' "$out/alloc-$path-$size.txt")"
grep -B2 -A4 -E 'eventThread = "(socks5-udp|e2e-)' "$out/alloc-$path-$size.txt" | head -30
