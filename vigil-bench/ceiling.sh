#!/usr/bin/env sh
# What two cores can give at most, against what one hunt gets from them. Usage:
#   vigil-bench/ceiling.sh INPUT [ROUNDS] [hunt|decode]      (defaults: 5 rounds, hunt)
# Each round runs, one after the other:
#   solo  one JVM, one thread, confined to core 0 in odd rounds and to core 1 in even ones;
#   duo   two such JVMs at once, on cores 0 and 1, over the same input: two independent jobs, which share
#         nothing but the machine (caches, memory, the host's other tenants);
#   pair  one JVM, two threads, on cores 0 and 1: what e2e.sh's "2 cores" measures.
# Then the medians of two ratios. The ceiling, solo / duo0 + solo / duo1: the work two cores do in the
# time one core does one job, when the two jobs share nothing. A core that the host slows for a while (its
# other tenants; this guest is told of no stolen time) slows one job of the duo and not the other, and
# one hunt on two cores, whose threads take the next task when free, gets what both cores give: so the
# ceiling adds the cores' rates rather than waiting for the slower job. And solo / pair, the speed-up one
# hunt gets. What the pair falls short of the ceiling is what one JVM loses to its own parts that run on
# one core at a time (start-up, the rules, collections that stop both threads, the end of the run). The
# last line says it without the solo run: the pair's rate over the duo's two rates added, 1 / pair over
# 1 / duo0 + 1 / duo1, runs a minute apart rather than three, so less of the machine's drift gets in.
# Hunts use every SigmaHQ Windows rule from a rule cache filled by a first untimed run, -Xmx512m and the
# launcher's JVM options (tools/java-options), as e2e.sh does. VIGIL_E2E_JAR=FILE measures another jar.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
corpus=${VIGIL_CORPUS:-$root/../shared/corpus}
input=${1:?usage: ceiling.sh INPUT [ROUNDS] [hunt|decode]}
rounds=${2:-5}
mode=${3:-hunt}
jar=${VIGIL_E2E_JAR:-$here/target/benchmarks.jar}
[ "$(nproc)" -ge 2 ] || { echo "ceiling.sh: needs two cores, this machine has $(nproc)" >&2; exit 2; }
command -v taskset >/dev/null 2>&1 || { echo "ceiling.sh: needs taskset (util-linux)" >&2; exit 2; }
[ -f "$jar" ] || (cd "$root" && ./mvnw -q -B -DskipTests -pl vigil-bench -am package)
[ -e "$input" ] || { echo "ceiling.sh: no such input: $input" >&2; exit 2; }
cache=${TMPDIR:-/tmp}/vigil-ceiling-rule-cache.$$
case "$mode" in
  hunt) args="--no-builtin -r $corpus/rules/SigmaHQ-sigma/rules/windows --rule-cache $cache -f jsonl" ;;
  decode) args="--decode-only" ;;
  *) echo "ceiling.sh: mode is hunt or decode, not $mode" >&2; exit 2 ;;
esac
out=${TMPDIR:-/tmp}/vigil-ceiling.$$
trap 'rm -rf "$cache" "$out".*' EXIT
# One run confined to CPUS with THREADS threads; prints its wall seconds (the hunt's own, without JVM start).
# A run that fails stops the script with its standard error, rather than leaving a hole in the ratios.
one() {
  opts=$(taskset -c "$1" sh "$root/tools/java-options" "$root")
  # shellcheck disable=SC2086
  line=$(taskset -c "$1" java $opts -Xmx512m -cp "$jar" dev.vigil.bench.EndToEnd hunt --no-progress $args \
    --threads "$2" "$input" 2>"$out.err.$1") || true
  case "$line" in
    exit=0\ seconds=*) echo "$line" | sed 's/^exit=0 seconds=\([0-9.]*\).*/\1/' ;;
    *) echo "ceiling.sh: the run on cores $1 failed: ${line:-no result}" >&2; tail -5 "$out.err.$1" >&2; exit 1 ;;
  esac
}
one 0 1 >/dev/null
echo "input: $input ($mode), $rounds rounds; $(nproc) cores; $(java -version 2>&1 | head -1)"
: > "$out.times"
r=0
while [ "$r" -lt "$rounds" ]; do
  r=$((r + 1))
  solo=$(one $(((r + 1) % 2)) 1)
  one 0 1 > "$out.a" &
  a=$!
  one 1 1 > "$out.b" &
  b=$!
  wait "$a"
  wait "$b"
  pair=$(one 0-1 2)
  echo "round $r: solo $solo s, duo $(cat "$out.a") s and $(cat "$out.b") s, pair $pair s"
  echo "$solo $(cat "$out.a") $(cat "$out.b") $pair" >> "$out.times"
done
median() {
  sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
solo=$(cut -d' ' -f1 "$out.times" | median)
pair=$(cut -d' ' -f4 "$out.times" | median)
# Ratios per round, then their medians, so a drift of the machine between rounds cancels.
ceiling=$(awk '{print $1 / $2 + $1 / $3}' "$out.times" | median)
got=$(awk '{print $1 / $4}' "$out.times" | median)
share=$(awk '{print (1 / $4) / (1 / $2 + 1 / $3)}' "$out.times" | median)
printf 'medians: solo %s s, pair %s s\n' "$solo" "$pair"
printf 'ceiling (two independent jobs, solo / duo0 + solo / duo1): %.2fx; one JVM on two cores (solo / pair): %.2fx\n' \
  "$ceiling" "$got"
printf 'one JVM on two cores does %.2f of the work two independent one-core JVMs do in the same time\n' "$share"
