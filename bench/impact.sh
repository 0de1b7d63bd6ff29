#!/usr/bin/env bash
# kdpc impact against kdpc check on the same folder, and a sweep at its bound (201 values): wall time and
# peak RSS, median of N interleaved runs (default 5). Needs GNU time (/usr/bin/time) and a built jar
# (mvn -B -q package -Dfast). Usage: bash bench/impact.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5}
jar=target/kdpc.jar
[ -f "$jar" ] || { echo "build first: mvn -B -q package -Dfast" >&2; exit 2; }
dir=samples/portfolio
declare -A cmds=(
  [check]="java -jar $jar check --fail-on none --format json --as-of 2026-06-30 --scenario with-proposals $dir"
  [impact]="java -jar $jar impact --format json --as-of 2026-06-30 --scenario with-proposals $dir"
  [sweep201]="java -jar $jar impact --format json --as-of 2026-06-30 --sweep KFTC23-A:users.monthly_active_kr=0..50_000_000:250_000 $dir"
)
declare -A times rss
for i in $(seq "$n"); do
  for k in check impact sweep201; do
    out=$( { /usr/bin/time -f "%e %M" ${cmds[$k]} > /dev/null; } 2>&1 | tail -1)
    times[$k]+="${out% *} "; rss[$k]+="${out#* } "
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "load: $(cut -d' ' -f1-3 /proc/loadavg); $(ls $dir/*.yaml | wc -l) profiles; median of $n"
for k in check impact sweep201; do
  echo "$k: $(echo "${times[$k]}" | median) s, peak RSS $(echo "${rss[$k]}" | median) KB"
done
