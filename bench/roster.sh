#!/usr/bin/env bash
# Benchmark for issue 4: import a 21,443-row six-staff roster and export the demo district's roster,
# each against Apache POI merely reading / writing the same rows, in one run, heap bounded at 512 MiB.
#
#   bench/roster.sh
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test

source bench/java.sh

exec "$java" -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.wuyi.bench.RosterBenchmark
