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

source bench/java.sh

exec "$java" -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.wuyi.bench.DivisionImportBenchmark "$dir"
