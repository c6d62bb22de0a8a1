#!/usr/bin/env bash
#
# Two variants of the C client beside it and the core-receive Java client, to tell what the
# Java client's gap through the batched relay comes from. Built from ../shared/tools/udpbench.c
# (UDPBENCH_SOURCE) by the edits below: udpbench-mmsg sends each burst with one sendmmsg and
# drains with recvmmsg (64 datagrams per call), client-side batching; udpbench-epoll waits with
# epoll_wait on an epoll instance the socket stays registered with, as the JDK's selector does,
# instead of poll. Through this project's standalone relay with --batched-io, runs ROUNDS
# rounds (default 5) of: udpbench, udpbench-mmsg, udpbench-epoll, core-receive and
# core-batch (core-receive with the association's batched I/O, on BATCH_JAVA, by default the
# JDK 25 of these machines), at SIZE bytes (default 64) and 32 in flight. For each run prints round trips/s, the client's
# user and system CPU per round trip (us), the relay's CPU per round trip (us) and the
# client's voluntary and involuntary context switches per round trip (the Java client's:
# those of its busiest thread).
# The C clients are measured over their whole run of 500,000 round trips, the Java client
# over 4 s of its measured window. Usage: benchmarks/c-client-variants.sh [ROUNDS] [SIZE].
# Needs the benchmarks and relay jars, udpbench (benchmarks/cross-process.sh builds all
# three), gcc and python3. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
size=${2:-64}
out=benchmarks/target/c-client-variants
mkdir -p "$out"
python3 - "${UDPBENCH_SOURCE:-../shared/tools/udpbench.c}" "$out" <<'EOF'
import sys
source = open(sys.argv[1]).read()
start, end = source.index('  while (done < count) {'), source.index('  double el = now() - t0;')
loop = '''  enum { B = 64 };
  static unsigned char obuf[B][2048], ibuf[B][65546];
  struct mmsghdr om[B], im[B]; struct iovec oio[B], iio[B];
  for (int i = 0; i < B; i++) {
    memcpy(obuf[i], out, size + hdr); oio[i].iov_base = obuf[i]; oio[i].iov_len = size + hdr;
    memset(&om[i], 0, sizeof om[i]); om[i].msg_hdr.msg_iov = &oio[i]; om[i].msg_hdr.msg_iovlen = 1;
    iio[i].iov_base = ibuf[i]; iio[i].iov_len = 65546;
    memset(&im[i], 0, sizeof im[i]); im[i].msg_hdr.msg_iov = &iio[i]; im[i].msg_hdr.msg_iovlen = 1;
  }
  while (done < count) {
    int k = 0;
    while (inflight + k < window && next + k < count && k < B) {
      uint64_t seq = next + k; memcpy(obuf[k] + hdr, &seq, 8 < size ? 8 : size);
      sent_at[next + k] = now(); k++;
    }
    if (k > 0) {
      int s = sendmmsg(fd, om, k, 0);
      if (s < 0) { if (errno != ENOBUFS && errno != EAGAIN) die("sendmmsg"); s = 0; }
      next += s; inflight += s;
    }
    int r = poll(&p, 1, 200);
    if (r == 0) {
      if (now() - last_progress > 1.0) { lost += inflight; done += inflight; inflight = 0; last_progress = now(); }
      continue;
    }
    for (;;) {
      int n = recvmmsg(fd, im, B, MSG_DONTWAIT, NULL);
      if (n <= 0) break;
      for (int i = 0; i < n; i++) {
        if ((int)im[i].msg_len < hdr + 8 && size >= 8) continue;
        uint64_t seq; memcpy(&seq, ibuf[i] + hdr, 8);
        if (seq < (uint64_t)count && sent_at[seq] > 0) { rtt[nrtt++] = now() - sent_at[seq]; sent_at[seq] = -1; }
        done++; inflight--; last_progress = now();
      }
      if (n < B) break;
    }
  }
'''
open(sys.argv[2] + '/udpbench-mmsg.c', 'w').write(source[:start] + loop + source[end:])
epoll = source.replace('#include <poll.h>', '#include <poll.h>\n#include <sys/epoll.h>')
epoll = epoll.replace('  struct pollfd p = {.fd = fd, .events = POLLIN};',
	'  int ep = epoll_create1(0); struct epoll_event ev = {.events = EPOLLIN, .data.fd = fd};\n'
	+ '  if (ep < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev)) die("epoll");')
epoll = epoll.replace('    int r = poll(&p, 1, 200);', '    int r = epoll_wait(ep, &ev, 1, 200);')
assert epoll.count('epoll_wait') == 1 and 'struct pollfd' not in epoll
open(sys.argv[2] + '/udpbench-epoll.c', 'w').write(epoll)
EOF
gcc -O2 -o "$out/udpbench-mmsg" "$out/udpbench-mmsg.c"
gcc -O2 -o "$out/udpbench-epoll" "$out/udpbench-epoll.c"
RELAY=batched
. benchmarks/relay-and-echo.sh
hz=$(getconf CLK_TCK)
# user and system ticks of a process; voluntary and involuntary switches of its busiest thread
ticks() { awk '{print $14, $15}' "/proc/$1/stat"; }
switches() {
	local busiest
	busiest=$(for t in /proc/"$1"/task/*; do awk -v t="$t" '{print $14 + $15, t}' "$t/stat"; done | sort -n | tail -1 | cut -d' ' -f2)
	awk '/^voluntary_ctxt/ {v = $2} /^nonvoluntary_ctxt/ {n = $2} END {print v, n}' "$busiest/status"
}
report() { # name rate round_trips user0 sys0 user1 sys1 relay0 relay1 vol0 invol0 vol1 invol1
	python3 -c "import sys; a = sys.argv; n = float(a[3]); hz = $hz
print('%-13s rt/s=%-7s user_us=%.2f sys_us=%.2f relay_us=%.2f vol_cs=%.3f invol_cs=%.3f' % (a[1], a[2],
	(int(a[6]) - int(a[4])) / hz / n * 1e6, (int(a[7]) - int(a[5])) / hz / n * 1e6,
	(int(a[9]) - int(a[8])) / hz / n * 1e6, (int(a[12]) - int(a[10])) / n, (int(a[13]) - int(a[11])) / n))" "$@"
}
relay_cpu() { awk '{print $14 + $15}' "/proc/$relay/stat"; }
for round in $(seq 1 "$rounds"); do
	for client in udpbench udpbench-mmsg udpbench-epoll core-receive core-batch; do
		if [ "$client" = core-receive ] || [ "$client" = core-batch ]; then
			if [ "$client" = core-receive ]; then
				launch=(java -cp benchmarks/target/benchmarks.jar io.socks5udp.benchmarks.xproc.CoreReceiveClientMain)
			else
				launch=("${BATCH_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}" --enable-native-access=ALL-UNNAMED
					--add-exports java.base/sun.nio.ch=ALL-UNNAMED
					-cp benchmarks/target/benchmarks.jar io.socks5udp.benchmarks.xproc.CoreBatchClientMain)
			fi
			"${launch[@]}" \
				--relay "$relay_address" --target "127.0.0.1:$port" --size "$size" --in-flight 32 --warmup 4 \
				--seconds 8 >"$out/$client.txt" 2>/dev/null &
			pid=$!
			sleep 6
			before="$(ticks $pid) $(relay_cpu) $(switches $pid)"
			sleep 4
			after="$(ticks $pid) $(relay_cpu) $(switches $pid)"
			wait $pid
			rate=$(sed -n 's/.*rtt_per_s=\([0-9]*\).*/\1/p' "$out/$client.txt")
			n=$((rate * 4))
		else
			binary=benchmarks/target/udpbench
			[ "$client" = udpbench ] || binary=$out/$client
			before="0 0 $(relay_cpu) 0 0"
			# GNU time: user and system seconds, voluntary and involuntary switches
			/usr/bin/time -o "$out/$client.time" -f '%U %S %w %c' \
				"$binary" socks "${relay_address##*:}" "$port" 500000 "$size" 32 >"$out/$client.txt"
			read -r user system vol invol <"$out/$client.time"
			after="$(python3 -c "print(round($user * $hz), round($system * $hz))") $(relay_cpu) $vol $invol"
			rate=$(sed -n 's/.*rtt_per_s=\([0-9]*\).*/\1/p' "$out/$client.txt")
			n=500000
		fi
		read -r u0 s0 r0 v0 i0 <<<"$before"
		read -r u1 s1 r1 v1 i1 <<<"$after"
		echo "round $round size $size $(report "$client" "$rate" "$n" "$u0" "$s0" "$u1" "$s1" "$r0" "$r1" "$v0" "$i0" "$v1" "$i1")"
	done
done
