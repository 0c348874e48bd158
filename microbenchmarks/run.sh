#!/bin/sh
# corelab's microbenchmarks: JMH on the building blocks, then the start-up time of a worker JVM.
#
#   microbenchmarks/run.sh quick   # a classroom look, under 2 minutes on a 2-core machine
#   microbenchmarks/run.sh full    # exact figures: 3 forks, 5+5 iterations of 1-2 s (about 10 minutes)
#
# Results go to results/jmh/ (git-ignored): jmh-<profile>.json (JMH's own format, read by
# the reports) and worker-startup-<profile>.json. Anything after the profile goes to JMH as
# it is, for a run of your own (`run.sh quick Pinning`, `run.sh full -prof gc`): that run
# writes jmh-<profile>-custom.json, never replacing the profile's own results, and skips
# the worker start-up.
set -euf
cd "$(dirname "$0")/.."

profile="${1-}"
case "$profile" in
  quick)
    # One fork, 2 s of warmup and 3 s measured per benchmark, two kernel sizes. The error
    # bars come out wide: JMH's interval is 99.9% and three iterations leave 2 degrees of freedom.
    jmh_options="-f 1 -wi 2 -w 1s -i 3 -r 1s -p iterations=1000,250000"
    starts=10 ;;
  full)
    jmh_options="" # the annotations' own settings: @Fork(3), @Warmup and @Measurement(5 x 1-2 s)
    starts=30 ;;
  *)
    echo "usage: microbenchmarks/run.sh quick|full [JMH options]" >&2
    exit 2 ;;
esac
shift

# A JDK 21+, even where the `java` on the PATH is older (sets JAVA_HOME, as ./mvnw does).
. ./.mvn/corelab-jdk.sh
java_options=""
major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release")"
if [ "$major" -ge 24 ]; then
  # JMH 1.37 calls sun.misc.Unsafe, which JDK 24+ warns about in every fork; JMH's forks
  # inherit the host JVM's options, so saying it once here silences them all.
  java_options="--sun-misc-unsafe-memory-access=allow"
fi

jar=microbenchmarks/target/microbenchmarks.jar
out=results/jmh
mkdir -p "$out"
began="$(date +%s)"

run() { echo "+ $*"; "$@"; }

run ./mvnw -q -B -pl microbenchmarks -am package -DskipTests
built="$(date +%s)"
# Other work on the machine skews every figure below: say how busy it was.
[ ! -r /proc/loadavg ] || echo "corelab: load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores before the run"
if [ $# -gt 0 ]; then
  # shellcheck disable=SC2086 # the option lists are meant to split into words
  run "$JAVA_HOME/bin/java" $java_options -jar "$jar" $jmh_options "$@" -rf json -rff "$out/jmh-$profile-custom.json"
  echo "corelab: results in $out/jmh-$profile-custom.json"
  exit 0
fi
# shellcheck disable=SC2086
run "$JAVA_HOME/bin/java" $java_options -jar "$jar" $jmh_options -rf json -rff "$out/jmh-$profile.json"
# shellcheck disable=SC2086
run "$JAVA_HOME/bin/java" $java_options -cp "$jar" corelab.microbenchmarks.WorkerStartup \
  starts="$starts" output="$out/worker-startup-$profile.json"

ended="$(date +%s)"
echo "corelab: the $profile profile took $((ended - built)) s (and $((built - began)) s to build)"
echo "corelab: results in $out/jmh-$profile.json and $out/worker-startup-$profile.json"
