#!/usr/bin/env bash
# Where the simulator's time goes under the load.sh workload: the standalone jar runs with Java
# Flight Recorder (settings=profile: CPU samples every 10 ms, allocation samples) while wrk POSTs
# messages (keep-alive, 32 connections); the recording is then folded into top-frame tables.
#
# Usage: benchmarks/profile.sh        Knobs: DURATION=20 WARMUP=5 SKIP_BUILD=0 OUT=dir JAVA_OPTS=""
# Raw recording: $OUT/simulator.jfr (open it in JDK Mission Control, or `jfr print --events
# jdk.ExecutionSample $OUT/simulator.jfr`).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20}
WARMUP=${WARMUP:-5}
SKIP_BUILD=${SKIP_BUILD:-0}
OUT=${OUT:-benchmarks/target/profile/$(date +%Y%m%d-%H%M%S)}
JAVA_OPTS=${JAVA_OPTS:-}
read -r -a JAVA_ARGS <<<"$JAVA_OPTS"
BENCH_JAR=benchmarks/target/benchmarks.jar
SIM_JAR=standalone/target/bevatel-simulator.jar

command -v wrk >/dev/null || { echo "wrk is missing: run benchmarks/load.sh once (it installs it) or apt-get install wrk" >&2; exit 1; }
if [ "$SKIP_BUILD" != 1 ] || [ ! -f "$SIM_JAR" ] || [ ! -f "$BENCH_JAR" ]; then
  mvn -B -q -DskipTests -pl standalone,benchmarks -am package
fi
mkdir -p "$OUT"
TOKEN=$(java -cp "$BENCH_JAR" com.bevatel.simulator.benchmarks.Workload token)
BODY=$(java -cp "$BENCH_JAR" com.bevatel.simulator.benchmarks.Workload body)
MESSAGES=$(java -cp "$BENCH_JAR" com.bevatel.simulator.benchmarks.Workload path)

port=$((20000 + RANDOM % 40000))
java "${JAVA_ARGS[@]}" "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=$OUT/simulator.jfr" \
  -jar "$SIM_JAR" --port "$port" --access-token "$TOKEN" >"$OUT/simulator.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "api_access_token: $TOKEN" "http://127.0.0.1:$port/api/v1/profile")" = 200 ] && break
  sleep 0.1
done
post() { curl -s -H "api_access_token: $TOKEN" -H 'Content-Type: application/json' -d "$1" "http://127.0.0.1:$port$2"; }
source_id=$(post '{"inbox_id":1,"name":"Load Test","email":"load@example.test"}' /api/v1/accounts/1/contacts \
  | grep -o '"source_id":"[^"]*"' | head -1 | cut -d'"' -f4)
post "{\"inbox_id\":1,\"source_id\":\"$source_id\"}" /api/v1/accounts/1/conversations >/dev/null

export WRK_BODY=$BODY WRK_TOKEN=$TOKEN
wrk -t2 -c32 -d"${WARMUP}s" -s benchmarks/post-message.lua "http://127.0.0.1:$port$MESSAGES" >/dev/null
wrk -t2 -c32 -d"${DURATION}s" -s benchmarks/post-message.lua "http://127.0.0.1:$port$MESSAGES" | tee "$OUT/wrk.txt"
kill "$pid"
wait "$pid" || true
trap - EXIT
java -cp "$BENCH_JAR" com.bevatel.simulator.benchmarks.JfrTopFrames "$OUT/simulator.jfr" 25 | tee "$OUT/top-frames.txt"
