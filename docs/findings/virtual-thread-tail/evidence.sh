#!/bin/bash
# The evidence behind ../virtual-thread-tail.md, one corelab server at a time, on loopback.
#
#   evidence.sh probe MODE [server JVM flags...]   who gets served: Probe's closed loop, 64 connections, 4 s
#   evidence.sh dump  MODE [server JVM flags...]   two JSON thread dumps 1 s apart under that load, and the
#                                                  connection threads counted by what they are doing
#   evidence.sh reads MODE [server JVM flags...]   a JFR recording of every socket read during a 4 s probe
#                                                  (socket-reads.jfc, read by socket-reads.jq): how long each
#                                                  request waited in read, how many were read at once (the
#                                                  thread never blocked), one connection's reads in order
#
# THINK_MICROS=1000 makes each of Probe's connections pause 1 ms between an answer and its next request.
# Needs `./mvnw -q -o compile` first (it runs the compiled classes) and jq and ss (apt-get install jq
# iproute2); it uses the JDK 25 that ./mvnw finds (.mvn/corelab-jdk.sh). Output goes to results/findings/
# (git-ignored), never here.
set -euo pipefail
case ${1:-} in
probe|dump|reads) ;;
*) echo "usage: evidence.sh probe|dump|reads MODE [server JVM flags...]" >&2; exit 2 ;;
esac
[ $# -ge 2 ] || { echo "evidence.sh: which mode? (virtual, platform, ...)" >&2; exit 2; }
for tool in jq ss; do
    command -v $tool > /dev/null || { echo "evidence.sh: $tool is missing: apt-get install jq iproute2" >&2; exit 2; }
done
root=$(cd "$(dirname "$0")/../../.." && pwd)
here=$(cd "$(dirname "$0")" && pwd)
. "$root/.mvn/corelab-jdk.sh" # exports JAVA_HOME, a JDK 25 or newer, or says how to install one
bin=$JAVA_HOME/bin/
out=$root/results/findings
mkdir -p "$out"
what=$1 mode=$2; shift 2
think=${THINK_MICROS:-0}

# The server, tied to this script by a pipe on its stdin (exitWithStdin): it ends when the script does.
mkfifo "$out/lifeline.$$"
"${bin}java" "$@" -cp "$root/modes/target/classes:$root/workloads/target/classes" corelab.modes.ServerMain \
    mode="$mode" port=0 cpuIterations=250000 exitWithStdin=true < "$out/lifeline.$$" > "$out/server.$$.out" 2>&1 &
server=$!
exec 9> "$out/lifeline.$$"
rm -f "$out/lifeline.$$"
trap 'exec 9>&-; wait $server 2>/dev/null || true; rm -f "$out/server.$$.out"' EXIT
for _ in $(seq 300); do grep -q corelab-ready "$out/server.$$.out" && break; sleep 0.1; done
port=$(sed -n 's/^corelab-ready .*address=127.0.0.1:\([0-9]*\).*/\1/p' "$out/server.$$.out")
[ -n "$port" ] || { echo "evidence.sh: the server did not get ready:" >&2; cat "$out/server.$$.out" >&2; exit 1; }
echo "== $(date -u +%FT%TZ) $what mode=$mode flags='$*' think=${think}us load $(cut -d' ' -f1-3 /proc/loadavg)"
probe() { "${bin}java" "$here/Probe.java" "$port" 64 "$1" /cpu "$think"; }
# Waits until the probe in the background has started its clock (compiling Probe.java can take seconds).
measuring() { for _ in $(seq 300); do grep -q '^measuring' "$out/probe.$$.out" && return; sleep 0.1; done; }

case $what in
probe)
    probe 2 > /dev/null # warmup: the JIT, and every connection's thread started
    probe 4 | grep -v '^measuring'
    ;;
dump)
    probe 8 > "$out/probe.$$.out" &
    load=$!
    measuring
    sleep 3
    tag=$mode$(echo "$*" | tr -dc 'A-Za-z0-9')
    for n in a b; do
        file=$out/dump-$tag-$n.json
        rm -f "$file"
        "${bin}jcmd" "$server" Thread.dump_to_file -format=json "$file" > /dev/null
        [ $n = a ] && ss -tnH state established "( sport = :$port )" |
            awk '{ if ($1 > 0) waiting++ } END { print "connections with a request unread in the kernel:", waiting + 0 }'
        echo "$file (threads are dumped one after another, so the counts need not add up to 2 carriers)"
        jq -r '[.threadDump.threadContainers[].threads[] | select(any(.stack[]; contains("BlockingServer.serve")))
                | if .carrier then "running on a carrier" elif .state == "WAITING" then "parked in read, not yet woken"
                  else "woken, waiting for a carrier" end] | group_by(.) | map("  \(.[0]): \(length)") | .[]' "$file"
        jq -r '.threadDump.threadContainers[].threads[] | select(.name | test("Poller"))
               | "  \(.name) (virtual: \(.virtual // false)) \(.state), \(if .carrier then "on a carrier" else "no carrier" end), \(
                 if any(.stack[]; contains("Thread.yield")) then "yielded" elif any(.stack[]; contains("EPoll.wait"))
                 then "in epoll_wait" else "parked" end)"' "$file"
        sleep 1
    done
    wait $load
    grep -v '^measuring' "$out/probe.$$.out"; rm -f "$out/probe.$$.out"
    ;;
reads)
    probe 2 > /dev/null # warmup
    tag=$mode$(echo "$*" | tr -dc 'A-Za-z0-9')think$think
    "${bin}jcmd" "$server" JFR.start name=reads settings="$here/socket-reads.jfc" > /dev/null
    probe 4 > "$out/probe.$$.out"
    "${bin}jcmd" "$server" JFR.stop name=reads filename="$out/reads-$tag.jfr" > /dev/null
    "${bin}jfr" print --json --events jdk.SocketRead "$out/reads-$tag.jfr" | jq -r -f "$here/socket-reads.jq"
    grep -v '^measuring' "$out/probe.$$.out"; rm -f "$out/probe.$$.out"
    ;;
*)
    echo "evidence.sh: unknown step '$what': probe, dump or reads" >&2
    exit 2
    ;;
esac
