#!/usr/bin/env bash
# Runs the Switchboard load benchmark: builds what is missing, then for each scenario starts a fresh server
# pinned to core 0 (in-memory store), drives it from a load generator pinned to core 1, stops the server, and
# prints the report. Results and the closed-loop JFR recording land in bench/target/results/.
#
#   bench/run.sh                      # all scenarios: closed, open, idle
#   bench/run.sh closed               # one scenario
#   PAIRS=200 WINDOW=16 bench/run.sh closed
#   WARMUP=20 JFR=off bench/run.sh closed   # longer JIT warm-up, no flight recording (for A/B comparisons)
#   BENCH_JAR=/tmp/a.jar bench/run.sh closed  # a saved build of the benchmark jar, e.g. a baseline
#   SERVER_OPTS=-Dbench.workerThreads=2 bench/run.sh closed  # extra JVM options for the server
#   SERVER_OPTS=-Dbench.workers=true bench/run.sh closed      # socket rounds on the worker pool, not the event loop
#
# WARMUP (seconds, default 20) precedes every measured window of the relay scenarios: with 5 s the C2
# compiler was still busy during the measurement (see docs/benchmarks.md). JFR=off skips the closed loop's
# flight recording and its summary; the recording costs the server a few per cent of its core.
#
# BENCH_SERVER=embedded (default) runs dev.switchboard.bench.BenchServer: the app's core, memory store and
# HTTP adapter with the per-address WebSocket limit and frame rate raised. BENCH_SERVER=app runs
# app/target/switchboard.jar instead, once the app serves pairing and exposes those limits as settings.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
OUT="${OUT:-bench/target/results}"
PORT="${PORT:-18080}"
SERVER_KIND="${BENCH_SERVER:-embedded}"
BENCH_JAR="${BENCH_JAR:-bench/target/switchboard-bench.jar}"
WARMUP="${WARMUP:-20}"
JFR="${JFR:-on}"
APP_JAR="app/target/switchboard.jar"
SCENARIOS=("${@:-closed open idle}")
read -r -a SCENARIOS <<< "${SCENARIOS[*]}"

# Sockets are files: let both processes hold as many as the machine allows (about 20,000 here).
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

if [[ ! -f "$BENCH_JAR" ]]; then
  mvn -q -B -Pbench -pl bench -am -DskipTests package
fi
if [[ "$SERVER_KIND" == app && ! -f "$APP_JAR" ]]; then
  mvn -q -B -DskipTests package
fi
mkdir -p "$OUT"

SERVER_PID=""
start_server() { # $1: extra JVM options
  local log="$OUT/server-$SCENARIO.log"
  # G1 explicitly: pinned to one core the JVM would otherwise pick the serial collector.
  # SERVER_OPTS: extra JVM options for the server, e.g. -Dbench.workerThreads=2 (embedded server only).
  local jvm=(-XX:+UseG1GC -Xmx4g $1 ${SERVER_OPTS:-})
  if [[ "$SERVER_KIND" == app ]]; then
    SWITCHBOARD_HTTP_HOST=127.0.0.1 SWITCHBOARD_HTTP_PORT="$PORT" \
      taskset -c 0 java "${jvm[@]}" -jar "$APP_JAR" serve >"$log" 2>&1 &
  else
    taskset -c 0 java "${jvm[@]}" -cp "$BENCH_JAR" dev.switchboard.bench.BenchServer "$PORT" >"$log" 2>&1 &
  fi
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    if curl -fs "http://127.0.0.1:$PORT/health" >/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "server did not become healthy; see $log" >&2
  exit 1
}

stop_server() {
  if [[ -n "$SERVER_PID" ]]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
trap stop_server EXIT

generate() { # $@: scenario and its options
  taskset -c 1 java -XX:+UseG1GC -Xmx3g -jar "$BENCH_JAR" "$@" \
    base="http://127.0.0.1:$PORT" serverPid="$SERVER_PID" | tee -a "$OUT/report.txt"
}

: >"$OUT/report.txt"
echo "Switchboard benchmark $(date -u +%FT%TZ), server=$SERVER_KIND, $(nproc) cores: server on core 0, generator on core 1" \
  | tee -a "$OUT/report.txt"
for SCENARIO in "${SCENARIOS[@]}"; do
  case "$SCENARIO" in
    closed)
      if [[ "$JFR" == off ]]; then
        start_server ""
      else
        start_server "-XX:StartFlightRecording=filename=$OUT/closed.jfr,settings=profile"
      fi
      generate closed pairs="${PAIRS:-100}" window="${WINDOW:-8}" warmupSeconds="$WARMUP" \
        seconds="${SECONDS_MEASURED:-20}"
      if [[ "$JFR" != off ]]; then
        jcmd "$SERVER_PID" JFR.dump name=1 filename="$OUT/closed.jfr" >/dev/null
      fi
      stop_server
      if [[ "$JFR" != off ]]; then
        echo "-- closed loop, server profile (JFR, $OUT/closed.jfr):" | tee -a "$OUT/report.txt"
        java -cp "$BENCH_JAR" dev.switchboard.bench.JfrSummary "$OUT/closed.jfr" | tee -a "$OUT/report.txt"
      fi
      ;;
    open)
      start_server ""
      generate open pairs="${OPEN_PAIRS:-1000}" rate="${RATE:-10000}" warmupSeconds="$WARMUP" seconds="${SECONDS_MEASURED:-20}"
      stop_server
      ;;
    idle)
      start_server ""
      generate idle connections="${CONNECTIONS:-15000}"
      stop_server
      ;;
    *) echo "unknown scenario $SCENARIO (closed, open, idle)" >&2; exit 2 ;;
  esac
done
