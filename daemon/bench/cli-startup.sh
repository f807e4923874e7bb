#!/usr/bin/env bash
# CLI start-up benchmark: whole processes through the ./bulletproof launcher, as a person runs them.
# Times `--version`, `analyze CLIP` and `transcode CLIP` against the identical ffmpeg command run directly
# (taken from `transcode --print-command`), RUNS times each after one untimed warm-up, and prints the
# median and the minimum of each, and the ratio transcode/raw ffmpeg (medians).
#
# Run from anywhere after: mvn -B -DskipTests package -pl daemon -am
# Settings (environment): RUNS (6), CLIP_SECONDS (5), SIZE (640x360), PROFILE (live-h264),
# LAUNCHER (the repository's ./bulletproof).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${RUNS:-6}
CLIP_SECONDS=${CLIP_SECONDS:-5}
SIZE=${SIZE:-640x360}
PROFILE=${PROFILE:-live-h264}
LAUNCHER=${LAUNCHER:-$root/bulletproof}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minimum() { sort -n | head -n 1; }
# time_runs NAME COMMAND...: runs the command RUNS times (after one warm-up) and records the wall times.
declare -A times
time_runs() {
  local name=$1
  shift
  "$@" >/dev/null 2>&1 || { echo "$name failed: $*" >&2; "$@"; exit 1; }
  local r t0 t1
  times[$name]=""
  for ((r = 1; r <= RUNS; r++)); do
    t0=$(now); "$@" >/dev/null 2>&1; t1=$(now)
    times[$name]+="$(elapsed "$t0" "$t1") "
  done
}
report() {
  local values
  values=$(tr ' ' '\n' <<<"${times[$1]}" | sed '/^$/d')
  printf '%-22s median %6.3f s   min %6.3f s\n' "$1" "$(median <<<"$values")" "$(minimum <<<"$values")"
}

ffmpeg=$("$LAUNCHER" doctor | sed -n 's/^ffmpeg: *\(.*\) ([a-zA-Z]*)$/\1/p')
clip="$work/clip.mp4"
"$ffmpeg" -hide_banner -loglevel error -nostdin -y \
  -f lavfi -i "testsrc2=size=$SIZE:rate=25" -f lavfi -i "sine=frequency=440:sample_rate=48000" \
  -t "$CLIP_SECONDS" -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac "$clip"
echo "launcher: $LAUNCHER"
echo "ffmpeg:   $ffmpeg"
echo "clip:     ${CLIP_SECONDS} s at $SIZE, profile $PROFILE, $RUNS timed runs each after a warm-up; load: $(cut -d' ' -f1-3 /proc/loadavg)"

time_runs "--version" "$LAUNCHER" --version
time_runs "analyze" "$LAUNCHER" analyze "$clip"

out="$work/out.mp4"
raw_command=$("$LAUNCHER" transcode "$clip" --profile "$PROFILE" -o "$out" --print-command)
# The last argument is ffmpeg's output (the hidden temporary file), as a file: URL.
raw_output=$(eval "set -- $raw_command; printf '%s' \"\${@: -1}\"")
raw_output=${raw_output#file:}
transcode() { rm -f "$out"; "$LAUNCHER" transcode "$clip" --profile "$PROFILE" -o "$out"; }
raw() { rm -f "$raw_output"; eval "$raw_command"; }
# Interleaved, so that a burst of load from elsewhere hits both sides alike.
times[transcode]=""
times[raw ffmpeg]=""
transcode >/dev/null 2>&1
raw >/dev/null 2>&1
for ((r = 1; r <= RUNS; r++)); do
  t0=$(now); transcode >/dev/null 2>&1; t1=$(now)
  times[transcode]+="$(elapsed "$t0" "$t1") "
  t0=$(now); raw >/dev/null 2>&1; t1=$(now)
  times[raw ffmpeg]+="$(elapsed "$t0" "$t1") "
done

report "--version"
report "analyze"
report "transcode"
report "raw ffmpeg"
ours=$(tr ' ' '\n' <<<"${times[transcode]}" | sed '/^$/d' | median)
theirs=$(tr ' ' '\n' <<<"${times[raw ffmpeg]}" | sed '/^$/d' | median)
awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "engine ratio (transcode/raw ffmpeg, medians): %.3f\n", a / b }'
