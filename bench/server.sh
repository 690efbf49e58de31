# Sourced by the benchmarks that drive a running Wuyi from a second process: builds the jar and the test classes,
# starts Wuyi (demo profile) on a fresh embedded PostgreSQL under a temporary data directory — durable as always: fsync
# and synchronous commit on — waits until it answers, and stops it and removes the directory on exit. Sets $java and $port.
./mvnw -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
source bench/java.sh

data=$(mktemp -d /tmp/wuyi-bench.XXXXXX)
port=18$(( RANDOM % 900 + 100 ))
"$java" -Xmx2g ${wuyi_jvm:-} -jar target/wuyi.jar --spring.profiles.active=demo --wuyi.data-dir="$data" --server.port="$port" \
    --logging.level.root=WARN ${wuyi_args:-} > "$data/wuyi.log" 2>&1 &
wuyi=$!
trap 'kill $wuyi 2>/dev/null; wait $wuyi 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 300); do
    curl -fs "localhost:$port/actuator/health" >/dev/null 2>&1 && break
    kill -0 $wuyi 2>/dev/null || { cat "$data/wuyi.log"; exit 1; }
    sleep 1
done
