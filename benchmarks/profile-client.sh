#!/usr/bin/env bash
#
# Profiles one client process of the cross-process harness: starts this project's
# standalone relay and a udpbench echo target on loopback, runs the client under JFR
# (profile settings) and perf stat, and prints the top frames of its Java execution and
# native method samples per thread. Usage:
#   benchmarks/profile-client.sh [PATH] [SIZE] [IN_FLIGHT] [SECONDS]   (default: core 64 1 10)
# PATH is a Java client of CrossProcessHarness: core, core-inline, core-receive, template,
# template-inline, si, minimal; or c, the C client (udpbench socks), to compare with: run under
# perf stat for its whole life (SECONDS x 100,000 round trips), without JFR or perf record.
# RELAY=batched runs the relay with --batched-io (see relay-and-echo.sh).
# Needs the benchmarks jar and the relay jar (benchmarks/cross-process.sh builds both, and
# udpbench), perf and jfr. Writes to benchmarks/target/profile-client/. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."

path=${1:-core}
size=${2:-64}
window=${3:-1}
seconds=${4:-10}
out=benchmarks/target/profile-client
jar=benchmarks/target/benchmarks.jar
mkdir -p "$out"
case "$path" in
	core) main=CoreClientMain ;;
	core-inline) main=CoreInlineClientMain ;;
	core-receive) main=CoreReceiveClientMain ;;
	template-inline) main=TemplateInlineClientMain ;;
	template) main=TemplateClientMain ;;
	si) main=IntegrationClientMain ;;
	minimal) main=MinimalClientMain ;;
	c) main= ;;
	*) echo "path: $path (expected: core, core-inline, core-receive, template, template-inline, si, minimal, c)" >&2; exit 2 ;;
esac

. benchmarks/relay-and-echo.sh

tag="$path-$size-$window-${RELAY:-default}"
if [ "$path" = c ]; then
	# The C client under perf stat for its whole life: SECONDS x 100,000 round trips
	perf stat -e task-clock,context-switches,cpu-migrations -o "$out/$tag.stat" -- \
		benchmarks/target/udpbench socks "${relay_address##*:}" "$port" $((seconds * 100000)) "$size" "$window" \
		>"$out/$tag.txt" 2>"$out/$tag.log"
	cat "$out/$tag.txt"
	echo "--- client process, perf stat over its whole life"
	grep -E 'task-clock|context-switches|cpu-migrations|elapsed' "$out/$tag.stat"
	exit 0
fi
java -XX:StartFlightRecording=settings=profile,filename="$out/$tag.jfr" -cp "$jar" \
	"io.socks5udp.benchmarks.xproc.$main" --relay "$relay_address" --target "127.0.0.1:$port" \
	--size "$size" --in-flight "$window" --warmup 3 --seconds "$seconds" >"$out/$tag.txt" 2>"$out/$tag.log" &
client=$!
sleep 4
perf stat -p "$client" -e task-clock,context-switches,cpu-migrations -o "$out/$tag.stat" -- sleep 4 || true
perf record -q -g -p "$client" -o "$out/$tag.perf" -- sleep 3 2>/dev/null || true
wait "$client"
# The summaries below cut long listings short with head
set +o pipefail

grep '^rtt_per_s' "$out/$tag.txt"
echo "--- client process, perf stat over 4 s"
grep -E 'task-clock|context-switches|cpu-migrations' "$out/$tag.stat"
# The top frames of one JFR event type, by thread: top_frames EVENT LINES
top_frames() {
	jfr print --events "$1" --stack-depth 2 "$out/$tag.jfr" \
		| awk '/sampledThread/ {t=$3} /stackTrace = \[/ {getline; sub(/line:.*/, ""); print t " " $0}' \
		| sed 's/  */ /g' | sort | uniq -c | sort -rn | head -"$2"
}
echo "--- client process, perf record over 3 s: CPU by thread and code (JIT-compiled Java shows as unknown)"
perf report -q -i "$out/$tag.perf" --no-children --sort comm,dso -g none --stdio 2>/dev/null | grep -E '^ +[0-9]' | head -12
echo "--- client process, top kernel and library symbols (self)"
perf report -q -i "$out/$tag.perf" --no-children --sort comm,sym -g none --stdio 2>/dev/null | grep -E '^ +[0-9]' | head -25
echo "--- top frames of Java execution samples, by thread"
top_frames jdk.ExecutionSample 15
echo "--- top frames of native method samples, by thread"
top_frames jdk.NativeMethodSample 8
