#!/usr/bin/env bash
# Benchmark for issue 3: the coverage check of all 69 demo Gulou communities against the same check
# done naively (every pair of grids tested), in one run.
#
#   bench/grid-coverage.sh [--city]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -Pbench -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test
source bench/java.sh
exec "$java" -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.wuyi.grid.internal.CoverageBenchmark "$@"
