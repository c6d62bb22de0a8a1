#!/usr/bin/env bash
#
# Cross-process harness (issue #17): the C client (udpbench), the core client, the template
# and the Spring Integration adapters, each as its own process, through this project's
# standalone relay and through Dante, against one udpbench echo target, all on loopback.
# Writes benchmarks/target/xproc/rounds.csv (one line per run) and summary.md (medians).
# Options go to CrossProcessHarness, for example:
#   benchmarks/cross-process.sh --rounds 5 --seconds 5 --pin
# Needs gcc, root and danted for the Dante relay (or --relays ours), taskset for --pin, and
# udpbench.c (default ../shared/tools/udpbench.c, or --udpbench-source PATH). Not part of
# CI: benchmarks are not tests.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -o -B -q -pl benchmarks -am -DskipTests package
exec java -cp benchmarks/target/benchmarks.jar io.socks5udp.benchmarks.xproc.CrossProcessHarness "$@"
