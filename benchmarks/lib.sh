# What the benchmark scripts share, sourced by each run.sh: echoing every command it runs,
# killing everything it started however it ends, and reading a process's CPU time.
#
# Before sourcing, a script sets BENCHMARK (its name, for messages), STARTED_WHAT (what
# it starts, for the final check: "servers") and STOP_TIMEOUT_SECONDS. It adds the pid of
# everything it starts to STARTED_PIDS.
# shellcheck shell=bash

STARTED_PIDS=()

die() {
  echo "$BENCHMARK: $*" >&2
  exit 1
}

# Echoes the exact command, shell-quoted, then runs it.
run() {
  printf '+' >&2
  printf ' %q' "$@" >&2
  printf '\n' >&2
  "$@"
}

# Echoes a command whose output goes to file $1: "+ cmd >out 2>&1".
echo_redirected() {
  local out="$1"
  shift
  printf '+' >&2
  printf ' %q' "$@" >&2
  printf ' >%q 2>&1\n' "$out" >&2
}

# The same for a command started in the background: "+ cmd >out 2>&1 &".
echo_background() {
  local out="$1"
  shift
  printf '+' >&2
  printf ' %q' "$@" >&2
  printf ' >%q 2>&1 &\n' "$out" >&2
}

# True while $1 is a live process (a zombie, dead but not yet reaped, does not count).
alive() {
  local state
  state="$(ps -o stat= -p "$1" 2>/dev/null)" || return 1
  [[ -n "$state" && "$state" != Z* ]]
}

# On every exit: SIGTERM to everything started, SIGKILL to what ignores it, then a check
# with ps that nothing is left (which fails the script if something is).
stop_everything_started() {
  local status=$? pid waited left
  trap - EXIT INT TERM
  for pid in "${STARTED_PIDS[@]}"; do
    if alive "$pid"; then
      echo "+ kill -TERM $pid" >&2
      kill -TERM "$pid" 2>/dev/null || true
    fi
  done
  for pid in "${STARTED_PIDS[@]}"; do
    waited=0
    while alive "$pid" && ((waited < STOP_TIMEOUT_SECONDS * 10)); do
      sleep 0.1
      waited=$((waited + 1))
    done
    if alive "$pid"; then
      echo "process $pid ignored SIGTERM for ${STOP_TIMEOUT_SECONDS}s: + kill -KILL $pid" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true # reap it, so that ps shows no zombie either
  done
  if ((${#STARTED_PIDS[@]} > 0)); then
    left="$(ps -o pid=,args= -p "$(IFS=,; echo "${STARTED_PIDS[*]}")" || true)"
    if [[ -n "$left" ]]; then
      echo "$BENCHMARK: these processes it started are still running:" >&2
      echo "$left" >&2
      status=1
    else
      echo "checked with ps: none of the ${#STARTED_PIDS[@]} $STARTED_WHAT started (pids ${STARTED_PIDS[*]}) is left" >&2
    fi
  fi
  exit "$status"
}
trap stop_everything_started EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# wrk, from Debian's package, installed if missing.
require_wrk() {
  if ! command -v wrk >/dev/null; then
    echo "wrk is missing; installing the Debian package" >&2
    run apt-get update
    run apt-get install -y wrk
  fi
}

# The JDK search ./mvnw does; it exports JAVA_HOME and sets JAVA. It ends with `set -f`,
# because mvnw runs with globbing off: the scripts do not, so globbing goes back on.
find_jdk() {
  # shellcheck source=../.mvn/corelab-jdk.sh
  source "$REPO/.mvn/corelab-jdk.sh"
  set +f
  JAVA="$JAVA_HOME/bin/java"
}

# utime+stime of all the threads of process $1, in clock ticks. The command name (field 2)
# may hold spaces, so fields are counted after its closing parenthesis.
process_cpu_ticks() {
  local stat rest fields
  stat="$(<"/proc/$1/stat")" || die "cannot read /proc/$1/stat: process $1 is gone"
  rest="${stat##*) }"
  read -r -a fields <<<"$rest"
  [[ "${fields[0]}" != Z ]] || die "process $1 has died"
  echo $((fields[11] + fields[12])) # fields 14 (utime) and 15 (stime) in proc(5)
}
