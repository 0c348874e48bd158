# Sourced by ./mvnw before anything else. corelab needs a JDK 25 or newer (the
# Foreign Function & Memory API that passes sockets between processes), and
# Maven itself must run on it (exec:java runs inside Maven's own JVM). A fresh
# machine may have an older `java` on the PATH and no JAVA_HOME, so look for the
# newest JDK 25+ in the usual places and export JAVA_HOME; keep the user's
# JAVA_HOME when it is already 25 or newer.

corelab_jdk_major() { # prints the feature version of the JDK at $1, or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" | head -n 1
  fi
}

corelab_find_jdk() {
  if [ -n "${JAVA_HOME-}" ]; then
    major="$(corelab_jdk_major "$JAVA_HOME")"
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then printf '%s %s' "$major" "$JAVA_HOME"; return 0; fi
  fi
  best="" best_major=0
  path_java="$(command -v java 2>/dev/null || :)"
  path_home=""
  [ -n "$path_java" ] && path_home="$(dirname "$(dirname "$(readlink -f "$path_java")")")"
  for home in "$path_home" /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
      "${HOME-}"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$home" ] && [ -d "$home" ] || continue
    major="$(corelab_jdk_major "$home")"
    if [ -n "$major" ] && [ "$major" -ge 25 ] && [ "$major" -gt "$best_major" ]; then
      best="$home" best_major="$major"
    fi
  done
  [ -n "$best" ] && printf '%s %s' "$best_major" "$best"
  return 0
}

set +f # mvnw runs with globbing off; the search below needs it
corelab_jdk="$(corelab_find_jdk)"
set -f
if [ -z "$corelab_jdk" ]; then
  echo "corelab needs a JDK 25 or newer and found none (looked at JAVA_HOME, the java on the PATH and /usr/lib/jvm): install one, for example Eclipse Temurin 25 ('apt-get install temurin-25-jdk' from Adoptium's Debian repository; Debian 12 has no JDK 25), then run this command again." >&2
  exit 1
fi
JAVA_HOME="${corelab_jdk#* }"
export JAVA_HOME
if [ "${corelab_jdk%% *}" -ge 24 ]; then
  # Maven 3.9's Guice uses sun.misc.Unsafe, and JDK 24+ warns about it on every run.
  MAVEN_OPTS="${MAVEN_OPTS-} --sun-misc-unsafe-memory-access=allow"
  export MAVEN_OPTS
fi
unset corelab_jdk
