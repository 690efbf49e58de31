#!/usr/bin/env bash
# Benchmark for issue 3: point -> grid lookup, Wuyi's STR-tree index against a brute-force scan, over
# the demo Gulou (3,227 grids) and a generated city of about 140,000 grids (JMH, one fork).
#
#   bench/grid-lookup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -Pbench -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test
source bench/java.sh
exec "$java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main \
    GridLookupBenchmark "$@"
