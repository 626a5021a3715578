#!/usr/bin/env bash
# Cross-instance delivery latency (issue 8): starts an embedded PostgreSQL 17 (dev.switchboard.bench.ScalingDatabase,
# synchronous_commit on), two Switchboard instances on it, each in its own JVM (app/target/switchboard.jar serve,
# A on port 18181 and B on 18182, started together so that both migrate at once), then the generator
# (dev.switchboard.bench.ScalingBench), which measures:
#   notify   LISTEN/NOTIFY alone, at 2, 200 and 1,000 notifications/s (the floor under every cross-instance wake-up)
#   signals  pairing signals over WebSockets at 50 and 200 signals/s across 100 pairs: sender on A, receiver on B,
#            against the same-instance baseline (both on A); every receiver acknowledges each signal; after 30 s of
#            unreported JIT warm-up, 2 rounds alternating which placement goes first
#   offers   answers posted on B to offers whose owners' sockets are on A, at 50/s, against answers posted on A
# Prints every run and a table; everything lands in bench/target/scaling-results/. Never part of `mvn verify`.
#
#   bench/scaling.sh                                        # about 9 minutes
#   RATES=50,200,1000 PAIRS=100 ROUNDS=2 bench/scaling.sh
#   SCENARIOS=signals SECONDS_MEASURED=30 bench/scaling.sh
#   SYNCHRONOUS_COMMIT=off bench/scaling.sh                 # commits without waiting for the WAL flush
#   PROFILE=1 SCENARIOS=signals RATES=100 bench/scaling.sh  # also a JFR profile of both instances, summarised
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
OUT="bench/target/scaling-results"
BENCH_JAR="bench/target/switchboard-bench.jar"
APP_JAR="app/target/switchboard.jar"
PORT_A="${PORT_A:-18181}"
PORT_B="${PORT_B:-18182}"
SWITCHBOARD_JVM="${SWITCHBOARD_JVM:--XX:+UseG1GC -Xmx1g}"
# Never handed on: the server refuses SWITCHBOARD_* settings it does not know, and this one is the script's.
export -n SWITCHBOARD_JVM

ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

if [[ ! -f "$APP_JAR" ]]; then
  mvn -q -B -DskipTests -pl app -am package
fi
if [[ ! -f "$BENCH_JAR" ]]; then
  mvn -q -B -Pbench -pl bench -am -DskipTests package
fi
mkdir -p "$OUT"
# Run a copy: on a shared checkout the app jar may be rebuilt while the instances run, which breaks a running JVM.
cp "$APP_JAR" "$OUT/switchboard.jar"
APP_BUILT="$(date -u -r "$APP_JAR" +%FT%TZ)"

PIDS=()
stop_all() { # in reverse order of starting: instances first (SIGTERM, graceful), then the database
  for (( i=${#PIDS[@]}-1; i>=0; i-- )); do
    kill "${PIDS[i]}" 2>/dev/null || true
    wait "${PIDS[i]}" 2>/dev/null || true
  done
}
trap stop_all EXIT

java -cp "$BENCH_JAR" dev.switchboard.bench.ScalingDatabase "${SYNCHRONOUS_COMMIT:-on}" >"$OUT/database.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 150); do
  grep -q '^database port=' "$OUT/database.log" && break
  sleep 0.2
done
DB_PORT="$(sed -n 's/^database port=\([0-9]*\).*/\1/p' "$OUT/database.log")"
[[ -n "$DB_PORT" ]] || { echo "the database did not start; see $OUT/database.log" >&2; exit 1; }
DATABASE_URL="jdbc:postgresql://127.0.0.1:$DB_PORT/postgres"

# What every instance must share: the store, the master key (sealed credentials) and the signing key (tickets,
# invite tokens). Rate limits per address are off and the per-address socket limit raised, because every client
# of the generator comes from 127.0.0.1; the per-identity budgets keep their defaults (each frame spends from a
# bucket in PostgreSQL, as in production).
MASTER_KEY="$(openssl rand -hex 32)"
SIGNING_KEY="$(openssl rand -hex 32)"
start_instance() { # $1: name, $2: port
  local profile=""
  if [[ -n "${PROFILE:-}" ]]; then profile="-XX:StartFlightRecording=filename=$OUT/instance-$1.jfr,settings=profile"; fi
  SWITCHBOARD_STORE=postgres SWITCHBOARD_DATABASE_URL="$DATABASE_URL" SWITCHBOARD_DATABASE_USER=postgres \
  SWITCHBOARD_MASTER_KEY="$MASTER_KEY" SWITCHBOARD_SIGNING_KEY="$SIGNING_KEY" \
  SWITCHBOARD_HTTP_HOST=127.0.0.1 SWITCHBOARD_HTTP_PORT="$2" SWITCHBOARD_PEERJS_ENABLED=false \
  SWITCHBOARD_RATE_LIMIT_API_PER_ADDRESS=off SWITCHBOARD_RATE_LIMIT_CREDENTIALS_PER_ADDRESS=off \
  SWITCHBOARD_RATE_LIMIT_WS_CONNECTS_PER_ADDRESS=off SWITCHBOARD_WS_MAX_CONNECTIONS_PER_ADDRESS=100000 \
    java $SWITCHBOARD_JVM $profile -jar "$OUT/switchboard.jar" serve >"$OUT/instance-$1.log" 2>&1 &
  PIDS+=($!)
  eval "PID_$1=$!"
}
start_instance A "$PORT_A"
start_instance B "$PORT_B"
for port in "$PORT_A" "$PORT_B"; do
  for _ in $(seq 1 300); do
    if curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null; then continue 2; fi
    sleep 0.2
  done
  echo "the instance on port $port did not become ready; see $OUT/instance-*.log" >&2
  exit 1
done

{
  echo "Scaling benchmark $(date -u +%FT%TZ): 2 instances ($APP_JAR built $APP_BUILT, commit" \
    "$(git rev-parse --short HEAD 2>/dev/null || echo unknown), $SWITCHBOARD_JVM) on one embedded PostgreSQL" \
    "($(grep -o 'synchronous_commit=.*' "$OUT/database.log"))"
  echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), nothing pinned; load average:" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/report.txt"

java -XX:+UseG1GC -Xmx1g ${GENERATOR_JVM:-} -cp "$BENCH_JAR" dev.switchboard.bench.ScalingBench \
  a="http://127.0.0.1:$PORT_A" b="http://127.0.0.1:$PORT_B" pidA="$PID_A" pidB="$PID_B" database="$DATABASE_URL" \
  scenarios="${SCENARIOS:-notify,signals,offers}" pairs="${PAIRS:-100}" rates="${RATES:-50,200}" \
  rounds="${ROUNDS:-2}" jitWarmupSeconds="${JIT_WARMUP_SECONDS:-30}" offerRate="${OFFER_RATE:-50}" notifyRates="${NOTIFY_RATES:-2,200,1000}" \
  warmupSeconds="${WARMUP_SECONDS:-5}" seconds="${SECONDS_MEASURED:-20}" 2>&1 | tee -a "$OUT/report.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/report.txt"
if [[ -n "${PROFILE:-}" ]]; then
  for name in A B; do
    pid_var="PID_$name"
    jcmd "${!pid_var}" JFR.dump name=1 filename="$OUT/instance-$name.jfr" >/dev/null
    echo "-- instance $name, profile (JFR, $OUT/instance-$name.jfr):" | tee -a "$OUT/report.txt"
    java -cp "$BENCH_JAR" dev.switchboard.bench.JfrSummary "$OUT/instance-$name.jfr" | tee -a "$OUT/report.txt"
  done
fi
