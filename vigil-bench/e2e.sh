#!/usr/bin/env sh
# End-to-end hunt against decode-only of the same input, run side by side in one go so the ratio holds on
# a busy machine. Usage: vigil-bench/e2e.sh [COPIES] [THREADS...]   (defaults: 48 copies, "1 2")
# Builds a directory of COPIES symbolic links to every corpus EVTX file (about 22 MB each round, so 48
# copies are just over 1 GB), then for each thread count runs: decode-only, hunt with every SigmaHQ
# Windows rule (-Xmx512m, or VIGIL_E2E_HEAP); and the same over the OTRF JSON. Prints wall time, peak heap
# (sampled) and peak RSS. The JVM runs with the launcher's options (tools/java-options); VIGIL_E2E_JAVA_OPTS adds
# to them. VIGIL_E2E_ONLY=otrf, evtx or onefile
# runs one of them: onefile is a single EVTX file of about 1 GB made of the corpus files' chunks (a file is a header and self-contained chunks),
# the case of a responder's one large Security.evtx, hunted in parts of chunks across threads.
# A run with T threads is confined to T cores with taskset (when present), so "1 thread" means one core
# for everything the JVM does (JIT compilers and the collector included), not one hunting thread on a
# machine whose other cores compile and collect for it. VIGIL_E2E_PIN=0 turns the confinement off.
# One-core runs take the first core in odd rounds and the last core in even ones: the host slows this
# guest's cores one at a time (ceiling.sh), and a one-core baseline always on core 0 would see only core
# 0's slow spells, while the two-core runs it is divided by see both cores'.
# VIGIL_E2E_ROUNDS=N runs every configuration N times, interleaved (each ratio's two runs are neighbours,
# in an order reversed every round, so a machine whose speed drifts affects both alike), and ends with the
# median and the best of each, and their ratios: hunt / decode-only and one core / more.
# Hunts keep their compiled rules in a rule cache of their own, filled by a first untimed run, as a user's
# hunts after the first do; "rules-only" is the load from that cache and "rules-cold" (--no-rule-cache)
# the load from the rules' text.
# VIGIL_E2E_JAR=FILE measures another copy of benchmarks.jar (one kept aside while the tree is rebuilt).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
corpus=${VIGIL_CORPUS:-$root/../shared/corpus}
copies=${1:-48}
shift 2>/dev/null || true
threads=${*:-1 2}
jar=${VIGIL_E2E_JAR:-$here/target/benchmarks.jar}
big=${TMPDIR:-/tmp}/vigil-e2e-evtx
rules="$corpus/rules/SigmaHQ-sigma/rules/windows"
[ -f "$jar" ] || (cd "$root" && ./mvnw -q -B -DskipTests -pl vigil-bench -am package)
if [ ! -d "$big" ]; then
  mkdir -p "$big"
  find "$corpus/sbousseaden-EVTX-ATTACK-SAMPLES" "$corpus/Yamato-Security-hayabusa-sample-evtx" \
       "$corpus/sans-blue-team-DeepBlueCLI" -name '*.evtx' | sort > "$big.list"
  i=0
  while [ "$i" -lt "$copies" ]; do
    n=0
    while IFS= read -r f; do
      n=$((n + 1))
      ln -s "$f" "$big/$(printf '%03d-%04d' "$i" "$n").evtx"
    done < "$big.list"
    i=$((i + 1))
  done
fi
echo "input: $(find -L "$big" -type f -printf '%s\n' | awk '{s+=$1} END {printf "%.2f GB", s/1e9}') of EVTX in $(ls "$big" | wc -l) files; $(nproc) cores; $(java -version 2>&1 | head -1)"
pin() {
  if [ "${VIGIL_E2E_PIN:-1}" = 1 ] && command -v taskset >/dev/null 2>&1 && [ "$1" -le "$(nproc)" ]; then
    if [ "$1" != 1 ]; then
      echo "taskset -c 0-$(($1 - 1))"
    elif [ $((${round:-1} % 2)) = 0 ]; then
      echo "taskset -c $(($(nproc) - 1))"
    else
      echo "taskset -c 0"
    fi
  fi
}
run() {
  label=$1
  cores=$2
  shift 2
  # Under the same confinement, so options that depend on the core count see the run's cores.
  jvm_options=$($(pin "$cores") sh "$root/tools/java-options" "$root" "${VIGIL_E2E_JAVA_OPTS:-}")
  line=$(/usr/bin/time -f "rss_mb=%M user_s=%U sys_s=%S" $(pin "$cores") java $jvm_options ${VIGIL_E2E_JAVA_OPTS:-} -Xmx${VIGIL_E2E_HEAP:-512m} -cp "$jar" dev.vigil.bench.EndToEnd "$@" 2>/tmp/vigil-e2e.err | tail -1)
  rss=$(grep -o 'rss_mb=[0-9]*' /tmp/vigil-e2e.err | sed 's/rss_mb=//')
  cpu=$(grep -o 'user_s=.*' /tmp/vigil-e2e.err | tail -1)
  records=$(grep -o 'records  *[0-9,]*' /tmp/vigil-e2e.err | head -1 | tr -dc '0-9')
  echo "$label cores=$(pin "$cores" | sed -n 's/taskset -c //p' | grep . || echo all) records=$records $line peak_rss_mb=$((rss / 1024)) $cpu"
  echo "$label $(echo "$line" | grep -o 'seconds=[0-9.]*' | sed 's/seconds=//')" >> "$times"
}
# The options the vigil launcher runs with, so the harness measures what users run.
jvm_options=$(sh "$root/tools/java-options" "$root" "${VIGIL_E2E_JAVA_OPTS:-}")
rounds=${VIGIL_E2E_ROUNDS:-1}
times=${TMPDIR:-/tmp}/vigil-e2e-times.$$
: > "$times"
only=${VIGIL_E2E_ONLY:-}
empty=${TMPDIR:-/tmp}/vigil-e2e-empty
mkdir -p "$empty"
cache=${TMPDIR:-/tmp}/vigil-e2e-rule-cache.$$
rm -rf "$cache"
java $jvm_options -cp "$jar" dev.vigil.bench.EndToEnd hunt --no-progress --no-builtin -r "$rules" --rule-cache "$cache" \
  -f jsonl "$empty" >/dev/null 2>&1
# Decode-only and hunt of one input at each thread count, the thread counts in turn, in an order reversed
# every round: with "1 2", d1 h1 h2 d2 in odd rounds and d2 h2 h1 d1 in even ones, so the two runs of every
# ratio the summary takes are neighbours. The machine's speed drifts within minutes; reversing the order
# each round cancels a steady drift in the medians, which a fixed order would add to one side of a ratio.
measure() {
  name=$1
  input=$2
  order=$threads
  if [ $((round % 2)) = 0 ]; then
    order=""
    for t in $threads; do order="$t $order"; done
  fi
  k=0
  for t in $order; do
    k=$((k + 1))
    if [ $((k % 2)) = 1 ]; then
      decode_then_hunt "$name" "$t" "$input"
    else
      hunt_then_decode "$name" "$t" "$input"
    fi
  done
}
run_decode() {
  run "$1 decode-only threads=$2" "$2" hunt --no-progress --decode-only --threads "$2" "$3"
}
run_hunt() {
  run "$1 hunt-sigma  threads=$2" "$2" hunt --no-progress --no-builtin -r "$rules" --rule-cache "$cache" -f jsonl \
    --threads "$2" "$3"
}
decode_then_hunt() {
  run_decode "$@"
  run_hunt "$@"
}
hunt_then_decode() {
  run_hunt "$@"
  run_decode "$@"
}
round=0
while [ "$round" -lt "$rounds" ]; do
round=$((round + 1))
[ "$rounds" = 1 ] || echo "round $round of $rounds"
# The fixed cost of a hunt: loading and compiling the rules, with no input. Hunt minus this, over
# decode-only, is what matching adds per record once the rules are in memory.
for t in $threads; do
  run "rules-cold       threads=$t" "$t" hunt --no-progress --no-builtin -r "$rules" --no-rule-cache -f jsonl --threads "$t" "$empty"
  run "rules-only       threads=$t" "$t" hunt --no-progress --no-builtin -r "$rules" --rule-cache "$cache" -f jsonl --threads "$t" "$empty"
done
[ "$only" = otrf ] || [ "$only" = onefile ] || measure evtx "$big"
if [ -z "$only" ] || [ "$only" = onefile ]; then
  one=${TMPDIR:-/tmp}/vigil-e2e-onefile.evtx
  if [ ! -f "$one" ]; then
    head -c 4096 "$(head -n 1 "$big.list")" > "$one"
    while [ "$(stat -c %s "$one")" -lt 1000000000 ]; do
      while IFS= read -r f; do
        size=$(stat -L -c %s "$f")
        # only whole-chunk files, so every chunk of the result starts on a chunk boundary
        [ $(( (size - 4096) % 65536 )) -eq 0 ] && tail -c +4097 "$f" >> "$one"
      done < "$big.list"
    done
  fi
  echo "onefile: $(stat -c %s "$one" | awk '{printf "%.2f GB", $1/1e9}') in one EVTX file"
  measure onefile "$one"
fi
[ "$only" = evtx ] || [ "$only" = onefile ] || measure otrf "$corpus/OTRF-Security-Datasets"
done
if [ "$rounds" -gt 1 ]; then
  # The machine's neighbours only ever slow a run down, so the best of the rounds is printed beside the median.
  # Ratios are also taken round by round, then their median: the two runs of a round are a minute apart,
  # the medians of two configurations may come from rounds far apart in a machine whose speed drifts.
  echo "over $rounds rounds (seconds): median, best, each round; then hunt / decode-only and one thread / more: of the medians, of the bests, and the median of the rounds' ratios:"
  awk '{ key = $0; sub(/ [0-9.]+$/, "", key); v[key] = v[key] " " $NF }
       # Sorts q[1..n] in place and returns its median.
       function median(q, n,    i, j, t) {
         for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (q[j] < q[i]) { t = q[i]; q[i] = q[j]; q[j] = t }
         return (n % 2) ? q[(n + 1) / 2] : (q[n / 2] + q[n / 2 + 1]) / 2 }
       # The median over rounds of the ratio of configurations x and y, run in the same rounds.
       function perround(x, y,    n, i, q) {
         n = c[x] < c[y] ? c[x] : c[y]; for (i = 1; i <= n; i++) q[i] = r[x, i] / r[y, i]
         return median(q, n) }
       function ratios(label, x, y) {
         printf "  %-34s %7.2fx  best %5.2fx  rounds %5.2fx\n", label, m[x] / m[y], b[x] / b[y], perround(x, y) }
       END {
         for (k in v) {
           n = split(substr(v[k], 2), a, " "); c[k] = n
           for (i = 1; i <= n; i++) r[k, i] = a[i]
           m[k] = median(a, n); b[k] = a[1]
           printf "  %-34s %7.2f  best %6.2f  (%s)\n", k, m[k], b[k], substr(v[k], 2) }
         for (k in m) if (k ~ /hunt-sigma/) { d = k; sub(/hunt-sigma /, "decode-only", d); if (d in m) ratios(k " / decode", k, d) }
         for (k in m) if (k ~ /threads=1$/) for (o in m) {
           p = o; sub(/threads=[0-9]+$/, "threads=1", p)
           if (p == k && o != k) { t = o; sub(/.*threads=/, "", t); ratios(k " / " t, k, o) } } }' "$times" | sort
fi
rm -f "$times"
rm -rf "$cache"
