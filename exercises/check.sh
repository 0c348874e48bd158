#!/usr/bin/env bash
# What the exercises promise, checked (CI runs this after the main build): every solution passes
# its tests (-Dsolutions), and every exercise as students get it fails its tests, by at least one
# failed assertion per test class, not by a compile error.
set -euo pipefail
cd "$(dirname "$0")/.."
build=(./mvnw -B -q -Pexercises -pl exercises -am)
only_exercises=(-Dtest='corelab/exercises/**/*Test') # the modules built with -am run none of theirs

echo "+ ${build[*]} verify -Dsolutions ${only_exercises[*]} -Dit.test=none -Dfailsafe.failIfNoSpecifiedTests=false"
"${build[@]}" verify -Dsolutions "${only_exercises[@]}" -Dit.test=none -Dfailsafe.failIfNoSpecifiedTests=false

reports=exercises/target/surefire-reports
rm -rf "$reports"
echo "+ ${build[*]} test ${only_exercises[*]} -Dmaven.test.failure.ignore=true (the unsolved exercises: their tests must fail)"
"${build[@]}" test "${only_exercises[@]}" -Dmaven.test.failure.ignore=true >/dev/null

status=0
for source in $(find exercises/src/test/java -name '*Test.java' | sort); do
  class="${source#exercises/src/test/java/}"
  class="${class%.java}"
  class="${class//\//.}"
  report="$reports/TEST-$class.xml"
  if [ ! -f "$report" ]; then
    echo "exercises: $class did not run on the unsolved exercises" >&2
    status=1
    continue
  fi
  count() { grep -o -m1 " $1=\"[0-9]*\"" "$report" | tr -dc 0-9; }
  tests=$(count tests)
  failed=$(( $(count failures) + $(count errors) ))
  if [ "$failed" -eq 0 ]; then
    echo "exercises: $class passes on the unsolved exercise: its tests do not test the exercise" >&2
    status=1
  else
    echo "exercises: $class, unsolved: $failed of $tests tests fail, as they should"
  fi
done
exit $status
