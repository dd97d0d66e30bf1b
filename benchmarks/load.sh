#!/usr/bin/env bash
# HTTP load comparison, side by side in one run (see BENCHMARKS.md):
#   simulator       the standalone jar (standalone/target/bevatel-simulator.jar)
#   ceiling         a bare Undertow handler: Jackson parse + same-sized JSON response, on the I/O thread
#   ceiling-worker  the same, dispatched to a worker thread as the simulator does (diagnostic)
#   wiremock        WireMock standalone serving a static stub of the same endpoint and body (the peer)
#   baseline        another build of the standalone jar (BASELINE_JAR=path), for before/after in one run
# Measures cold start (process start → first 2xx), then POST …/messages with wrk (keep-alive,
# 32 connections, Lua script) in interleaved rounds: req/s, p99 latency, server CPU per 1 000
# requests; prints medians with spread and the ratios against the issue's targets.
#
# Usage: benchmarks/load.sh            (from anywhere; about 5 minutes with the defaults)
# Knobs (environment): ROUNDS=5 DURATION=10 WARMUP=5 CONNECTIONS=32 THREADS=2 COLD_RUNS=5
#   TARGETS="simulator ceiling wiremock ceiling-worker" CDS=1 JAVA_OPTS="" SKIP_BUILD=0 OUT=dir
#   BASELINE_JAR=path (adds the target "baseline" to TARGETS and to the cold starts)
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
COLD_RUNS=${COLD_RUNS:-5}
TARGETS=${TARGETS:-"simulator ceiling wiremock ceiling-worker"}
CDS=${CDS:-1}
JAVA_OPTS=${JAVA_OPTS:-}
SKIP_BUILD=${SKIP_BUILD:-0}
OUT=${OUT:-benchmarks/target/load/$(date +%Y%m%d-%H%M%S)}
BASELINE_JAR=${BASELINE_JAR:-}
if [ -n "$BASELINE_JAR" ] && [[ " $TARGETS " != *" baseline "* ]]; then
  TARGETS="$TARGETS baseline"
fi

SIM_JAR=standalone/target/bevatel-simulator.jar
BENCH_JAR=benchmarks/target/benchmarks.jar
CEILING_JAR=benchmarks/target/ceiling-server.jar
WIREMOCK_JAR=benchmarks/target/peers/wiremock-standalone.jar
read -r -a JAVA_ARGS <<<"$JAVA_OPTS"

log() { printf '%s  %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

ensure_wrk() {
  command -v wrk >/dev/null && return
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "wrk is missing; install it (apt-get install wrk) and rerun" >&2; exit 1; }
    sudo=sudo
  fi
  log "installing wrk with apt-get"
  $sudo apt-get install -y wrk >/dev/null || { $sudo apt-get update >/dev/null && $sudo apt-get install -y wrk >/dev/null; }
}

build() {
  if [ "$SKIP_BUILD" = 1 ] && [ -f "$SIM_JAR" ] && [ -f "$BENCH_JAR" ] && [ -f "$CEILING_JAR" ] && [ -f "$WIREMOCK_JAR" ]; then
    return
  fi
  log "building the standalone jar and the benchmarks module"
  mvn -B -q -DskipTests -pl standalone,benchmarks -am package
}

# A port nothing listens on (a refused connection means free), below Linux's ephemeral range so no
# outgoing connection (wrk, curl) holds it; start() retries on the rare bind race anyway.
free_port() {
  local port
  while true; do
    port=$((15000 + RANDOM % 17000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

# server_command NAME PORT [extra JVM args…]: the command line of one target.
server_command() {
  local name=$1 port=$2
  shift 2
  case $name in
    simulator) echo java "${JAVA_ARGS[@]}" "$@" -jar "$SIM_JAR" --port "$port" --access-token "$TOKEN" ;;
    baseline) echo java "${JAVA_ARGS[@]}" "$@" -jar "$BASELINE_JAR" --port "$port" --access-token "$TOKEN" ;;
    ceiling) echo java "${JAVA_ARGS[@]}" "$@" -jar "$CEILING_JAR" --port "$port" --response "$OUT/message.json" ;;
    ceiling-worker) echo java "${JAVA_ARGS[@]}" "$@" -jar "$CEILING_JAR" --port "$port" --response "$OUT/message.json" --mode worker ;;
    wiremock) echo java "${JAVA_ARGS[@]}" "$@" -jar "$WIREMOCK_JAR" --port "$port" --bind-address 127.0.0.1 \
      --root-dir "$OUT/wiremock" --no-request-journal --disable-request-logging --disable-banner --use-chunked-encoding never ;;
    *) echo "unknown target $name" >&2; exit 1 ;;
  esac
}

declare -A PID PORT
STARTED=()
stop_all() {
  for pid in "${STARTED[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${STARTED[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  STARTED=()
}
trap stop_all EXIT

# wait_ready NAME PORT PID: 0 once it answers 200; 2 when it died of a taken port; exits otherwise.
wait_ready() {
  local name=$1 port=$2 pid=$3
  for _ in $(seq 600); do
    if ! kill -0 "$pid" 2>/dev/null; then
      grep -q 'Address already in use' "$OUT/$name.log" && return 2
      echo "$name died; log:" >&2
      cat "$OUT/$name.log" >&2
      exit 1
    fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "api_access_token: $TOKEN" "http://127.0.0.1:$port/api/v1/profile")" = 200 ]; then
      return
    fi
    sleep 0.1
  done
  echo "$name not ready after 60 s" >&2
  exit 1
}

# start NAME [extra JVM args…]: starts a target on a free port, waits for its first 200.
start() {
  local name=$1 port attempt
  shift
  for attempt in 1 2 3; do
    port=$(free_port)
    # shellcheck disable=SC2046
    $(server_command "$name" "$port" "$@") >"$OUT/$name.log" 2>&1 &
    PID[$name]=$!
    PORT[$name]=$port
    STARTED+=("$!")
    wait_ready "$name" "$port" "$!" && return
    log "$name: port $port was taken (attempt $attempt), trying another"
  done
  echo "$name: no free port after 3 attempts" >&2
  exit 1
}

post() { curl -s -H "api_access_token: $TOKEN" -H 'Content-Type: application/json' -d "$2" "http://127.0.0.1:$1$3"; }

# A contact and its conversation (display id 1), as Workload.openConversation does (harmless on the
# ceiling, which answers its template to anything).
open_conversation() {
  local port=$1 source_id
  source_id=$(post "$port" '{"inbox_id":1,"name":"Load Test","email":"load@example.test"}' /api/v1/accounts/1/contacts \
    | { grep -o '"source_id":"[^"]*"' || true; } | head -1 | cut -d'"' -f4)
  post "$port" "{\"inbox_id\":1,\"source_id\":\"$source_id\"}" /api/v1/accounts/1/conversations >/dev/null
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# median_of: reads numbers, prints "median min max".
median_of() {
  sort -g | awk '{v[NR]=$1} END {
    if (NR == 0) { print "nan nan nan"; exit }
    m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2
    print m, v[1], v[NR] }'
}

# fmt MEDIAN MIN MAX DECIMALS UNIT → "12.3 unit ± 4 % [11.9 … 12.8]"
fmt() {
  awk -v m="$1" -v lo="$2" -v hi="$3" -v d="$4" -v u="$5" 'BEGIN {
    s = (m == 0) ? 0 : (hi - lo) / 2 / m * 100
    printf "%." d "f%s ± %.0f %% [%." d "f … %." d "f]", m, u, s, lo, hi }'
}

main() {
  mkdir -p "$OUT"
  ensure_wrk
  build
  TOKEN=$(java -cp "$BENCH_JAR" com.bevatel.simulator.benchmarks.Workload token)
  BODY=$(java -cp "$BENCH_JAR" com.bevatel.simulator.benchmarks.Workload body)
  local path
  path=$(java -cp "$BENCH_JAR" com.bevatel.simulator.benchmarks.Workload path)
  export TOKEN

  log "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); java: $(java -version 2>&1 | head -1)"
  log "output in $OUT"

  # 1. The simulator's real responses, for the ceiling's template and WireMock's stubs.
  start simulator
  open_conversation "${PORT[simulator]}"
  post "${PORT[simulator]}" "$BODY" "$path" >"$OUT/message.json"
  curl -s -H "api_access_token: $TOKEN" "http://127.0.0.1:${PORT[simulator]}/api/v1/profile" >"$OUT/profile.json"
  stop_all
  java -cp "$BENCH_JAR" com.bevatel.simulator.benchmarks.WireMockStubs "$OUT/wiremock" "$OUT/message.json" "$OUT/profile.json"
  log "response sizes: message $(wc -c <"$OUT/message.json") bytes, profile $(wc -c <"$OUT/profile.json") bytes"

  # 2. Cold start: process start → first 2xx, fresh process per run, targets interleaved.
  local cold_targets=()
  local cold_names=(simulator ceiling wiremock)
  [ -n "$BASELINE_JAR" ] && cold_names+=(baseline)
  for name in "${cold_names[@]}"; do
    # shellcheck disable=SC2207
    cold_targets+=(--target "$name" $(server_command "$name" "{port}"))
  done
  if [ "$CDS" = 1 ]; then
    # AppCDS: a dynamic archive of the classes one run loads (start, profile, one POST), then reused.
    for name in simulator ceiling; do
      start "$name" "-XX:ArchiveClassesAtExit=$OUT/$name.jsa"
      open_conversation "${PORT[$name]}"
      post "${PORT[$name]}" "$BODY" "$path" >/dev/null
      stop_all
      # shellcheck disable=SC2207
      cold_targets+=(--target "$name-cds" $(server_command "$name" "{port}" "-XX:SharedArchiveFile=$OUT/$name.jsa"))
    done
  fi
  log "cold start: $COLD_RUNS runs per target"
  java -cp "$BENCH_JAR" com.bevatel.simulator.benchmarks.ColdStart --runs "$COLD_RUNS" --path /api/v1/profile \
    --header "api_access_token=$TOKEN" "${cold_targets[@]}" | tee "$OUT/coldstart.txt" >&2

  # 3. Throughput: all targets up, one after another; warm-up, then interleaved rounds.
  for name in $TARGETS; do
    start "$name"
    case $name in simulator | baseline) open_conversation "${PORT[$name]}" ;; esac
  done
  export WRK_BODY=$BODY WRK_TOKEN=$TOKEN
  local lua=benchmarks/post-message.lua
  for name in $TARGETS; do
    log "warm-up $name (${WARMUP} s)"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$lua" "http://127.0.0.1:${PORT[$name]}$path" >/dev/null
  done
  local hz results=$OUT/results.tsv
  hz=$(getconf CLK_TCK)
  printf 'round\ttarget\treq_per_s\tp50_ms\tp99_ms\tcpu_ms_per_1k\tnon2xx\n' >"$results"
  for round in $(seq "$ROUNDS"); do
    for name in $TARGETS; do
      local before after line requests duration p50 p99 non2xx errors
      before=$(cpu_ticks "${PID[$name]}")
      line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -s "$lua" "http://127.0.0.1:${PORT[$name]}$path" | grep '^WRK ')
      after=$(cpu_ticks "${PID[$name]}")
      eval "$(echo "${line#WRK }" | tr ' ' '\n' | sed 's/^duration_us/duration/; s/^p50_us/p50/; s/^p99_us/p99/; s/^socket_errors/errors/')"
      if [ "$non2xx" != 0 ] || [ "$errors" != 0 ]; then
        echo "$name round $round: $non2xx non-2xx answers, $errors socket errors: the figures are invalid" >&2
        exit 1
      fi
      awk -v r="$round" -v n="$name" -v q="$requests" -v d="$duration" -v p50="$p50" -v p99="$p99" \
        -v cpu=$((after - before)) -v hz="$hz" -v bad="$non2xx" 'BEGIN {
          printf "%d\t%s\t%.0f\t%.3f\t%.3f\t%.1f\t%d\n", r, n, q / (d / 1e6), p50 / 1000, p99 / 1000, cpu * 1000 / hz / q * 1000, bad }' >>"$results"
      log "round $round $(tail -1 "$results" | cut -f2-6 | tr '\t' ' ')"
    done
  done
  stop_all
  report "$results" "$OUT/coldstart.txt" | tee "$OUT/summary.txt"
}

# The summary: per target median ± spread, then the ratios the issue's targets are written in.
report() {
  local results=$1 cold=$2
  echo
  echo "== POST …/messages: wrk -t$THREADS -c$CONNECTIONS, $ROUNDS rounds of ${DURATION} s; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-15s %-36s %-36s %-36s\n' target "req/s" "p99 latency" "server CPU per 1 000 requests"
  for name in $TARGETS; do
    printf '%-15s %-36s %-36s %-36s\n' "$name" \
      "$(fmt $(awk -F'\t' -v n="$name" '$2 == n {print $3}' "$results" | median_of) 0 "")" \
      "$(fmt $(awk -F'\t' -v n="$name" '$2 == n {print $5}' "$results" | median_of) 2 " ms")" \
      "$(fmt $(awk -F'\t' -v n="$name" '$2 == n {print $6}' "$results" | median_of) 1 " ms")"
  done
  echo
  echo "== cold start, process start → first 2xx ($COLD_RUNS runs each)"
  grep '^COLD ' "$cold" | while read -r _ name median lo hi; do
    printf '%-15s %s\n' "$name" "$(fmt "$median" "$lo" "$hi" 0 " ms")"
  done
  echo
  echo "== ratios (per-round ratios, then their median [min … max]; targets from the issue)"
  ratio() { # ratio A B COLUMN: A's value over B's, round by round
    awk -F'\t' -v a="$1" -v b="$2" -v c="$3" '$2 == a {x[$1] = $c} $2 == b {y[$1] = $c}
      END {for (r in x) if (r in y && y[r] != 0) print x[r] / y[r]}' "$results" | median_of
  }
  has() { [[ " $TARGETS " == *" $1 "* ]]; }
  if has simulator && has ceiling; then
    printf '%-48s %s   target ≥ 0.60\n' "throughput simulator / ceiling" "$(fmt $(ratio simulator ceiling 3) 2 "")"
    printf '%-48s %s   target ≤ 2\n' "p99 simulator / ceiling" "$(fmt $(ratio simulator ceiling 5) 2 "")"
    printf '%-48s %s   target ≤ 1.5\n' "CPU per request simulator / ceiling" "$(fmt $(ratio simulator ceiling 6) 2 "")"
  fi
  if has simulator && has baseline; then
    printf '%-48s %s\n' "throughput simulator / baseline" "$(fmt $(ratio simulator baseline 3) 2 "")"
    printf '%-48s %s\n' "CPU per request simulator / baseline" "$(fmt $(ratio simulator baseline 6) 2 "")"
  fi
  if has simulator && has wiremock; then
    printf '%-48s %s   target ≥ 1.5\n' "throughput simulator / wiremock" "$(fmt $(ratio simulator wiremock 3) 2 "")"
  fi
  if has wiremock && has ceiling; then
    printf '%-48s %s   (issue measured 0.41)\n' "throughput wiremock / ceiling" "$(fmt $(ratio wiremock ceiling 3) 2 "")"
  fi
  if has ceiling-worker && has ceiling; then
    printf '%-48s %s   (cost of the worker hand-off)\n' "throughput ceiling-worker / ceiling" "$(fmt $(ratio ceiling-worker ceiling 3) 2 "")"
  fi
  cold_ratio() {
    awk -v a="$1" -v b="$2" '$1 == "COLD" && $2 == a {x = $3} $1 == "COLD" && $2 == b {y = $3}
      END {if (x && y) printf "%.2f", x / y; else printf "n/a"}' "$cold"
  }
  printf '%-48s %s   target ≤ 1.1\n' "cold start simulator / ceiling (medians)" "$(cold_ratio simulator ceiling)"
  printf '%-48s %s   target ≤ 0.5\n' "cold start simulator / wiremock (medians)" "$(cold_ratio simulator wiremock)"
  if [ "$CDS" = 1 ]; then
    printf '%-48s %s   target ≤ 1.1\n' "cold start simulator-cds / ceiling-cds" "$(cold_ratio simulator-cds ceiling-cds)"
    printf '%-48s %s\n' "cold start simulator-cds / ceiling" "$(cold_ratio simulator-cds ceiling)"
    printf '%-48s %s   target ≤ 0.5\n' "cold start simulator-cds / wiremock" "$(cold_ratio simulator-cds wiremock)"
  fi
  echo
  echo "raw rounds: $results"
}

main "$@"
