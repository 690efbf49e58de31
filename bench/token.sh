#!/usr/bin/env bash
# Benchmark for issue 10: an API call authenticated with a personal access token (a keyed hash looked up) against
# the health endpoint (no authentication) and against HTTP Basic (a BCrypt check per call): median and p99 over
# real HTTP to a running Wuyi with the demo district, alternating round by round.
#
#   bench/token.sh
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test

source bench/java.sh

exec "$java" -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.wuyi.bench.TokenBenchmark
