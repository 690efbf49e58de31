#!/usr/bin/env bash
# Benchmark for issue 14: a testing round across every residential grid of the demo district at once, marked from many
# phones (a second process), beside the same server's health endpoint, alternating round by round. Starts Wuyi (the
# jar, demo profile) on a fresh embedded PostgreSQL under a temporary data directory — durable as always: fsync and
# synchronous commit on.
#
#   bench/testing.sh [seconds=60] [clients=32] [rounds=4]
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
source bench/java.sh

data=$(mktemp -d /tmp/wuyi-bench-testing.XXXXXX)
port=19$(( RANDOM % 900 + 100 ))
"$java" -Xmx2g -jar target/wuyi.jar --spring.profiles.active=demo --wuyi.data-dir="$data" --server.port="$port" \
    --logging.level.root=WARN > "$data/wuyi.log" 2>&1 &
wuyi=$!
trap 'kill $wuyi 2>/dev/null; wait $wuyi 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 300); do
    curl -fs "localhost:$port/actuator/health" >/dev/null 2>&1 && break
    kill -0 $wuyi 2>/dev/null || { cat "$data/wuyi.log"; exit 1; }
    sleep 1
done

"$java" -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.wuyi.bench.TestingLoad "$port" "${1:-60}" "${2:-32}" "${3:-4}"
