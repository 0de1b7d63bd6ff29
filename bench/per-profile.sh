#!/usr/bin/env bash
# Two builds of kdpc compared profile by profile: for each *.yaml of SAMPLES_DIR, a JVM of its own runs
# dev.kdpc.bench.SameJvmComparison on that profile alone (the two builds alternating, thread CPU time), so
# the JIT sees one profile at a time; then the ratio of the sums of the per-profile means. Beside it, run
# SameJvmComparison on the whole folder, where the profiles alternate in one JVM (what bench/run's JMH
# figure does): the two can differ (bench/README.md, issue 13, fourth round).
# Needs the bench module built (mvn -B -q -f bench/pom.xml package).
# Usage: bash bench/per-profile.sh A.jar[=RULES_DIR] B.jar[=RULES_DIR] SAMPLES_DIR SCENARIO [SECONDS]
set -euo pipefail
[ $# -ge 4 ] || { echo "usage: bash bench/per-profile.sh A.jar[=RULES_DIR] B.jar[=RULES_DIR] SAMPLES_DIR with-proposals|in-force [SECONDS]" >&2; exit 2; }
a=$1 b=$2 samples=$3 scenario=$4 seconds=${5:-12}
bench=$(cd "$(dirname "$0")" && pwd)/target/benchmarks.jar
[ -f "$bench" ] || { echo "build the bench module first: mvn -B -q -f bench/pom.xml package" >&2; exit 2; }
[ -d "$samples" ] || { echo "not a folder: $samples" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/kdpc-per-profile.XXXXXX")
trap 'rm -rf "$work"' EXIT
found=0
for f in "$samples"/*.yaml; do
  [ -f "$f" ] || continue
  found=1
  name=$(basename "$f" .yaml)
  mkdir "$work/$name" && cp "$f" "$work/$name/"
  line=$(java -cp "$bench" dev.kdpc.bench.SameJvmComparison "$a" "$b" "$work/$name" "$scenario" "$seconds" | tail -1)
  echo "$name: $line"
  echo "$line" >> "$work/lines"
done
[ "$found" = 1 ] || { echo "no *.yaml in $samples" >&2; exit 2; }
# "A ...: 12.3 us | B ...: 14.5 us | ..." -> the sums of the A and B means
awk -F'|' '{ split($1, x, ": "); split($2, y, ": "); sa += x[2] + 0; sb += y[2] + 0 }
  END { printf "sum of per-profile means: A %.1f us, B %.1f us, B/A %.3f\n", sa, sb, sb / sa }' "$work/lines"
