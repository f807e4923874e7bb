#!/usr/bin/env bash
# Engine overhead benchmark: the same encode through `bulletproof transcode` and through the identical
# ffmpeg command line run directly (taken from `transcode --print-command`), interleaved, RUNS times each.
# Prints per-clip medians and the ratio ours/raw. Ours includes JVM start-up, locating ffmpeg, probing the
# input and verifying the output; the start-up share is printed separately so it can be told apart.
#
# Run from the repository root after: mvn -DskipTests package   (or: mvn -pl daemon -am -DskipTests package)
# Settings (environment): RUNS (5), CLIPS (3), CLIP_SECONDS (5), SIZE (640x360), PROFILE (live-qlab),
# CDS (1: run the JVM with an application class-data archive, as a launcher should; 0: a plain `java -jar`).
set -euo pipefail

RUNS=${RUNS:-5}
CLIPS=${CLIPS:-3}
CLIP_SECONDS=${CLIP_SECONDS:-5}
SIZE=${SIZE:-640x360}
PROFILE=${PROFILE:-live-qlab}
CDS=${CDS:-1}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=daemon/target/bulletproof-daemon.jar

if [[ ! -f $JAR ]]; then
  echo "missing $JAR: run 'mvn -DskipTests package' from the repository root first" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The jar's manifest grants native access (Enable-Native-Access), so no command-line flag is needed; the
# flag would also make the JVM reject the class-data archive.
jvm_options=()
if [[ $CDS == 1 ]]; then
  # Class loading (picocli, Jackson, javacpp) is most of the start-up; an archive maps it in ready-made.
  jvm_options+=(-Xlog:cds=off -Xlog:aot=off -XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=$work/bulletproof.jsa")
fi
cli() { "$JAVA_HOME/bin/java" ${jvm_options[@]+"${jvm_options[@]}"} -jar "$JAR" "$@"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

ffmpeg=$(cli doctor | sed -n 's/^ffmpeg: *\(.*\) ([a-zA-Z]*)$/\1/p')
echo "ffmpeg:  $ffmpeg"
echo "profile: $PROFILE, $CLIPS clips of ${CLIP_SECONDS} s at $SIZE, $RUNS runs each, CDS=$CDS"

for ((c = 1; c <= CLIPS; c++)); do
  "$ffmpeg" -hide_banner -loglevel error -nostdin -y \
    -f lavfi -i "testsrc2=size=$SIZE:rate=25" -f lavfi -i "sine=frequency=$((220 * c)):sample_rate=48000" \
    -t "$CLIP_SECONDS" -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac "$work/clip$c.mp4"
done

# Warm-up, not timed: fills the OS file cache and, with CDS=1, writes the class-data archive.
cli transcode "$work/clip1.mp4" --profile "$PROFILE" -o "$work/warmup/out.mov" >/dev/null 2>&1
rm -rf "$work/warmup"

startup=()
for ((r = 1; r <= RUNS; r++)); do
  t0=$(now); cli --version >/dev/null; t1=$(now)
  startup+=("$(elapsed "$t0" "$t1")")
done
startup_median=$(printf '%s\n' "${startup[@]}" | median)

total_ours=0
total_raw=0
printf '%-10s %10s %10s %8s\n' clip "ours (s)" "raw (s)" ratio
for ((c = 1; c <= CLIPS; c++)); do
  clip="$work/clip$c.mp4"
  out="$work/out/clip$c.mp4"
  mkdir -p "$work/out"
  raw_command=$(cli transcode "$clip" --profile "$PROFILE" -o "$out" --print-command)
  # The last argument is ffmpeg's output (the hidden temporary file), as a file: URL.
  raw_output=$(eval "set -- $raw_command; printf '%s' \"\${@: -1}\"")
  raw_output=${raw_output#file:}
  ours=()
  raw=()
  for ((r = 1; r <= RUNS; r++)); do
    t0=$(now); cli transcode "$clip" --profile "$PROFILE" -o "$out" >/dev/null 2>&1; t1=$(now)
    ours+=("$(elapsed "$t0" "$t1")")
    rm -f "$work"/out/*
    t0=$(now); eval "$raw_command" >/dev/null 2>&1; t1=$(now)
    raw+=("$(elapsed "$t0" "$t1")")
    rm -f "$raw_output" "$work"/out/*
  done
  m_ours=$(printf '%s\n' "${ours[@]}" | median)
  m_raw=$(printf '%s\n' "${raw[@]}" | median)
  total_ours=$(awk -v a="$total_ours" -v b="$m_ours" 'BEGIN { print a + b }')
  total_raw=$(awk -v a="$total_raw" -v b="$m_raw" 'BEGIN { print a + b }')
  printf '%-10s %10s %10s %8s\n' "clip$c" "$m_ours" "$m_raw" "$(awk -v a="$m_ours" -v b="$m_raw" 'BEGIN { printf "%.3f", a / b }')"
done

printf '%-10s %10.3f %10.3f %8s\n' total "$total_ours" "$total_raw" \
  "$(awk -v a="$total_ours" -v b="$total_raw" 'BEGIN { printf "%.3f", a / b }')"
echo "JVM start-up alone (bulletproof --version), median: $startup_median s"
awk -v a="$total_ours" -v b="$total_raw" -v s="$startup_median" -v n="$CLIPS" 'BEGIN {
  printf "ratio with start-up removed: %.3f (target <= 1.05)\n", (a - n * s) / b }'
