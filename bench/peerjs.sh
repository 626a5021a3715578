#!/usr/bin/env bash
# Side by side with the PeerJS server (issue 7): installs the `peer` server from npm into
# bench/target/peerjs-server (never committed), then alternates fresh runs of it and of Switchboard's PeerJS
# endpoint (app/target/switchboard.jar, memory store), each server pinned to core 0 and the PeerJS-protocol
# load generator (dev.switchboard.bench.PeerJsBench) pinned to core 1. Prints every run and a table of
# medians with the ratios Switchboard / PeerJS. Everything lands in bench/target/peerjs-results/.
#
#   bench/peerjs.sh                                   # 3 rounds of closed, open (two rates) and idle on both, ~20 minutes
#   ROUNDS=5 SECONDS_MEASURED=20 bench/peerjs.sh
#   PAIRS=100 WINDOW=8 RATES="5000 10000" OPEN_PAIRS=1000 CONNECTIONS=5000 bench/peerjs.sh
#   CEILINGS=off SCENARIOS=open bench/peerjs.sh        # skip the no-op relay ceilings
#   CEILINGS=off SERVERS=switchboard bench/peerjs.sh   # one server only (to try a change; no comparison)
#   APP_JAR=/tmp/before.jar CEILINGS=off SERVERS=switchboard bench/peerjs.sh  # another build of the server
#
# Before the rounds, the generator drives three no-op relays in the closed loop, also on core 0: bench/noop-relay.mjs
# (Node.js `ws`, what `peer` is built on), dev.switchboard.bench.NoopRelay (Undertow, Switchboard's HTTP API) and
# dev.switchboard.bench.NettyNoopRelay (Netty, Switchboard's PeerJS endpoint), forwarding frames with no logic.
# They give the generator's ceiling, with its own CPU, and each transport's. The Node.js and Netty no-op relays also
# take the open loop once at each rate: the latency floor of the machine and of each transport, with no logic at all.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
OUT="bench/target/peerjs-results"
PEER_DIR="bench/target/peerjs-server"
PEER_VERSION="1.0.2"
PEER_BIN="$PEER_DIR/node_modules/peer/dist/bin/peerjs.js"
BENCH_JAR="bench/target/switchboard-bench.jar"
APP_JAR="${APP_JAR:-app/target/switchboard.jar}"
PORT="${PORT:-19000}"
HTTP_PORT="${HTTP_PORT:-19080}"
ROUNDS="${ROUNDS:-3}"
WARMUP="${WARMUP_SECONDS:-25}"
MEASURED="${SECONDS_MEASURED:-10}"
SCENARIOS=(${SCENARIOS:-closed open idle})
# The open loop's offered rates, messages/s. Above ~10,000/s the generator itself falls behind on its core (its
# lateness p99 reaches tens of ms), so higher rates would measure the generator (docs/benchmarks.md).
RATES=(${RATES:-${RATE:-5000 10000}})
# G1 explicitly, as in run.sh: pinned to one core the JVM would otherwise pick the serial collector. A fixed heap
# (-Xms = -Xmx, as a server should run): otherwise G1 on one core shrinks its young generation to ~20 MB and pauses
# every second, which alone puts Switchboard's open-loop p99 above PeerJS's (docs/benchmarks.md).
SWITCHBOARD_JVM="${SWITCHBOARD_JVM:--XX:+UseG1GC -Xms1g -Xmx1g}"
# Never handed on: the server refuses SWITCHBOARD_* settings it does not know, and this one is the script's.
export -n SWITCHBOARD_JVM
# The generator gets a fixed heap too, so that its own collections stay out of the window it measures.
GENERATOR_JVM="${GENERATOR_JVM:--XX:+UseG1GC -Xms1g -Xmx1g}"
# Long alive timeouts on both: no run lasts long enough for liveness to matter, and no HEARTBEAT is sent.
ALIVE_MS=600000

ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

if [[ ! -f "$APP_JAR" ]]; then
  mvn -q -B -DskipTests package
fi
if [[ ! -f "$BENCH_JAR" ]]; then
  mvn -q -B -Pbench -pl bench -am -DskipTests package
fi
if [[ ! -f "$PEER_BIN" ]]; then
  mkdir -p "$PEER_DIR"
  [[ -f "$PEER_DIR/package.json" ]] || echo '{"name":"peerjs-bench-server","private":true}' >"$PEER_DIR/package.json"
  (cd "$PEER_DIR" && npm install --no-audit --no-fund "peer@$PEER_VERSION")
fi
mkdir -p "$OUT"

SERVER_PID=""
start_server() { # $1: peerjs, switchboard, noop-node, noop-undertow or noop-netty; $2: log name
  local log="$OUT/$2.log"
  case "$1" in
    peerjs)
      taskset -c 0 node "$PEER_BIN" --host 127.0.0.1 --port "$PORT" --path / \
        --concurrent_limit 10000000 --alive_timeout "$ALIVE_MS" >"$log" 2>&1 &
      ;;
    switchboard)
      SWITCHBOARD_STORE=memory SWITCHBOARD_HTTP_HOST=127.0.0.1 SWITCHBOARD_HTTP_PORT="$HTTP_PORT" \
      SWITCHBOARD_PEERJS_PORT="$PORT" SWITCHBOARD_PEERJS_PATH=/ \
      SWITCHBOARD_PEERJS_CONCURRENT_LIMIT=10000000 SWITCHBOARD_PEERJS_ALIVE_TIMEOUT="$ALIVE_MS" \
      SWITCHBOARD_RATE_LIMIT_API_PER_ADDRESS=off SWITCHBOARD_RATE_LIMIT_API_PER_IDENTITY=off \
      SWITCHBOARD_RATE_LIMIT_CREDENTIALS_PER_ADDRESS=off SWITCHBOARD_RATE_LIMIT_WS_CONNECTS_PER_ADDRESS=off \
      SWITCHBOARD_RATE_LIMIT_WS_MESSAGES_PER_IDENTITY=off \
      SWITCHBOARD_PEERJS_MAX_FRAMES_PER_SECOND=1000000 SWITCHBOARD_PEERJS_FRAME_BURST=1000000 \
        taskset -c 0 java $SWITCHBOARD_JVM -jar "$APP_JAR" serve >"$log" 2>&1 &
      ;;
    noop-node)
      taskset -c 0 node bench/noop-relay.mjs "$PORT" >"$log" 2>&1 &
      ;;
    noop-undertow)
      taskset -c 0 java $SWITCHBOARD_JVM -cp "$BENCH_JAR" dev.switchboard.bench.NoopRelay "$PORT" >"$log" 2>&1 &
      ;;
    noop-netty)
      taskset -c 0 java $SWITCHBOARD_JVM -cp "$BENCH_JAR" dev.switchboard.bench.NettyNoopRelay "$PORT" >"$log" 2>&1 &
      ;;
  esac
  SERVER_PID=$!
  for _ in $(seq 1 150); do
    # The no-op relays answer no HTTP request (one would hang a curl); a listening port is enough for them.
    if [[ "$1" == noop-* ]]; then
      if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then return 0; fi
    elif curl -fs --max-time 2 "http://127.0.0.1:$PORT/" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.2
  done
  echo "$1 did not start; see $log" >&2
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

generate() { # $1: server label, $2: scenario, $3: offered rate (open loop only)
  local options=()
  case "$2" in
    closed) options=(pairs="${PAIRS:-100}" window="${WINDOW:-8}" warmupSeconds="$WARMUP" seconds="$MEASURED") ;;
    open) options=(pairs="${OPEN_PAIRS:-1000}" rate="$3" warmupSeconds="$WARMUP" seconds="$MEASURED") ;;
    idle) options=(connections="${CONNECTIONS:-5000}") ;;
  esac
  # Each RESULT line says the rate it was offered, so the summary can group the open loop by rate.
  taskset -c 1 java $GENERATOR_JVM -cp "$BENCH_JAR" dev.switchboard.bench.PeerJsBench "$2" \
    port="$PORT" path=/ serverPid="$SERVER_PID" server="$1" "${options[@]}" 2>&1 \
    | sed -u "/^RESULT /s/\$/ offered=${3:-0}/" | tee -a "$OUT/report.txt"
}

run() { # $1: server, $2: scenario, $3: round, $4: offered rate (open loop only)
  start_server "$1" "$1-$2${4:+-$4}-$3"
  generate "$1" "$2" "${4:-}" \
    || echo "RESULT scenario=$2 server=$1 failed=run offered=${4:-0}" | tee -a "$OUT/report.txt"
  stop_server
  sleep 1
}

run_scenario() { # $1: server, $2: scenario, $3: round; the open loop once per offered rate
  if [[ "$2" == open ]]; then
    for rate in "${RATES[@]}"; do run "$1" open "$3" "$rate"; done
  else
    run "$1" "$2" "$3"
  fi
}

: >"$OUT/report.txt"
{
  echo "PeerJS side by side $(date -u +%FT%TZ): peer@$PEER_VERSION on node $(node --version) vs $APP_JAR ($SWITCHBOARD_JVM)"
  echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)): servers on core 0, generator on core 1"
} | tee -a "$OUT/report.txt"

if [[ "${CEILINGS:-on}" != off ]]; then
  run noop-node closed ceiling
  run noop-undertow closed ceiling
  run noop-netty closed ceiling
  if [[ " ${SCENARIOS[*]} " == *" open "* ]]; then
    run_scenario noop-node open floor
    run_scenario noop-netty open floor
  fi
fi
for round in $(seq 1 "$ROUNDS"); do
  # Alternate which server goes first, so that drift in the machine's load does not favour one.
  if (( round % 2 )); then order=(peerjs switchboard); else order=(switchboard peerjs); fi
  if [[ -n "${SERVERS:-}" ]]; then order=($SERVERS); fi
  for scenario in "${SCENARIOS[@]}"; do
    for server in "${order[@]}"; do
      run_scenario "$server" "$scenario" "$round"
    done
  done
done

python3 - "$OUT/report.txt" <<'PY' | tee -a "$OUT/report.txt"
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    if line.startswith("RESULT "):
        fields = dict(kv.split("=", 1) for kv in line.split()[1:])
        scenario = fields["scenario"]
        if scenario == "open":
            scenario = f"open {int(fields.get('offered', 0))}"
        runs.setdefault((fields["server"], scenario), []).append(fields)
rates = sorted({int(s.split()[1]) for _, s in runs if s.startswith("open ")})
rows = [("closed", "rate", "relayed messages/s (closed loop)"),
        ("closed", "cpuRate", "relayed messages per server CPU-s"),
        ("closed", "serverCpu", "server core busy, % (closed loop)"),
        ("closed", "generatorCpu", "generator core busy, % (closed loop)")]
for rate in rates:
    loop = f"open loop, {rate:,}/s"
    rows += [(f"open {rate}", "p50", f"p50 latency, ms ({loop})"),
             (f"open {rate}", "p99", f"p99 latency, ms ({loop})"),
             (f"open {rate}", "queuedP50", f"p50 latency from queued, ms ({loop})"),
             (f"open {rate}", "queuedP90", f"p90 latency from queued, ms ({loop})"),
             (f"open {rate}", "queuedP99", f"p99 latency from queued, ms ({loop})"),
             (f"open {rate}", "queuedP999", f"p99.9 latency from queued, ms ({loop})"),
             (f"open {rate}", "rate", f"relayed messages/s ({loop})"),
             (f"open {rate}", "serverCpu", f"server core busy, % ({loop})"),
             (f"open {rate}", "generatorCpu", f"generator core busy, % ({loop})"),
             (f"open {rate}", "latenessP99", f"generator lateness p99, ms ({loop})"),
             (f"open {rate}", "busiestWait", f"server's busiest thread runnable but waiting, % of the time ({loop})"),
             (f"open {rate}", "othersRun", f"server's other threads running, % of the time ({loop})")]
rows += [("idle", "perConnKib", "RSS per idle connection, KiB"),
         ("idle", "rssKib", "RSS with the idle connections, KiB")]
def values(server, scenario, key):
    return [float(r[key]) for r in runs.get((server, scenario), []) if key in r]
def show(vs):
    return " / ".join(f"{v:.6g}" for v in vs) if vs else "-"
print()
print("| measure | PeerJS runs | PeerJS median | Switchboard runs | Switchboard median | Switchboard / PeerJS |")
print("|---|---|---|---|---|---|")
for scenario, key, label in rows:
    p, s = values("peerjs", scenario, key), values("switchboard", scenario, key)
    pm = statistics.median(p) if p else None
    sm = statistics.median(s) if s else None
    ratio = f"{sm / pm:.2f}" if pm and sm is not None else "-"
    print(f"| {label} | {show(p)} | {show([pm] if pm is not None else [])} | {show(s)} | "
          f"{show([sm] if sm is not None else [])} | {ratio} |")
print()
for relay in ("noop-node", "noop-undertow", "noop-netty"):
    for r in runs.get((relay, "closed"), []):
        print(f"{relay} no-op relay ceiling (closed loop): {float(r['rate']):.0f} messages/s, "
              f"generator {r['generatorCpu']}% of its core, relay {r['serverCpu']}% of its core")
    for rate in rates:
        for r in runs.get((relay, f"open {rate}"), []):
            print(f"{relay} no-op relay floor (open loop, {rate}/s): p50 {r.get('queuedP50', '-')} ms, "
                  f"p99 {r.get('queuedP99', '-')} ms, p99.9 {r.get('queuedP999', '-')} ms from queued, "
                  f"generator {r.get('generatorCpu', '-')}%, relay {r.get('serverCpu', '-')}%, "
                  f"relay's busiest thread waiting {r.get('busiestWait', '-')}%")
failures = {k: sum(int(r.get("failures", 0)) for r in v) for k, v in runs.items()}
failed = [k for k, v in runs.items() if any("failed" in r for r in v)]
print(f"client failures + server closes per (server, scenario): {failures}" + (f"; failed runs: {failed}" if failed else ""))
PY
