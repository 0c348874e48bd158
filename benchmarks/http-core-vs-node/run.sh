#!/usr/bin/env bash
# Is corelab's server core CPU cost per `GET /hello` no higher than that of Node.js's
# `http` module on the same machine? README.md next to this file says what is measured
# and why. Run from the repository root:
#
#   bash benchmarks/http-core-vs-node/run.sh
#
# Settings (environment variables, defaults in brackets):
#   SERVERS              servers to compare                             ["nginx node single platform virtual"]
#   REFERENCES           the baselines among them: each is compared with every server after it ["nginx node"]
#   WARMUP_SECONDS       uncounted wrk run per server first             [8]
#   MEASURE_SECONDS      one measured wrk run                           [10]
#   REPEATS              ok runs wanted per server, interleaved rounds  [3]
#   CONNECTIONS          wrk connections (-c); wrk runs one thread (-t1) [64]
#   SERVER_CPU, LOAD_CPU the CPU every server is pinned to, and wrk's    [1, 0]
#   DISTURBED_PCT        other work on either core above this (% of the core) marks a run disturbed [10]
#   QUIET_WAIT_SECONDS   longest wait for quiet cores before each run   [20]
#   TIME_BUDGET_SECONDS  no waiting for quiet, no extra runs beyond this [270]
#   OUT_DIR              where raw outputs go                           [a new /tmp/http-core-vs-node.* dir]
#
# It prints every command it runs (lines starting with "+"), keeps every raw output in
# OUT_DIR, prints a Markdown summary (summarize.awk), and kills every server it started,
# however it ends. Exit status: 0 with a verdict for every server, 3 when some server
# has fewer than two usable runs, 1 on any other failure.
set -euo pipefail
export LC_ALL=C # decimal points, not commas, in every number parsed or printed

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
STARTED_AT="$(date +%s)"

SERVERS="${SERVERS:-nginx node single platform virtual}"
REFERENCES="${REFERENCES:-nginx node}"
WARMUP_SECONDS="${WARMUP_SECONDS:-8}"
MEASURE_SECONDS="${MEASURE_SECONDS:-10}"
REPEATS="${REPEATS:-3}"
CONNECTIONS="${CONNECTIONS:-64}"
SERVER_CPU="${SERVER_CPU:-1}"
LOAD_CPU="${LOAD_CPU:-0}"
DISTURBED_PCT="${DISTURBED_PCT:-10}"
QUIET_WAIT_SECONDS="${QUIET_WAIT_SECONDS:-20}"
TIME_BUDGET_SECONDS="${TIME_BUDGET_SECONDS:-270}"
OUT_DIR="${OUT_DIR:-$(mktemp -d /tmp/http-core-vs-node.XXXXXX)}"
READY_TIMEOUT_SECONDS=30
STOP_TIMEOUT_SECONDS=10
BENCHMARK=http-core-vs-node
STARTED_WHAT="servers"
# shellcheck source=../lib.sh
source "$HERE/../lib.sh" # die, run, and everything started dies with this script
HELLO_BODY=$'Hello from corelab\n'
HELLO_CONTENT_TYPE='text/plain; charset=utf-8'

# ---- settings are checked once, here ---------------------------------------------------
for setting in WARMUP_SECONDS MEASURE_SECONDS REPEATS CONNECTIONS SERVER_CPU LOAD_CPU \
  DISTURBED_PCT QUIET_WAIT_SECONDS TIME_BUDGET_SECONDS; do
  [[ "${!setting}" =~ ^[0-9]+$ ]] || die "$setting must be a whole number, was '${!setting}'"
done
((MEASURE_SECONDS >= 1 && MEASURE_SECONDS <= 120)) || die "MEASURE_SECONDS must be 1..120, was $MEASURE_SECONDS"
((WARMUP_SECONDS <= 120)) || die "WARMUP_SECONDS must be 0..120, was $WARMUP_SECONDS"
((REPEATS >= 1 && REPEATS <= 20)) || die "REPEATS must be 1..20, was $REPEATS"
((CONNECTIONS >= 1 && CONNECTIONS <= 10000)) || die "CONNECTIONS must be 1..10000, was $CONNECTIONS"
((SERVER_CPU != LOAD_CPU)) || die "SERVER_CPU and LOAD_CPU must differ, or the server and wrk share a core"
read -r -a SERVER_LIST <<<"$SERVERS"
((${#SERVER_LIST[@]} >= 1)) || die "SERVERS is empty; valid servers: nginx node single platform virtual offload poller"
declare -A SEEN_SERVER=()
for server in "${SERVER_LIST[@]}"; do
  case "$server" in
    nginx | node | single | platform | virtual | offload | poller) ;;
    *) die "unknown server '$server'; valid servers: nginx node single platform virtual offload poller" ;;
  esac
  [[ -z "${SEEN_SERVER[$server]-}" ]] || die "server '$server' is listed twice in SERVERS"
  SEEN_SERVER[$server]=1
done
CPUS="$(nproc --all)"
((SERVER_CPU < CPUS && LOAD_CPU < CPUS)) || die "this machine has CPUs 0..$((CPUS - 1)); SERVER_CPU=$SERVER_CPU LOAD_CPU=$LOAD_CPU"
mkdir -p "$OUT_DIR"
echo "raw outputs go to $OUT_DIR" >&2

# ---- tools --------------------------------------------------------------------------------
require_wrk
command -v node >/dev/null || die "node is not on the PATH; install Node.js 20 or newer"
if [[ -n "${SEEN_SERVER[nginx]-}" ]]; then
  command -v nginx >/dev/null || die "nginx is not on the PATH; install it (apt-get install -y nginx) or leave it out of SERVERS"
fi
for tool in taskset curl timeout getconf git; do
  command -v "$tool" >/dev/null || die "$tool is not on the PATH"
done
CLK_TCK="$(getconf CLK_TCK)"

find_jdk

cd "$REPO"
# Only the modules a server needs (modes and what it depends on, workloads): a half-edited
# file in another module must not stop a benchmark of the server core.
run ./mvnw -q -B compile -pl modes -am
CLASSPATH_DIRS="workloads/target/classes:modes/target/classes"

# ---- provenance ---------------------------------------------------------------------------
{
  echo "date_utc: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git rev-parse HEAD)"
  # The servers run what was just compiled from the working tree, edits included.
  echo "uncommitted_changes_in_modes_or_workloads: $(git status --porcelain -- modes/src/main workloads/src/main | awk '{ printf "%s ", $2 }')"
  echo "java: $JAVA"
  echo "jdk: $("$JAVA" -version 2>&1 | sed -n 2p)"
  echo "jvm_flags_on_one_cpu: $(taskset -c "$SERVER_CPU" "$JAVA" -XX:+PrintCommandLineFlags -version 2>/dev/null | head -n 1)"
  echo "node: $(node --version)"
  echo "nginx: $(nginx -v 2>&1 || echo none)"
  echo "wrk: $(wrk --version 2>&1 | head -n 1 || true)"
  echo "kernel: $(uname -srm)"
  echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $CPUS CPUs"
  # Taken before any server starts: 64 runnable platform threads would inflate it later.
  echo "load_average_before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "wrk_command: wrk -t1 -c$CONNECTIONS -d${MEASURE_SECONDS}s --latency http://127.0.0.1:PORT/hello (pinned: taskset -c $LOAD_CPU; servers: taskset -c $SERVER_CPU)"
  echo "settings: SERVERS='$SERVERS' REFERENCES='$REFERENCES' WARMUP_SECONDS=$WARMUP_SECONDS MEASURE_SECONDS=$MEASURE_SECONDS REPEATS=$REPEATS CONNECTIONS=$CONNECTIONS SERVER_CPU=$SERVER_CPU LOAD_CPU=$LOAD_CPU DISTURBED_PCT=$DISTURBED_PCT CLK_TCK=$CLK_TCK"
} | tee "$OUT_DIR/environment.txt" >&2

# ---- servers ------------------------------------------------------------------------------
declare -A SERVER_PID=() SERVER_ADDRESS=()

# Starts server $1 pinned to SERVER_CPU and waits for its ready line.
start_server() {
  local name="$1" log="$OUT_DIR/$1.server.log" cmd pid ready waited=0 ready_pid
  if [[ "$name" == nginx ]]; then
    start_nginx "$log"
    return
  fi
  if [[ "$name" == node ]]; then
    cmd=(node "$HERE/node-hello.js" 0)
  else
    cmd=("$JAVA" -cp "$CLASSPATH_DIRS" corelab.modes.ServerMain "mode=$name" port=0)
  fi
  echo_background "$log" taskset -c "$SERVER_CPU" "${cmd[@]}"
  # taskset execs the server, so $! is the server's own pid: the one /proc accounts to.
  taskset -c "$SERVER_CPU" "${cmd[@]}" >"$log" 2>&1 &
  pid=$!
  STARTED_PIDS+=("$pid")
  while ! ready="$(grep -m 1 -E '^(corelab|node)-ready ' "$log")"; do
    alive "$pid" || die "$name server (pid $pid) died before it was ready; its output: $(cat "$log")"
    ((waited < READY_TIMEOUT_SECONDS * 10)) || die "$name server (pid $pid) not ready after ${READY_TIMEOUT_SECONDS}s; its output: $(cat "$log")"
    sleep 0.1
    waited=$((waited + 1))
  done
  echo "$ready" >&2
  ready_pid="$(sed -n 's/.* pid=\([0-9]*\).*/\1/p' <<<"$ready")"
  [[ "$ready_pid" == "$pid" ]] || die "$name server says pid=$ready_pid but the pid started was $pid: its CPU time would be read from the wrong process"
  register_server "$name" "$pid" "$(sed -n 's/.* address=\([0-9.]*:[0-9]*\).*/\1/p' <<<"$ready")" "$ready"
}

# Records server $1's pid $2 and address $3; $4 is its ready line, for a message.
register_server() {
  local name="$1" pid="$2" address="$3" ready="$4"
  SERVER_PID[$name]="$pid"
  SERVER_ADDRESS[$name]="$address"
  [[ "${SERVER_ADDRESS[$name]}" == 127.0.0.1:* ]] || die "$name server does not listen on loopback: '$ready'"
}

# nginx, one process (nginx-hello.conf says why), on a port picked here: nginx cannot take
# port 0. A port another process took makes nginx exit at once; then another is tried.
start_nginx() {
  local log="$1" prefix="$OUT_DIR/nginx" port pid attempt waited
  mkdir -p "$prefix"
  for attempt in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 20000))
    sed "s/@PORT@/$port/" "$HERE/nginx-hello.conf" >"$prefix/nginx.conf"
    echo_background "$log" taskset -c "$SERVER_CPU" nginx -p "$prefix" -e "$prefix/error.log" -c "$prefix/nginx.conf"
    taskset -c "$SERVER_CPU" nginx -p "$prefix" -e "$prefix/error.log" -c "$prefix/nginx.conf" >"$log" 2>&1 &
    pid=$!
    STARTED_PIDS+=("$pid")
    waited=0
    while alive "$pid" && ((waited < READY_TIMEOUT_SECONDS * 10)); do
      if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/hello"; then
        register_server nginx "$pid" "127.0.0.1:$port" "nginx-ready pid=$pid address=127.0.0.1:$port"
        return
      fi
      sleep 0.1
      waited=$((waited + 1))
    done
    alive "$pid" && die "nginx (pid $pid) not answering on port $port after ${READY_TIMEOUT_SECONDS}s: $(cat "$prefix/error.log")"
    echo "nginx could not start on port $port (attempt $attempt): $(tail -n 1 "$prefix/error.log")" >&2
  done
  die "nginx could not start on any of 5 random ports"
}

# Checks the answer before any load: a server that answers wrongly is not measured.
verify_server() {
  local name="$1" url="http://${SERVER_ADDRESS[$1]}/hello" head="$OUT_DIR/$1.hello.head" body="$OUT_DIR/$1.hello.body"
  run curl -sS --max-time 5 -D "$head" -o "$body" "$url"
  head -n 1 "$head" | grep -q '^HTTP/1.1 200 ' || die "$name: $url answered '$(head -n 1 "$head")', not 200"
  grep -qi "^Content-Type: $HELLO_CONTENT_TYPE"$'\r'"\$" "$head" || die "$name: Content-Type is not '$HELLO_CONTENT_TYPE': $(cat "$head")"
  [[ "$(cat "$body"; echo .)" == "$HELLO_BODY." ]] || die "$name: the body is not 'Hello from corelab\\n' but '$(cat "$body")'"
  echo "$name answers correctly: $(wc -c <"$head") header bytes + $(wc -c <"$body") body bytes" >&2
}

# ---- measuring ----------------------------------------------------------------------------
# "busy total" clock ticks of CPU $1 from /proc/stat: busy is everything but idle and iowait.
cpu_busy_total() {
  awk -v cpu="cpu$1" '$1 == cpu { busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6 }' /proc/stat
}

# CPU seconds used by every child this shell has waited for (bash's `times`, second line).
# It must run in this shell, not in $(...), which would report the subshell's children.
CHILDREN_CPU_SECONDS=0
read_children_cpu() {
  times >"$OUT_DIR/.times"
  CHILDREN_CPU_SECONDS="$(awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); sub(/s$/, "", p[2]); t += p[1] * 60 + p[2] } print t }' "$OUT_DIR/.times")"
}

# Busy % of CPUs $SERVER_CPU and $LOAD_CPU over half a second, printed as "SERVER_PCT LOAD_PCT".
cores_busy_pct() {
  local s0 l0 s1 l1
  s0="$(cpu_busy_total "$SERVER_CPU")"; l0="$(cpu_busy_total "$LOAD_CPU")"
  sleep 0.5
  s1="$(cpu_busy_total "$SERVER_CPU")"; l1="$(cpu_busy_total "$LOAD_CPU")"
  awk -v s0="$s0" -v s1="$s1" -v l0="$l0" -v l1="$l1" 'function pct(a, b,   x, y) {
      split(a, x, " "); split(b, y, " "); return y[2] == x[2] ? 0 : 100 * (y[1] - x[1]) / (y[2] - x[2]) }
    BEGIN { printf "%.0f %.0f\n", pct(s0, s1), pct(l0, l1) }'
}

# Another build or test on the same cores changes what is measured (shared caches, a
# server that is not the bottleneck), so wait for both cores to be idle, within the time
# budget. Measuring anyway is fine: measure() sees the other work and marks the run.
wait_for_quiet() {
  local runs_left="$1" waited=0 busy server_busy load_busy spare
  while :; do
    busy="$(cores_busy_pct)"
    read -r server_busy load_busy <<<"$busy"
    if ((server_busy < DISTURBED_PCT && load_busy < DISTURBED_PCT)); then return 0; fi
    spare=$((STARTED_AT + TIME_BUDGET_SECONDS - $(date +%s) - runs_left * (MEASURE_SECONDS + 2)))
    if ((waited >= QUIET_WAIT_SECONDS * 2 || spare <= 0)); then
      echo "other work keeps the cores busy (server core ${server_busy}%, wrk core ${load_busy}%); measuring anyway" >&2
      return 0
    fi
    ((waited % 4 != 0)) || echo "waiting for quiet cores (server core ${server_busy}%, wrk core ${load_busy}% busy with other work)" >&2
    waited=$((waited + 1))
  done
}

# Runs wrk at server $1 for $2 seconds, pinned to LOAD_CPU, output into file $3. A non-2xx
# answer means a broken server: stop. Socket errors make this one run invalid: return 1.
run_wrk() {
  local name="$1" seconds="$2" out="$3"
  run timeout $((seconds + 30)) taskset -c "$LOAD_CPU" \
    wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" --latency "http://${SERVER_ADDRESS[$name]}/hello" >"$out" \
    || die "wrk failed against $name; its output: $(cat "$out")"
  if grep -q 'Non-2xx' "$out"; then
    die "$name gave wrong answers under load: $(grep 'Non-2xx' "$out")"
  fi
  if grep -q 'Socket errors' "$out"; then
    echo "wrk saw socket errors against $name: $(grep 'Socket errors' "$out")" >&2
    return 1
  fi
}

# Context switches of every thread of process $1 so far, "VOLUNTARY INVOLUNTARY", from
# /proc/PID/task/*/status (the process's own status counts its main thread only). A thread
# that ends between two readings takes its counts along: the servers here keep theirs.
process_context_switches() {
  cat /proc/"$1"/task/*/status 2>/dev/null \
    | awk '$1 == "voluntary_ctxt_switches:" { v += $2 } $1 == "nonvoluntary_ctxt_switches:" { n += $2 } END { print v + 0, n + 0 }'
}

printf 'server\tround\trequests\twrk_seconds\trequests_per_second\tserver_cpu_ticks\tserver_cpu_us_per_request\tserver_process_cpu_pct\tserver_core_busy_pct\tload_core_busy_pct\twrk_cpu_pct\twindow_seconds\tserver_voluntary_switches_per_request\tserver_involuntary_switches_per_request\tstatus\n' \
  >"$OUT_DIR/trials.tsv"

# One measured run: the server's CPU ticks, both cores' busy ticks and wrk's own CPU time,
# before and after; wrk in between. One line into trials.tsv.
measure() {
  local name="$1" round="$2" out="$OUT_DIR/$1.round$2.wrk.txt" pid="${SERVER_PID[$1]}" ok=1
  local ticks0 ticks1 server_core0 server_core1 load_core0 load_core1 t0 t1 wrk_cpu0 wrk_cpu1 requests wrk_seconds
  local switches0 switches1
  switches0="$(process_context_switches "$pid")"
  ticks0="$(process_cpu_ticks "$pid")"
  server_core0="$(cpu_busy_total "$SERVER_CPU")"
  load_core0="$(cpu_busy_total "$LOAD_CPU")"
  t0="$(date +%s%N)"
  read_children_cpu
  wrk_cpu0="$CHILDREN_CPU_SECONDS"
  run_wrk "$name" "$MEASURE_SECONDS" "$out" || ok=0
  read_children_cpu
  wrk_cpu1="$CHILDREN_CPU_SECONDS"
  t1="$(date +%s%N)"
  ticks1="$(process_cpu_ticks "$pid")"
  switches1="$(process_context_switches "$pid")"
  server_core1="$(cpu_busy_total "$SERVER_CPU")"
  load_core1="$(cpu_busy_total "$LOAD_CPU")"
  # "  523412 requests in 10.00s, 49.42MB read": completed requests, wrk's own elapsed time.
  requests="$(awk '/ requests in / { print $1 }' "$out")"
  wrk_seconds="$(awk '/ requests in / { sub(/s,?$/, "", $4); print $4 }' "$out")"
  [[ "$requests" =~ ^[0-9]+$ && "$requests" -gt 0 ]] || die "no request count in wrk's output: $(cat "$out")"
  [[ "$wrk_seconds" =~ ^[0-9.]+$ ]] || die "no elapsed time in wrk's output: $(cat "$out")"
  # The CPU window is wrk's whole life (start and connects included), a little longer than
  # -d; the server idles outside -d, so its CPU time is all spent on the counted load. The
  # (at most CONNECTIONS) requests in flight when wrk stops are served but not counted.
  awk -v name="$name" -v round="$round" -v requests="$requests" -v wrk_seconds="$wrk_seconds" \
    -v tck="$CLK_TCK" -v ns="$((t1 - t0))" -v ticks="$((ticks1 - ticks0))" -v ok="$ok" \
    -v sb="$server_core0" -v sa="$server_core1" -v lb="$load_core0" -v la="$load_core1" \
    -v wrk_cpu="$wrk_cpu0 $wrk_cpu1" -v disturbed_pct="$DISTURBED_PCT" -v cs0="$switches0" -v cs1="$switches1" '
    BEGIN {
      split(sb, s0, " "); split(sa, s1, " "); split(lb, l0, " "); split(la, l1, " "); split(wrk_cpu, w, " ")
      split(cs0, c0, " "); split(cs1, c1, " ")
      wall = ns / 1e9
      server_pct = 100 * ticks / tck / wall
      server_core_pct = 100 * (s1[1] - s0[1]) / (s1[2] - s0[2])
      load_core_pct = 100 * (l1[1] - l0[1]) / (l1[2] - l0[2])
      wrk_pct = 100 * (w[2] - w[1]) / wall
      # What else ran on each core: its busy time minus what the server (or wrk) used.
      other_server_core = server_core_pct - server_pct
      other_load_core = load_core_pct - wrk_pct
      if (!ok) status = "invalid:wrk_socket_errors"
      else if (other_server_core > disturbed_pct || other_load_core > disturbed_pct)
        status = sprintf("disturbed:other_work_server_core_%.0f%%_wrk_core_%.0f%%", other_server_core, other_load_core)
      else status = "ok"
      printf "%s\t%d\t%d\t%.2f\t%.1f\t%d\t%.3f\t%.1f\t%.1f\t%.1f\t%.1f\t%.3f\t%.4f\t%.4f\t%s\n", name, round, requests,
        wrk_seconds, requests / wrk_seconds, ticks, ticks / tck * 1e6 / requests, server_pct, server_core_pct, load_core_pct,
        wrk_pct, wall, (c1[1] - c0[1]) / requests, (c1[2] - c0[2]) / requests, status
    }' >>"$OUT_DIR/trials.tsv"
  tail -n 1 "$OUT_DIR/trials.tsv" >&2
}

for server in "${SERVER_LIST[@]}"; do
  start_server "$server"
  verify_server "$server"
done
if ((WARMUP_SECONDS > 0)); then
  for server in "${SERVER_LIST[@]}"; do
    echo "warming up $server for ${WARMUP_SECONDS}s, not counted (JIT compilation, class loading, first connections)" >&2
    run_wrk "$server" "$WARMUP_SECONDS" "$OUT_DIR/$server.warmup.wrk.txt" || echo "(during warmup: not counted)" >&2
  done
fi
# Rounds interleave the servers (each once per round), so that slow drift on the machine
# spreads over every server instead of landing on one.
declare -A OK_RUNS=()
count_if_ok() {
  if [[ "$(tail -n 1 "$OUT_DIR/trials.tsv")" == *$'\t'ok ]]; then
    OK_RUNS[$1]=$((${OK_RUNS[$1]-0} + 1))
  fi
}
runs_left=$((REPEATS * ${#SERVER_LIST[@]}))
for ((round = 1; round <= REPEATS; round++)); do
  for server in "${SERVER_LIST[@]}"; do
    wait_for_quiet "$runs_left"
    measure "$server" "$round"
    count_if_ok "$server"
    runs_left=$((runs_left - 1))
  done
done
# Extra rounds, while the time budget lasts, for servers that have fewer than REPEATS ok
# runs: on a shared machine a build often disturbs a run. Whether a run is ok depends only
# on the other work measured beside it, never on its result, and every run, ok or not,
# stays in trials.tsv and in the summary's list.
while ((round <= 2 * REPEATS)); do
  short=()
  for server in "${SERVER_LIST[@]}"; do
    if ((${OK_RUNS[$server]-0} < REPEATS)); then short+=("$server"); fi
  done
  ((${#short[@]} > 0)) || break
  if (($(date +%s) + ${#short[@]} * (MEASURE_SECONDS + 3) > STARTED_AT + TIME_BUDGET_SECONDS)); then
    echo "no time left for extra runs of: ${short[*]} (TIME_BUDGET_SECONDS=$TIME_BUDGET_SECONDS)" >&2
    break
  fi
  echo "extra round $round for the servers with fewer than $REPEATS ok runs: ${short[*]}" >&2
  runs_left=${#short[@]}
  for server in "${short[@]}"; do
    wait_for_quiet "$runs_left"
    measure "$server" "$round"
    count_if_ok "$server"
    runs_left=$((runs_left - 1))
  done
  round=$((round + 1))
done

rm -f "$OUT_DIR/.times"
run awk -F '\t' -v references="$REFERENCES" -f "$HERE/summarize.awk" "$OUT_DIR/trials.tsv" | tee "$OUT_DIR/summary.md"
echo "raw outputs (wrk outputs, server logs, trials.tsv, summary.md, environment.txt): $OUT_DIR" >&2
if grep -q 'no ok run\|no verdict' "$OUT_DIR/summary.md"; then
  echo "http-core-vs-node: some server has fewer than two usable runs, so there is no verdict for it; run again on a quieter machine or with more REPEATS" >&2
  exit 3
fi
