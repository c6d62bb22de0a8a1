# Sourced by profile-client.sh, client-syscalls.sh and relay-batches.sh, with $out set to their
# output directory: starts this project's standalone relay (RELAY=batched: with --batched-io
# on BATCHED_JAVA, by default the JDK 25 of these machines) and a udpbench echo target on a
# free loopback port, stops both on exit, sets relay (the relay's pid), port (the echo
# target's port) and relay_address, and warms the relay up with 300,000 round trips of the C
# client.
case "${RELAY:-default}" in
	default) java -jar socks5-udp-test/target/socks5-udp-relay.jar --port 0 --bind 127.0.0.1 >"$out/relay.out" 2>&1 & ;;
	batched) "${BATCHED_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}" -jar socks5-udp-test/target/socks5-udp-relay.jar \
		--port 0 --bind 127.0.0.1 --batched-io >"$out/relay.out" 2>&1 & ;;
	*) echo "RELAY: $RELAY (expected: default, batched)" >&2; exit 2 ;;
esac
relay=$!
port=$(python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
benchmarks/target/udpbench echo "$port" &
echo_pid=$!
trap 'kill $relay $echo_pid 2>/dev/null' EXIT
for _ in $(seq 1 100); do grep -q 'listening on' "$out/relay.out" && break; sleep 0.1; done
relay_address=$(sed -n 's/^listening on //p' "$out/relay.out")
benchmarks/target/udpbench socks "${relay_address##*:}" "$port" 300000 64 32 >/dev/null
