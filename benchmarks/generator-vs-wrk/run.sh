#!/usr/bin/env bash
# Do corelab's closed-loop figures against a server agree with wrk's (the Debian package) at
# the same concurrency, and what does each generator's CPU cost per request? README.md next
# to this file says what is measured and why, and holds the figures. Run from anywhere:
#
#   bash benchmarks/generator-vs-wrk/run.sh
#
# Settings (environment variables, defaults in brackets):
#   CASES             cases to measure, in this order: cpu hello                        ["cpu hello"]
#   CPU_ITERATIONS    the cpu workload's size, given to wrk's URL and to -DcpuIterations  [20000]
#   CONNECTIONS       wrk -c and corelab -Dconcurrency; wrk runs one thread (-t1)         [64]
#   MEASURE_SECONDS   wrk -d and corelab -DtrialSeconds (one trial per run)               [10]
#   WARMUP_SECONDS    corelab -DwarmupSeconds, and an unrecorded wrk run this long before
#                     every measured wrk run, so that both sides start warm alike          [2]
#   ROUNDS            interleaved rounds per case (wrk, corelab, wrk, corelab, ...)       [3]
#   SERVER_CPU, LOAD_CPU   the CPU the server is pinned to, and both generators'           [1, 0]
#   AGREEMENT_PCT     the largest difference in mean throughput called agreement          [10]
#   DISTURBED_PCT     other processes above this share of either core mark a run disturbed [10]
#   OUT_DIR           where raw outputs go                       [a new /tmp/generator-vs-wrk.* dir]
#
# Before measuring, RequestLineProbe.java shows which URL corelab's generator really sends
# for the cpu case. If it is not the URL wrk is given, the cpu comparison is not like for
# like: the script says so, and adds a case "cpu-as-sent" in which wrk asks for the same
# work corelab sends, so that the generators can still be compared with each other.
#
# It prints every command it runs (lines starting with "+"), keeps every raw output in
# OUT_DIR, prints a Markdown summary (summarize.awk), and kills everything it started,
# however it ends. Exit status: 0 when every case agrees within AGREEMENT_PCT, 2 when some
# case does not, 3 when some case has too few undisturbed runs for a verdict (the figures
# are printed all the same), 1 on any other failure.
set -euo pipefail
shopt -s inherit_errexit # a failure inside $(...) fails the assignment that holds it
export LC_ALL=C.UTF-8 # decimal points, not commas, in every number parsed or printed; corelab prints a ±

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"

CASES="${CASES:-cpu hello}"
CPU_ITERATIONS="${CPU_ITERATIONS:-20000}"
CONNECTIONS="${CONNECTIONS:-64}"
MEASURE_SECONDS="${MEASURE_SECONDS:-10}"
WARMUP_SECONDS="${WARMUP_SECONDS:-2}"
ROUNDS="${ROUNDS:-3}"
SERVER_CPU="${SERVER_CPU:-1}"
LOAD_CPU="${LOAD_CPU:-0}"
AGREEMENT_PCT="${AGREEMENT_PCT:-10}"
DISTURBED_PCT="${DISTURBED_PCT:-10}"
OUT_DIR="${OUT_DIR:-$(mktemp -d /tmp/generator-vs-wrk.XXXXXX)}"
READY_TIMEOUT_SECONDS=30
CORELAB_START_TIMEOUT_SECONDS=120 # Maven's start and a no-op compile, on one shared core
STOP_TIMEOUT_SECONDS=10
BENCHMARK=generator-vs-wrk
STARTED_WHAT="processes (server, probe, wrk and Maven runs)"
# shellcheck source=../lib.sh
source "$HERE/../lib.sh" # die, run, and everything started dies with this script
# The CPU windows leave this much of each measured run out at both ends: connects and the
# first answers at the start, the generator's end and Maven's report at the end.
WINDOW_MARGIN_SECONDS=1

# ---- settings are checked once, here ---------------------------------------------------
for setting in CPU_ITERATIONS CONNECTIONS MEASURE_SECONDS WARMUP_SECONDS ROUNDS SERVER_CPU LOAD_CPU AGREEMENT_PCT DISTURBED_PCT; do
  [[ "${!setting}" =~ ^[0-9]+$ ]] || die "$setting must be a whole number, was '${!setting}'"
done
((MEASURE_SECONDS >= 2 * WINDOW_MARGIN_SECONDS + 2 && MEASURE_SECONDS <= 120)) \
  || die "MEASURE_SECONDS must be $((2 * WINDOW_MARGIN_SECONDS + 2))..120, was $MEASURE_SECONDS"
((WARMUP_SECONDS >= 1 && WARMUP_SECONDS <= 60)) || die "WARMUP_SECONDS must be 1..60, was $WARMUP_SECONDS"
((ROUNDS >= 1 && ROUNDS <= 20)) || die "ROUNDS must be 1..20, was $ROUNDS"
((CONNECTIONS >= 1 && CONNECTIONS <= 10000)) || die "CONNECTIONS must be 1..10000, was $CONNECTIONS"
((CPU_ITERATIONS <= 100000000)) || die "CPU_ITERATIONS must be 0..100000000, was $CPU_ITERATIONS"
((SERVER_CPU != LOAD_CPU)) || die "SERVER_CPU and LOAD_CPU must differ, or the server and the generators share a core"
read -r -a CASE_LIST <<<"$CASES"
((${#CASE_LIST[@]} >= 1)) || die "CASES is empty; valid cases: cpu hello"
for case_name in "${CASE_LIST[@]}"; do
  case "$case_name" in
    cpu | hello) ;;
    *) die "unknown case '$case_name'; valid cases: cpu hello (cpu-as-sent is added by the script when it applies)" ;;
  esac
done
CPUS="$(nproc --all)"
((SERVER_CPU < CPUS && LOAD_CPU < CPUS)) || die "this machine has CPUs 0..$((CPUS - 1)); SERVER_CPU=$SERVER_CPU LOAD_CPU=$LOAD_CPU"
mkdir -p "$OUT_DIR"
echo "raw outputs go to $OUT_DIR" >&2

# ---- tools --------------------------------------------------------------------------------
require_wrk
for tool in taskset curl jq getconf git; do
  command -v "$tool" >/dev/null || die "$tool is not on the PATH (Debian: apt-get install -y ${tool/taskset/util-linux})"
done
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (Debian: apt-get install -y time)"
CLK_TCK="$(getconf CLK_TCK)"

find_jdk

cd "$REPO"
run ./mvnw -q -B compile
# Other people build in this tree while the benchmark runs (a rebuild deletes and rewrites
# target/classes), so the server runs from a copy of what was just compiled: a class it
# loads late must still be there, and be the same code in the last round as in the first.
run mkdir -p "$OUT_DIR/server-classes"
run cp -a workloads/target/classes "$OUT_DIR/server-classes/workloads"
run cp -a modes/target/classes "$OUT_DIR/server-classes/modes"
CLASSPATH_DIRS="$OUT_DIR/server-classes/workloads:$OUT_DIR/server-classes/modes"

# ---- provenance ---------------------------------------------------------------------------
{
  echo "date_utc: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git rev-parse HEAD)"
  # The server and the generator run what was just compiled from the working tree, edits included.
  echo "uncommitted_changes_in_main_sources_before: $(git status --porcelain -- '*/src/main' | awk '{ printf "%s ", $2 }')"
  echo "jdk: $JAVA_HOME ($("$JAVA" -version 2>&1 | sed -n 2p))"
  echo "wrk: $(wrk --version 2>&1 | head -n 1 || true) ($(dpkg-query -W -f '${Package} ${Version}' wrk 2>/dev/null || echo 'not from a Debian package'))"
  echo "kernel: $(uname -srm)"
  echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $CPUS CPUs"
  echo "load_average_before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "settings: CASES='$CASES' CPU_ITERATIONS=$CPU_ITERATIONS CONNECTIONS=$CONNECTIONS MEASURE_SECONDS=$MEASURE_SECONDS WARMUP_SECONDS=$WARMUP_SECONDS ROUNDS=$ROUNDS SERVER_CPU=$SERVER_CPU LOAD_CPU=$LOAD_CPU AGREEMENT_PCT=$AGREEMENT_PCT DISTURBED_PCT=$DISTURBED_PCT CLK_TCK=$CLK_TCK"
} | tee "$OUT_DIR/environment.txt" >&2

# ---- the server ---------------------------------------------------------------------------
# One single-mode server for every run of both generators, pinned to SERVER_CPU.
SERVER_LOG="$OUT_DIR/server.log"
SERVER_CMD=(taskset -c "$SERVER_CPU" "$JAVA" -cp "$CLASSPATH_DIRS" corelab.modes.ServerMain mode=single port=0 "cpuIterations=$CPU_ITERATIONS")
echo_background "$SERVER_LOG" "${SERVER_CMD[@]}"
# taskset execs the server, so $! is the server's own pid: the one /proc accounts to.
"${SERVER_CMD[@]}" >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
STARTED_PIDS+=("$SERVER_PID")
waited=0
while ! ready="$(grep -m 1 '^corelab-ready ' "$SERVER_LOG")"; do
  alive "$SERVER_PID" || die "the server (pid $SERVER_PID) died before it was ready; its output: $(cat "$SERVER_LOG")"
  ((waited < READY_TIMEOUT_SECONDS * 10)) || die "the server (pid $SERVER_PID) was not ready after ${READY_TIMEOUT_SECONDS}s; its output: $(cat "$SERVER_LOG")"
  sleep 0.1
  waited=$((waited + 1))
done
echo "$ready" >&2
[[ "$(sed -n 's/.* pid=\([0-9]*\).*/\1/p' <<<"$ready")" == "$SERVER_PID" ]] \
  || die "the server says '$ready' but the pid started was $SERVER_PID: its CPU time would be read from the wrong process"
SERVER_ADDRESS="$(sed -n 's/.* address=\([0-9.]*:[0-9]*\).*/\1/p' <<<"$ready")"
[[ "$SERVER_ADDRESS" == 127.0.0.1:* ]] || die "the server does not listen on loopback: '$ready'"

# ---- the cases ----------------------------------------------------------------------------
declare -A WRK_PATH=() CORELAB_ARGS=()
define_cpu_case() { # $1 case name, $2 iterations
  WRK_PATH[$1]="/cpu?seed=1&iterations=$2"
  CORELAB_ARGS[$1]="-Dworkload=cpu -DcpuIterations=$2"
}
define_cpu_case cpu "$CPU_ITERATIONS"
WRK_PATH[hello]="/hello"
CORELAB_ARGS[hello]="-Dworkload=hello"

# The corelab command of case $1 against address $2, as words; results go under folder $3.
corelab_command() {
  local args
  read -r -a args <<<"${CORELAB_ARGS[$1]}"
  CORELAB_CMD=(taskset -c "$LOAD_CPU" ./mvnw -q -B compile exec:java "-Dtarget=http://$2" "${args[@]}"
    "-Dconcurrency=$CONNECTIONS" "-DwarmupSeconds=$WARMUP_SECONDS" "-DtrialSeconds=$MEASURE_SECONDS" -Dtrials=1
    "-DresultsDir=$3")
}

# Checks the answer to wrk's URL before any load: a server that answers wrongly is not measured.
verify_wrk_url() {
  local name="$1" url="http://$SERVER_ADDRESS${WRK_PATH[$1]}" head="$OUT_DIR/$1.verify.head" body="$OUT_DIR/$1.verify.body" want
  run curl -sS --max-time 10 -D "$head" -o "$body" "$url"
  head -n 1 "$head" | grep -q '^HTTP/1.1 200 ' || die "$url answered '$(head -n 1 "$head")', not 200"
  case "$name" in
    hello) want=$'^Hello from corelab$' ;;
    *) want="^cpu seed=1 iterations=${WRK_PATH[$name]##*=} result=[0-9a-f]+\$" ;;
  esac
  grep -Eq "$want" "$body" || die "$url answered '$(cat "$body")', which does not match '$want'"
  echo "$url answers 200: $(cat "$body")" >&2
}

# Which URL does corelab's generator send for case $1? RequestLineProbe plays the server for
# one request: corelab verifies one answer before its load, gets a 503 and stops.
PROBED_PATH=""
probe_corelab_path() {
  local name="$1" log="$OUT_DIR/$1.probe.log" corelab_log="$OUT_DIR/$1.probe.corelab.log" pid port waited=0
  echo_background "$log" "$JAVA" "$HERE/RequestLineProbe.java"
  "$JAVA" "$HERE/RequestLineProbe.java" >"$log" 2>&1 &
  pid=$!
  STARTED_PIDS+=("$pid")
  while ! port="$(sed -n 's/^probe-ready port=\([0-9]*\)$/\1/p' "$log")" || [[ -z "$port" ]]; do
    alive "$pid" || die "RequestLineProbe died before it was ready: $(cat "$log")"
    ((waited < READY_TIMEOUT_SECONDS * 10)) || die "RequestLineProbe not ready after ${READY_TIMEOUT_SECONDS}s"
    sleep 0.1
    waited=$((waited + 1))
  done
  corelab_command "$name" "127.0.0.1:$port" "$OUT_DIR/probe-results"
  # corelab stops with an error here by design: the probe answers 503.
  echo_redirected "$corelab_log" "${CORELAB_CMD[@]}"
  "${CORELAB_CMD[@]}" >"$corelab_log" 2>&1 || true
  wait "$pid" || die "RequestLineProbe failed: $(cat "$log")"
  PROBED_PATH="$(sed -n 's/^probe-request-line GET \([^ ]*\) HTTP\/1\.1$/\1/p' "$log")"
  [[ -n "$PROBED_PATH" ]] || die "corelab sent no request to the probe; its output: $(cat "$corelab_log")"
}

# ---- measuring ----------------------------------------------------------------------------
# "tasks busy total" clock ticks of CPU $1 from /proc/stat. tasks: user, nice, system and
# steal; busy: tasks plus irq and softirq, which here is mostly loopback TCP driven by the
# benchmark's own traffic and is not charged to any process; total: busy plus idle and iowait.
cpu_busy_total() {
  awk -v cpu="cpu$1" '$1 == cpu { tasks = $2 + $3 + $4 + $9; busy = tasks + $7 + $8; print tasks, busy, busy + $5 + $6 }' /proc/stat
}

# One snapshot for a CPU window: time, the generator's and the server's CPU, both cores.
# Fails (status 1) when the generator or the server is gone.
snapshot() {
  local now generator server load_core server_core
  now="$(date +%s%N)"
  generator="$(process_cpu_ticks "$1")" || return 1
  server="$(process_cpu_ticks "$SERVER_PID")" || return 1
  load_core="$(cpu_busy_total "$LOAD_CPU")"
  server_core="$(cpu_busy_total "$SERVER_CPU")"
  echo "$now $generator $server $load_core $server_core"
}

# Sleeps $2 seconds between two snapshots of generator $1, in the steady middle of a run:
# whole-process CPU of the generator (every thread: for corelab also GC, JIT and Maven's
# own), the server's CPU, how busy each core was, and how much of that was other processes
# (task time on the core beyond the generator's or the server's; at least 0: the kernel
# charges a process some of the softirq time it triggers). Prints: "window_seconds
# generator_pct server_pct load_core_busy_pct server_core_busy_pct other_load_pct other_server_pct"
cpu_window() {
  local a b
  a="$(snapshot "$1")" || return 1
  sleep "$2"
  b="$(snapshot "$1")" || return 1
  awk -v a="$a" -v b="$b" -v tck="$CLK_TCK" 'BEGIN {
    split(a, x, " "); split(b, y, " ")
    wall = (y[1] - x[1]) / 1e9
    gen = 100 * (y[2] - x[2]) / tck / wall; srv = 100 * (y[3] - x[3]) / tck / wall
    load_total = y[6] - x[6]; server_total = y[9] - x[9]
    load_busy = 100 * (y[5] - x[5]) / load_total; server_busy = 100 * (y[8] - x[8]) / server_total
    other_load = 100 * (y[4] - x[4]) / load_total - gen; other_server = 100 * (y[7] - x[7]) / server_total - srv
    printf "%.3f %.1f %.1f %.1f %.1f %.1f %.1f\n", wall, gen, srv, load_busy, server_busy,
      other_load < 0 ? 0 : other_load, other_server < 0 ? 0 : other_server
  }'
}

# Milliseconds from wrk's "123.45us", "12.34ms" or "1.23s".
wrk_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v + 0 }
    else if (v ~ /m$/) { sub(/m$/, "", v); print v * 60000 } else if (v ~ /s$/) { sub(/s$/, "", v); print v * 1000 }
    else print "nan" }'
}

WRK_COMMON=(-t1 "-c$CONNECTIONS")
printf 'case\tround\tgenerator\trequests_per_second\tlatency_p50_ms\tlatency_p99_ms\terrors\tgenerator_cpu_us_per_request\twindow_seconds\tprocess_cpu_us_per_request_window\tprocess_cpu_pct_window\tcorelab_generator_utilization_pct\tserver_cpu_pct_window\tload_core_busy_pct\tserver_core_busy_pct\tother_work_load_core_pct\tother_work_server_core_pct\tstatus\n' \
  >"$OUT_DIR/trials.tsv"

# One measured wrk run of case $1, round $2: warm up, then wrk under /usr/bin/time, with a
# CPU window in its middle. wrk's CPU per request is its whole life's user+sys time over its
# completed requests; a non-2xx answer stops everything, socket errors mark the run.
measure_wrk() {
  local name="$1" round="$2" out="$OUT_DIR/$1.round$2.wrk.txt" timing="$OUT_DIR/$1.round$2.wrk.time"
  local url="http://$SERVER_ADDRESS${WRK_PATH[$1]}" pid window requests seconds rps p50 p99 errors cpu status=ok
  echo "warming up the server for wrk: ${WARMUP_SECONDS}s, not counted" >&2
  run taskset -c "$LOAD_CPU" wrk "${WRK_COMMON[@]}" "-d${WARMUP_SECONDS}s" "$url" >"$OUT_DIR/$1.round$2.wrk-warmup.txt" \
    || die "the warmup wrk failed: $(cat "$OUT_DIR/$1.round$2.wrk-warmup.txt")"
  local cmd=(/usr/bin/time -f '%U %S %e' -o "$timing" taskset -c "$LOAD_CPU" wrk "${WRK_COMMON[@]}" "-d${MEASURE_SECONDS}s" --latency "$url")
  echo_background "$out" "${cmd[@]}"
  "${cmd[@]}" >"$out" 2>&1 &
  pid=$!
  STARTED_PIDS+=("$pid")
  sleep "$WINDOW_MARGIN_SECONDS"
  # /usr/bin/time forks one child, taskset, which execs wrk: that child is wrk.
  local wrk_pid
  wrk_pid="$(cat "/proc/$pid/task/$pid/children" 2>/dev/null | awk '{ print $1 }')"
  [[ -n "$wrk_pid" && "$(cat "/proc/$wrk_pid/comm" 2>/dev/null)" == wrk ]] || die "cannot find wrk under /usr/bin/time (pid $pid)"
  window="$(cpu_window "$wrk_pid" $((MEASURE_SECONDS - 2 * WINDOW_MARGIN_SECONDS)))"
  wait "$pid" || die "wrk failed; its output: $(cat "$out")"
  grep -q 'Non-2xx' "$out" && die "the server gave non-2xx answers to wrk: $(grep 'Non-2xx' "$out")"
  # "  523412 requests in 10.00s, 49.42MB read": completed requests, wrk's own elapsed time.
  requests="$(awk '/ requests in / { print $1 }' "$out")"
  seconds="$(awk '/ requests in / { sub(/s,?$/, "", $4); print $4 }' "$out")"
  [[ "$requests" =~ ^[0-9]+$ && "$requests" -gt 0 && "$seconds" =~ ^[0-9.]+$ ]] || die "no request count in wrk's output: $(cat "$out")"
  rps="$(awk -v r="$requests" -v s="$seconds" 'BEGIN { printf "%.1f", r / s }')"
  p50="$(wrk_ms "$(awk '$1 == "50%" { print $2 }' "$out")")"
  p99="$(wrk_ms "$(awk '$1 == "99%" { print $2 }' "$out")")"
  errors="$(awk '/Socket errors/ { gsub(/,/, ""); print $4 + $6 + $8 + $10 }' "$out")"
  errors="${errors:-0}"
  ((errors == 0)) || status="wrk_socket_errors"
  cpu="$(awk -v r="$requests" '{ printf "%.2f", ($1 + $2) * 1e6 / r }' "$timing")"
  awk -v c="$name" -v round="$round" -v rps="$rps" -v p50="$p50" -v p99="$p99" -v errors="$errors" -v cpu="$cpu" \
    -v w="$window" -v status="$status" 'BEGIN {
      split(w, x, " ")
      printf "%s\t%d\twrk\t%s\t%.3f\t%.3f\t%d\t%s\t%.2f\t%.2f\t%.1f\t-\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%s\n", c, round, rps, p50, p99,
        errors, cpu, x[1], 1e4 * x[2] / rps, x[2], x[3], x[4], x[5], x[6], x[7], status }' >>"$OUT_DIR/trials.tsv"
  tail -n 1 "$OUT_DIR/trials.tsv" >&2
}

# One measured corelab run of case $1, round $2: the Maven JVM is the generator, pinned to
# LOAD_CPU. Its figures come from its results.json; the CPU window opens WARMUP_SECONDS
# (plus the margin) after it says "corelab: measuring", which it prints as its load starts.
measure_corelab() {
  local name="$1" round="$2" attempt json
  for attempt in 1 2; do
    if corelab_run "$name" "$round" "$attempt"; then
      return 0
    fi
    # A colleague's rebuild or half-edited file in the shared tree can break a run that has
    # nothing wrong with it (a class deleted under a running JVM, a compile error): one more
    # try, in the same place in the interleaving. A run is never retried for its figures.
    ((attempt == 1)) || die "corelab failed twice in case $name, round $round; see $OUT_DIR/$name.round$round.corelab*.txt"
    echo "corelab failed before its results were complete (output: $OUT_DIR/$name.round$round.corelab.attempt1.txt); trying once more" >&2
    sleep 5
  done
}

# Returns 1 when the run failed before its results were complete. It runs as an `if`
# condition, where bash ignores `set -e`: every step that can fail is checked by hand.
corelab_run() {
  local name="$1" round="$2" attempt="$3" out="$OUT_DIR/$1.round$2.corelab.attempt$3.txt"
  local results="$OUT_DIR/$1.round$2.corelab-results.attempt$3" pid waited=0 window json status exit_status=0
  corelab_command "$name" "$SERVER_ADDRESS" "$results"
  echo_background "$out" "${CORELAB_CMD[@]}"
  "${CORELAB_CMD[@]}" >"$out" 2>&1 &
  pid=$!
  STARTED_PIDS+=("$pid")
  until grep -q '^corelab: measuring ' "$out"; do
    if ! alive "$pid"; then
      wait "$pid" || true
      echo "corelab ended before its load started; its output: $(cat "$out")" >&2
      return 1
    fi
    ((waited < CORELAB_START_TIMEOUT_SECONDS * 10)) || die "corelab's load did not start within ${CORELAB_START_TIMEOUT_SECONDS}s"
    sleep 0.1
    waited=$((waited + 1))
  done
  sleep $((WARMUP_SECONDS + WINDOW_MARGIN_SECONDS))
  # taskset execs mvnw, which execs mvn, which execs java: $! is Maven's JVM, the generator.
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == java ]] || die "process $pid is not Maven's JVM: $(cat "/proc/$pid/comm" 2>/dev/null)"
  if ! window="$(cpu_window "$pid" $((MEASURE_SECONDS - 2 * WINDOW_MARGIN_SECONDS)))"; then
    wait "$pid" || true
    echo "corelab's JVM ended during its measured trial; its output: $(cat "$out")" >&2
    return 1
  fi
  wait "$pid" || exit_status=$?
  json="$(ls "$results"/*/results.json 2>/dev/null | head -n 1)"
  if [[ -z "$json" || "$(jq -r '.status' "$json")" != COMPLETE ]]; then
    echo "corelab exited with status $exit_status and no complete results.json; its output: $(cat "$out")" >&2
    return 1
  fi
  if ((exit_status != 0)); then
    # Everything was measured and saved; what failed came after (the report, typically).
    echo "NOTE: corelab exited with status $exit_status AFTER saving complete results ($json); its figures are used. Its output: $(cat "$out")" >&2
    echo "case $name round $round: corelab exited with status $exit_status after saving complete results" >>"$OUT_DIR/notes.txt"
  fi
  [[ "$(jq -r '.configurations | length' "$json")" == 1 && "$(jq -r '.configurations[0].trials | length' "$json")" == 1 ]] \
    || die "expected one configuration with one trial in $json"
  status="$(jq -r '.configurations[0] | if .valid then "ok" else "corelab_invalid:" + (.invalidReasons | join(";") | gsub("[ \t]"; "_")) end' "$json")" \
    || die "cannot read $json"
  jq -r --arg c "$name" --arg round "$round" --arg w "$window" --arg status "$status" '
    .configurations[0].trials[0] as $t | ($w | split(" ") | map(tonumber)) as $x |
    [$c, $round, "corelab", ($t.throughputPerSecond * 10 | round / 10), ($t.latency.p50Micros / 1000), ($t.latency.p99Micros / 1000),
     ($t.errors | .wrongAnswers + .statusErrors + .timeouts + .connectionErrors),
     ($t.generator.cpuMicrosPerRequest * 100 | round / 100), $x[0],
     (1e4 * $x[1] / $t.throughputPerSecond * 100 | round / 100), $x[1], ($t.generator.utilization * 1000 | round / 10),
     $x[2], $x[3], $x[4], $x[5], $x[6], $status] | @tsv' "$json" >>"$OUT_DIR/trials.tsv" || die "cannot read the figures in $json"
  tail -n 1 "$OUT_DIR/trials.tsv" >&2
}

# ---- is corelab asked for the same work as wrk? ---------------------------------------------
MEASURED_CASES=()
for case_name in "${CASE_LIST[@]}"; do
  MEASURED_CASES+=("$case_name")
  [[ "$case_name" == cpu ]] || continue
  probe_corelab_path cpu
  echo "corelab's generator sends ${PROBED_PATH/seed=1/seed=N} for the cpu case (N = 1..64); wrk is given ${WRK_PATH[cpu]}" >&2
  echo "cpu_case_probe: corelab with -DcpuIterations=$CPU_ITERATIONS sends ${PROBED_PATH/seed=1/seed=N}; wrk is given ${WRK_PATH[cpu]}" >>"$OUT_DIR/environment.txt"
  if [[ "${PROBED_PATH#*&}" != "${WRK_PATH[cpu]#*&}" ]]; then
    sent_iterations="${PROBED_PATH##*iterations=}"
    [[ "$sent_iterations" =~ ^[0-9]+$ ]] || die "cannot read the iterations corelab sends from '$PROBED_PATH'"
    echo "MISMATCH: with -Dtarget, corelab sends iterations=$sent_iterations although it was given -DcpuIterations=$CPU_ITERATIONS," >&2
    echo "so in the cpu case it asks the server for different work than wrk does. Adding case cpu-as-sent: wrk and corelab both at iterations=$sent_iterations." >&2
    define_cpu_case cpu-as-sent "$sent_iterations"
    probe_corelab_path cpu-as-sent
    [[ "${PROBED_PATH#*&}" == "${WRK_PATH[cpu-as-sent]#*&}" ]] \
      || die "even with -DcpuIterations=$sent_iterations corelab sends $PROBED_PATH; no like-for-like cpu case is possible"
    MEASURED_CASES+=(cpu-as-sent)
  fi
done

# ---- interleaved rounds -----------------------------------------------------------------------
for case_name in "${MEASURED_CASES[@]}"; do
  verify_wrk_url "$case_name"
  for ((round = 1; round <= ROUNDS; round++)); do
    echo "== case $case_name, round $round of $ROUNDS: wrk, then corelab ==" >&2
    measure_wrk "$case_name" "$round"
    measure_corelab "$case_name" "$round"
  done
done
{
  echo "load_average_after: $(cut -d' ' -f1-3 /proc/loadavg)"
  # Each corelab run compiles the tree again (exec:java needs it): if this differs from the
  # line before, or the commit moved, the generator's code may have changed between rounds.
  echo "commit_after: $(git rev-parse HEAD)"
  echo "uncommitted_changes_in_main_sources_after: $(git status --porcelain -- '*/src/main' | awk '{ printf "%s ", $2 }')"
} | tee -a "$OUT_DIR/environment.txt" >&2

run awk -F '\t' -v agreement_pct="$AGREEMENT_PCT" -v disturbed_pct="$DISTURBED_PCT" -f "$HERE/summarize.awk" "$OUT_DIR/trials.tsv" | tee "$OUT_DIR/summary.md"
echo "raw outputs (wrk and corelab outputs, corelab results folders, server log, trials.tsv, summary.md, environment.txt): $OUT_DIR" >&2
if grep -q '^- VERDICT: DISAGREE' "$OUT_DIR/summary.md"; then
  exit 2
elif grep -q '^- VERDICT: no verdict' "$OUT_DIR/summary.md"; then
  exit 3
fi
