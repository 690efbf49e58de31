#!/usr/bin/env bash
# Benchmark for issue 2: import the whole country's divisions into an empty database, against
# PostgreSQL's own COPY of the same rows, in one run, with the heap bounded at 512 MiB.
#
#   bench/region-import.sh ../shared/data/china-division
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: bench/region-import.sh DIR-with-the-china-division-CSV-files}
dir=$(cd "$dir" && pwd)

./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test

# A JDK 21+: JAVA_HOME if it is one, else the newest under /usr/lib/jvm (the build itself finds it by toolchain).
java=${JAVA_HOME:+$JAVA_HOME/bin/java}
if [ -z "$java" ] || ! "$java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
    java=$(ls -d /usr/lib/jvm/*/bin/java | while read -r j; do
        "$j" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])' && echo "$j"; done | sort -V | tail -n 1)
fi
[ -n "$java" ] || { echo "no JDK 21+ found" >&2; exit 1; }

exec "$java" -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.wuyi.bench.DivisionImportBenchmark "$dir"
