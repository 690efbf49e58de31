# Sourced by the benchmark scripts: sets $java to a JDK 21+ (JAVA_HOME if it is one, else the newest
# under /usr/lib/jvm; the build itself finds it by toolchain discovery).
java=${JAVA_HOME:+$JAVA_HOME/bin/java}
if [ -z "$java" ] || ! "$java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
    java=$(ls -d /usr/lib/jvm/*/bin/java | while read -r j; do
        "$j" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])' && echo "$j"; done | sort -V | tail -n 1)
fi
[ -n "$java" ] || { echo "no JDK 21+ found" >&2; exit 1; }
