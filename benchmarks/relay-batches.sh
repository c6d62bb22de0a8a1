#!/usr/bin/env bash
#
# The batched relay's system calls and CPU per round trip under each kind of client: starts
# this project's standalone relay with --batched-io on the JDK 25 of these machines and a
# udpbench echo target on loopback, then runs the C client and the core, core-receive and
# core-inline Java clients through it in turn (64 B, 32 in flight, three rotations), with
# perf stat on the relay's process for 4 s of each. Prints recvmmsg, sendmmsg and poll calls,
# CPU (task-clock, us) and context switches per round trip. Needs the benchmarks and relay
# jars, udpbench (benchmarks/cross-process.sh builds all three) and perf. Not part of CI.
set -uo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/target/relay-batches; mkdir -p $out
RELAY=batched
. benchmarks/relay-and-echo.sh
ev=syscalls:sys_enter_recvmmsg,syscalls:sys_enter_sendmmsg,syscalls:sys_enter_poll,syscalls:sys_enter_ppoll,task-clock,context-switches
for round in 1 2 3; do
for client in c core-receive core-inline core; do
  if [ $client = c ]; then
    benchmarks/target/udpbench socks ${relay_address##*:} $port 1500000 64 32 > $out/$client-$round.txt &
    cpid=$!; sleep 3
  else
    case $client in core-receive) main=CoreReceiveClientMain;; core-inline) main=CoreInlineClientMain;; core) main=CoreClientMain;; esac
    java -cp benchmarks/target/benchmarks.jar io.socks5udp.benchmarks.xproc.$main --relay $relay_address --target 127.0.0.1:$port --size 64 --in-flight 32 --warmup 6 --seconds 6 > $out/$client-$round.txt 2>/dev/null &
    cpid=$!; sleep 7
  fi
  perf stat -e $ev -p $relay -o $out/$client-$round.relay -- sleep 4 2>/dev/null
  wait $cpid
  rt=$(grep -o 'rtt_per_s=[0-9]*' $out/$client-$round.txt | cut -d= -f2)
  awk -v rt=$rt -v c=$client '/recvmmsg|sendmmsg|poll|task-clock|context-switches/ {gsub(",","",$1); n=$1; if ($2=="msec") n=$1*1000; printf "%s %s %s per_rt=%.3f\n", c, rt, $2, n/(rt*4)}' $out/$client-$round.relay
done; done
