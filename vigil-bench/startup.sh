#!/usr/bin/env sh
# Start-up cost of short vigil commands, one build against another, alternated run by run so a machine
# whose speed drifts affects both alike. Usage: vigil-bench/startup.sh REFERENCE_JAR [ROUNDS]   (default 10)
# REFERENCE_JAR is a vigil.jar kept aside (say, built from an earlier commit); it is compared with
# vigil-cli/target/vigil.jar, or VIGIL_STARTUP_JAR. The commands: vigil --version; vigil lint of the seed
# analytics; vigil hunt with every SigmaHQ Windows rule over no input (rules read from a rule cache of each
# jar's own, filled by an untimed run first). Each runs on one core (taskset, when present) and on all, with
# the launcher's JVM options (tools/java-options). Prints every run, then per command the median wall time
# of each jar and new ÷ reference.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
corpus=${VIGIL_CORPUS:-$root/../shared/corpus}
[ $# -ge 1 ] || { echo "usage: vigil-bench/startup.sh REFERENCE_JAR [ROUNDS]" >&2; exit 2; }
ref=$1
rounds=${2:-10}
new=${VIGIL_STARTUP_JAR:-$root/vigil-cli/target/vigil.jar}
for j in "$ref" "$new"; do
  [ -f "$j" ] || { echo "startup.sh: $j: no such jar" >&2; exit 2; }
done
rules="$corpus/rules/SigmaHQ-sigma/rules/windows"
seeds="$corpus/../seeds"
[ -d "$rules" ] || { echo "startup.sh: $rules: not found (the corpus is needed for the rules)" >&2; exit 2; }
# lint reports a missing path as a diagnostic and still exits 0, so the timing would not show it.
[ -d "$seeds" ] || { echo "startup.sh: $seeds: not found (the seed analytics, beside the corpus)" >&2; exit 2; }
work=${TMPDIR:-/tmp}/vigil-startup.$$
mkdir -p "$work/empty"
trap 'rm -rf "$work"' EXIT
times="$work/times"
: > "$times"
for which in ref new; do
  jar=$ref
  [ "$which" = ref ] || jar=$new
  java -jar "$jar" hunt --no-progress --no-builtin -r "$rules" --rule-cache "$work/cache-$which" "$work/empty" \
    >"$work/out" 2>&1 || {
    echo "startup.sh: filling the rule cache with $jar failed:" >&2
    cat "$work/out" >&2
    exit 2
  }
done
pin() {
  if [ "$1" = 1 ] && command -v taskset >/dev/null 2>&1; then echo "taskset -c 0"; fi
}
# One timed run: LABEL JAR CORES ARGS...; every command here exits 0 when it works, so a run that does
# not stops the benchmark with what it printed: its time would not be the command's.
run() {
  label=$1
  jar=$2
  cores=$3
  shift 3
  opts=$($(pin "$cores") sh "$root/tools/java-options" "$root")
  start=$(date +%s%N)
  code=0
  $(pin "$cores") java $opts -jar "$jar" "$@" >"$work/out" 2>&1 || code=$?
  end=$(date +%s%N)
  if [ "$code" != 0 ]; then
    echo "startup.sh: $label ($jar) exited with $code:" >&2
    cat "$work/out" >&2
    exit 2
  fi
  ms=$(((end - start) / 1000000))
  echo "$label $ms ms"
  echo "$label $ms" >> "$times"
}
commands() {
  which=$1
  jar=$2
  cores=$3
  run "$cores-core version $which" "$jar" "$cores" --version
  run "$cores-core lint    $which" "$jar" "$cores" lint "$seeds"
  run "$cores-core rules   $which" "$jar" "$cores" hunt --no-progress --no-builtin -r "$rules" \
    --rule-cache "$work/cache-$which" -f jsonl "$work/empty"
}
all=$(nproc 2>/dev/null || echo 1)
counts=1
[ "$all" -le 1 ] || counts="1 $all"
round=0
while [ "$round" -lt "$rounds" ]; do
  round=$((round + 1))
  echo "round $round of $rounds"
  for cores in $counts; do
    # The reference first in odd rounds, second in even ones.
    if [ $((round % 2)) = 1 ]; then
      commands ref "$ref" "$cores"
      commands new "$new" "$cores"
    else
      commands new "$new" "$cores"
      commands ref "$ref" "$cores"
    fi
  done
done
echo "medians of $rounds rounds (ms): reference, new, new / reference"
for cores in $counts; do
  for c in version lint rules; do
    r=$(awk -v k="$cores-core" -v c="$c" '$1 == k && $2 == c && $3 == "ref" {print $4}' "$times" | sort -n |
      awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}')
    n=$(awk -v k="$cores-core" -v c="$c" '$1 == k && $2 == c && $3 == "new" {print $4}' "$times" | sort -n |
      awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}')
    echo "$cores-core $c: $r $n $(awk -v a="$r" -v b="$n" 'BEGIN {printf "%.3f", b / a}')"
  done
done
