#!/usr/bin/env bash
# Benchmark for issue 15: a year of synthetic history in the demo district (about 50,000 activations with their drills,
# 1,000,000 outbox messages, 100,000 requests, 500,000 gate hours), then the district performance page and the monthly
# xlsx timed against the region page, alternating round by round; then war-room screens on the event stream, the time
# from an activation to every screen showing it. Starts Wuyi (the jar, demo profile) on a fresh embedded PostgreSQL under
# a temporary data directory — durable as always: fsync and synchronous commit on; the driver is a second process.
#
#   bench/supervision.sh [rounds=8] [screens=50] [activations=50000] [messages=1000000] [requests=100000] [hours=500000]
set -euo pipefail
cd "$(dirname "$0")/.."

dbport=17$(( RANDOM % 900 + 100 ))
wuyi_args="--wuyi.embedded-port=$dbport"
source bench/server.sh

"$java" -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.wuyi.bench.SupervisionLoad "$port" "$data" "$dbport" \
    "${1:-8}" "${2:-50}" "${3:-50000}" "${4:-1000000}" "${5:-100000}" "${6:-500000}"
