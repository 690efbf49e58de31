#!/usr/bin/env bash
# Benchmark for issue 12: the gate rota (Timefold, in memory) against a greedy baseline, round by round alternating;
# a community's compounds solved together; a no-show repaired with the rest pinned against a full re-solve.
#
#   bench/rota.sh [rounds=3] [seconds per solve=30]
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test

source bench/java.sh

exec "$java" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.wuyi.bench.RotaBenchmark "$@"
