#!/usr/bin/env bash
# How kdpc refuses hostile profiles (issue 7): a 100 MB file, a billion-laughs file, an endless stream
# (/dev/zero), and the slowest inputs we know of under the 1 MB limit. Not part of the test suite
# (we do not time unit tests); run it by hand and note the figures:
#   bash bench/hostile-inputs.sh
# 1. Each input through the real CLI in a fresh JVM with a 32 MB heap: wall time and max RSS
#    (/usr/bin/time), exit code, message. A read that loaded 100 MB could not run in 32 MB.
# 2. In process (64 MB heap): first and median read time and the heap pools' peak per read.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/kdpc.jar ] || mvn -B -q package -DskipTests
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
java -cp target/kdpc.jar bench/HostileInputBench.java make "$tmp"

RUNS=${RUNS:-5}
echo "== CLI, fresh JVM, -Xmx32m: kdpc validate FILE ($RUNS runs each; wall seconds sorted, largest max RSS)"
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)"; exit 1; }
for f in /dev/null "$tmp"/big-100mb.yaml "$tmp"/billion-laughs.yaml /dev/zero "$tmp"/near-limit-comments.yaml "$tmp"/near-limit-80k-keys.yaml "$tmp"/near-limit-490k-items.yaml "$tmp"/valid-200-services.yaml; do
  [ -e "$f" ] || continue
  walls=(); rss=0
  for _ in $(seq "$RUNS"); do
    if [ "$f" = /dev/null ]; then args=(--version); else args=(validate "$f"); fi
    /usr/bin/time -o "$tmp/time" -f "%e %M" java -Xmx32m -jar target/kdpc.jar "${args[@]}" >"$tmp/out" 2>"$tmp/err" && code=0 || code=$?
    read -r w m < <(tail -1 "$tmp/time")
    walls+=("$w"); [ "$m" -gt "$rss" ] && rss=$m
  done
  sorted=$(printf '%s\n' "${walls[@]}" | sort -n | tr '\n' ' ')
  name=$([ "$f" = /dev/null ] && echo "(kdpc --version: JVM start)" || basename "$f")
  printf '%-28s exit %s  wall %s s  max RSS %s KB\n    %s\n' "$name" "$code" "$sorted" "$rss" "$(head -c 160 "$tmp/err" | sed "s|$tmp/||")"
done

echo "== In process, -Xmx64m"
java -Xmx64m -cp target/kdpc.jar bench/HostileInputBench.java measure "$tmp"

echo "== Standard output on a full disk (issue 12): kdpc check --format json SAMPLE > /dev/full (expect exit 4, one line)"
if [ -c /dev/full ]; then
  start=$(date +%s.%N)
  java -jar target/kdpc.jar check --format json --as-of 2026-06-30 samples/portal-search.yaml >/dev/full 2>"$tmp/err" && code=0 || code=$?
  end=$(date +%s.%N)
  printf '%-28s exit %s  wall %.2f s\n    %s\n' "> /dev/full" "$code" "$(awk "BEGIN { print $end - $start }")" "$(head -c 160 "$tmp/err")"
else
  echo "(no /dev/full on this system)"
fi

# 3. A 5,000-profile folder (copies of the samples under new names) checked in every format through
#    the real CLI at a 256 MB heap (issue 12): every format streams, so each must finish in bounded
#    memory. Exit code, wall seconds and max RSS per format. PROFILES=N changes the folder's size.
PROFILES=${PROFILES:-5000}
folder="$tmp/folder-$PROFILES"
mkdir -p "$folder"
samples=(samples/*.yaml)
for i in $(seq 0 $((PROFILES - 1))); do
  cp "${samples[$((i % ${#samples[@]}))]}" "$(printf '%s/p%05d.yaml' "$folder" "$i")"
done
echo "== CLI, fresh JVM, -Xmx256m: kdpc check --format F on $PROFILES profiles (exit, wall s, max RSS KB, report bytes)"
for format in text json markdown html sarif junit; do
  /usr/bin/time -o "$tmp/time" -f "%e %M" java -Xmx256m -jar target/kdpc.jar check --format "$format" --fail-on none \
    --as-of 2026-06-30 --scenario with-proposals "$folder" >"$tmp/out" 2>"$tmp/err" && code=0 || code=$?
  read -r w m < <(tail -1 "$tmp/time")
  printf '%-9s exit %s  wall %s s  max RSS %s KB  %s bytes  %s\n' "$format" "$code" "$w" "$m" "$(wc -c <"$tmp/out")" "$(head -c 160 "$tmp/err")"
done

echo "== A trusted rule whose consequence loops (while (true) {}), stopped by --time-limit (issue 12)"
# The bundled rules with TBA-22-7's consequence preceded by an endless loop; run with --trust-rules (the
# allow-list refuses such a rule). The first run compiles the folder into the rules cache; the figures
# are the runs after it: wall time = JVM start + loading the rules + the limit + the grace period
# (a tenth of the limit, 50 ms to 1 s) before the thread is stopped.
mkdir -p "$tmp/looping-rules"
cp rules/*.drl "$tmp/looping-rules/"
sed -i 's|^  insert(Assessment.designation(kcontext, \$s)$|  if (true) { while (true) { } }\n&|' "$tmp/looping-rules/tba-service-stability.drl"
grep -q 'while (true)' "$tmp/looping-rules/tba-service-stability.drl" || { echo "could not plant the loop"; exit 1; }
java -jar target/kdpc.jar check --rules "$tmp/looping-rules" --trust-rules --time-limit 1 --as-of 2026-06-30 samples/video-foreign.yaml >/dev/null 2>&1 || true
for limit in 0.5 1 5; do
  start=$(date +%s.%N)
  java -jar target/kdpc.jar check --rules "$tmp/looping-rules" --trust-rules --time-limit "$limit" --as-of 2026-06-30 \
    samples/video-foreign.yaml >"$tmp/out" 2>"$tmp/err" && code=0 || code=$?
  end=$(date +%s.%N)
  printf -- '--time-limit %-4s exit %s  wall %.2f s\n    %s\n' "$limit" "$code" "$(awk "BEGIN { print $end - $start }")" "$(head -c 200 "$tmp/err" | sed "s|$tmp/||")"
done
