#!/usr/bin/env bash
# kdpc serve under load: a warm POST /v1/check of one sample, over loopback with keep-alive, measured by
# wrk (Debian's package: apt-get install wrk). Not part of `mvn verify`.
#
#   bash bench/serve.sh                     (SAMPLE=samples/portal-search.yaml DURATION=20 WARMUP=15)
#
# Three runs after a warm-up: latency with 1 connection (p50, p90, p99), then throughput and latency with
# 4 and 8 connections. wrk runs on the same machine (it takes a share of the cores the server has), so the
# figures are a floor for what the server does on its own. Writes bench/out/serve.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
SAMPLE=${SAMPLE:-samples/portal-search.yaml}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-15}
command -v wrk >/dev/null || { echo "bench: wrk is needed (Debian/Ubuntu: apt-get install wrk)" >&2; exit 2; }
[ -f target/kdpc.jar ] || mvn -B -q package -Dfast
mkdir -p bench/out
OUT=bench/out/serve.txt
work=$(mktemp -d "${TMPDIR:-/tmp}/kdpc-serve-bench.XXXXXX")
server=
cleanup() { [ -n "$server" ] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

java -jar target/kdpc.jar serve --port 0 >"$work/out" 2>"$work/err" &
server=$!
for _ in $(seq 1 300); do grep -q '^listening on ' "$work/out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$work/out")
[ -n "$url" ] || { echo "bench: the server did not start: $(cat "$work/err")" >&2; exit 3; }

# wrk's Lua: POST the sample as YAML, check every answer is 200 (a non-200 is counted and reported).
cat >"$work/post.lua" <<LUA
local f = assert(io.open("$SAMPLE", "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/yaml"
wrk.path = "/v1/check?as_of=2026-06-30"
bad = 0
response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("non-200 answers: %d; p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms; %.0f checks/s; requests %d\n",
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests / (summary.duration / 1e6), summary.requests))
end
LUA

say() { printf '%s\n' "$*" | tee -a "$OUT"; }
: >"$OUT"
say "kdpc serve bench, $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
say "POST /v1/check of $SAMPLE ($(wc -c <"$SAMPLE") bytes), as of 2026-06-30, JSON report $(curl -s -X POST -H 'Content-Type: application/yaml' --data-binary @"$SAMPLE" "$url/v1/check?as_of=2026-06-30" | wc -c) bytes"
wrk -t1 -c4 -d"${WARMUP}s" -s "$work/post.lua" "$url" >/dev/null
# The server's own CPU time per check (user + system, from /proc), whatever else runs on the machine:
# 2 cores / (CPU ms per check) is the throughput the server would reach with both cores to itself.
tck=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
for c in 1 4 8; do
  t=$(( c < 2 ? 1 : 2 ))
  before=$(cpu)
  line=$(wrk -t$t -c$c -d"${DURATION}s" -s "$work/post.lua" "$url" | grep '^non-200')
  after=$(cpu)
  n=${line##*requests }
  per=$(awk -v d=$((after - before)) -v n="$n" -v t="$tck" 'BEGIN { printf "%.3f", d * 1000 / t / n }')
  cap=$(awk -v p="$per" -v k="$(nproc)" 'BEGIN { printf "%.0f", k * 1000 / p }')
  say "connections $c (wrk threads $t): $line; server CPU $per ms per check (${cap} checks/s on $(nproc) cores to itself)"
done
say "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
