#!/usr/bin/env bash
# Benchmark for issue 14: a testing round across every residential grid of the demo district at once, marked from many
# phones (a second process), beside the same server's health endpoint, alternating round by round. Starts Wuyi (the
# jar, demo profile) on a fresh embedded PostgreSQL under a temporary data directory — durable as always: fsync and
# synchronous commit on.
#
#   bench/testing.sh [seconds=60] [clients=32] [rounds=4]
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/server.sh

"$java" -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.wuyi.bench.TestingLoad "$port" "${1:-60}" "${2:-32}" "${3:-4}"
