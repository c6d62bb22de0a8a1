#!/usr/bin/env bash
#
# System calls and CPU per round trip of the C client and of Java clients of the
# cross-process harness, each alone through this project's standalone relay (64 B, 32 in
# flight): the C client under perf stat for its whole run of 500,000 round trips, each Java
# client for 4 s of its measured window. Prints sendto, recvfrom, poll, epoll_wait, write,
# read, futex, sendmmsg and recvmmsg calls and CPU (us) per round trip.
# Environment: RELAY (batched, the default, or default: the relay without --batched-io);
# CLIENTS (Java clients, default core-receive; e.g. "core core-receive" to see a sending
# thread's futex calls); JAVA (default java) and JAVA_OPTS (e.g. the options core-batch
# needs on JDK 25). Needs the benchmarks and relay jars, udpbench (benchmarks/cross-process.sh
# builds all three) and perf. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/target/client-syscalls; mkdir -p $out
RELAY=${RELAY:-batched}
clients=${CLIENTS:-core-receive}
. benchmarks/relay-and-echo.sh
ev=syscalls:sys_enter_sendto,syscalls:sys_enter_recvfrom,syscalls:sys_enter_poll,syscalls:sys_enter_epoll_wait,syscalls:sys_enter_write,syscalls:sys_enter_read,syscalls:sys_enter_futex,syscalls:sys_enter_sendmmsg,syscalls:sys_enter_recvmmsg,task-clock
perf stat -e $ev -o $out/c.stat -- benchmarks/target/udpbench socks ${relay_address##*:} $port 500000 64 32 > $out/c.txt
for k in $clients; do
  case $k in
    core) main=CoreClientMain ;; core-receive) main=CoreReceiveClientMain ;; core-inline) main=CoreInlineClientMain ;;
    core-batch) main=CoreBatchClientMain ;; template) main=TemplateClientMain ;; template-inline) main=TemplateInlineClientMain ;;
    *) echo "CLIENTS: $k (expected: core, core-receive, core-inline, core-batch, template, template-inline)" >&2; exit 2 ;;
  esac
  ${JAVA:-java} ${JAVA_OPTS:-} -cp benchmarks/target/benchmarks.jar io.socks5udp.benchmarks.xproc.$main --relay $relay_address --target 127.0.0.1:$port --size 64 --in-flight 32 --warmup 5 --seconds 6 > $out/$k.txt 2>/dev/null &
  cpid=$!; sleep 6
  perf stat -e $ev -p $cpid -o $out/$k.stat -- sleep 4
  wait $cpid
done
for k in c $clients; do rt=$(grep -o 'rtt_per_s=[0-9]*' $out/$k.txt | cut -d= -f2); [ $k = c ] && n=500000 || n=$((rt*4));
  awk -v n=$n -v k=$k -v rt=$rt '/syscalls|task-clock/ {gsub(",","",$1); v=$1; if ($2=="msec") v=$1*1000; printf "%s rt/s=%s %s per_rt=%.3f\n", k, rt, $2, v/n}' $out/$k.stat; done
