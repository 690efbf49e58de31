#!/usr/bin/env bash
# Benchmark for issue 5: activate every residential grid of the demo district at once (time until every
# outbox row is committed and until every message reached a local webhook receiver) against a plain JDBC
# batch insert of the same number of rows, and one grid's activation, click to commit; heap 512 MiB.
#
#   bench/activation.sh
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test

source bench/java.sh

exec "$java" -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.wuyi.bench.ActivationBenchmark
