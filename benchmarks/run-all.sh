#!/usr/bin/env bash
#
# Runs the in-process benchmarks of BENCHMARKS.md in one go, on loopback, and writes the raw output
# to benchmarks/target/results/. Needs danted (dante-server) and root (Dante's
# user.privileged). Takes about 25 minutes on 2 cores. The cross-process harness has its
# own script, cross-process.sh (about 35 minutes). Not part of CI: benchmarks are
# not tests.
set -euo pipefail
cd "$(dirname "$0")/.."

out=benchmarks/target/results
jar=benchmarks/target/benchmarks.jar
mkdir -p "$out"

./mvnw -B -q -pl benchmarks -am package -Dmaven.test.skip=true
{
	echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
	echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //') x $(nproc)"
	echo "memory: $(free -g | awk '/Mem:/ {print $2 " GiB"}')"
	echo "java: $(java -version 2>&1 | head -1)"
	echo "dante: $(/usr/sbin/danted -v 2>&1 | head -1)"
	echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/machine.txt"

java -jar "$jar" UdpHeaderCodec -f 1 -wi 2 -w 1s -i 3 -r 1s -prof gc -rf json -rff "$out/jmh-codec.json" \
	| tee "$out/jmh-codec.txt"
java -jar "$jar" RegistryLookup -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc -rf json -rff "$out/jmh-registry.json" \
	| tee "$out/jmh-registry.txt"
java -cp "$jar" io.socks5udp.benchmarks.e2e.EndToEndHarness --rounds 15 --seconds 2 --warmup 1 --pin 0:1 \
	--out "$out/e2e" 2>"$out/e2e.log" | tee "$out/e2e.txt"
java -cp "$jar" io.socks5udp.benchmarks.e2e.HandshakeHarness 1000 2>"$out/handshake.log" | tee "$out/handshake.txt"
java -cp "$jar" io.socks5udp.benchmarks.e2e.ReassociationHarness 30 100 2>"$out/reassociation.log" \
	| tee "$out/reassociation.txt"
java -cp "$jar" io.socks5udp.benchmarks.e2e.FirstDatagramHarness 200 200000 2>"$out/first-datagram.log" \
	| tee "$out/first-datagram.txt"
java -cp "$jar" io.socks5udp.benchmarks.e2e.FailoverHarness failover 30 2>"$out/failover.log" \
	| tee "$out/failover.txt"
java -cp "$jar" io.socks5udp.benchmarks.e2e.FailoverHarness spread 5 5 2>"$out/spread.log" | tee "$out/spread.txt"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
