#!/usr/bin/env bash
# Installed-app test for the Linux package: extracts the .deb, then drives the installed launchers the
# way a user would: --version, a one-off transcode with the bundled ffmpeg, the daemon publishing a file
# dropped in its watch folder, /api/health, and the desktop client showing its window on a virtual X
# display. In CI, as root, it also installs and removes the package system-wide (see the end).
#
# Usage: install-test.sh INSTALLER_FOLDER WORK_FOLDER
set -euo pipefail

installer_dir="$(realpath -m "$1")"
work="$(realpath -m "$2")"
started_pids=()

fail() {
  echo "install-test: FAILED: $*" >&2
  for log in "$work"/*.log; do
    [ -f "$log" ] && { echo "--- $log" >&2; tail -n 40 "$log" >&2; }
  done
  exit 1
}

stop_started_processes() {
  local pid
  for pid in "${started_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${started_pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
trap stop_started_processes EXIT

# Polls a condition (a shell command) until it holds or the deadline passes.
wait_for() {
  local seconds="$1" description="$2"
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || fail "timed out after ${seconds}s waiting for $description"
    sleep 0.5
  done
}

for tool in dpkg-deb curl Xvfb xwininfo; do
  command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install dpkg curl xvfb x11-utils)"
done

deb="$(find "$installer_dir" -maxdepth 1 -name 'bulletproof_*.deb' | head -n 1)"
[ -n "$deb" ] || fail "no bulletproof_*.deb in $installer_dir"
echo "install-test: $deb ($(du -h "$deb" | cut -f1))"

rm -rf "$work"
mkdir -p "$work/root" "$work/home"
dpkg-deb -x "$deb" "$work/root"
app="$work/root/opt/bulletproof"

# Package metadata: the libraries JavaFX and the bundled ffmpeg load at run time.
depends="$(dpkg-deb -f "$deb" Depends)"
for library in libgtk-3-0 libva2 libva-drm2 libpulse0 libxcb-shm0; do
  [[ ",$depends," == *" $library,"* || ",$depends," == *",$library,"* ]] \
    || fail "Depends lacks $library: $depends"
done
desktop_entry="$(find "$app/lib" -maxdepth 1 -name '*bulletproof-desktop.desktop' | head -n 1)"
[ -n "$desktop_entry" ] || fail "no desktop entry for bulletproof-desktop in $app/lib"
grep -q '^Exec=/opt/bulletproof/bin/bulletproof-desktop' "$desktop_entry" || fail "desktop entry does not start the client"
grep -q '^Icon=/opt/bulletproof/lib/bulletproof-desktop.png' "$desktop_entry" || fail "desktop entry has no icon"
[ -f "$app/lib/bulletproof-desktop.png" ] || fail "icon missing"
[ -f "$app/lib/systemd/bulletproof.service" ] || fail "systemd user unit missing"
[ -f "$app/lib/systemd/bulletproof-system.service" ] || fail "system-wide unit missing"

# Uninstalling must leave the users' configuration, history and outputs alone: the maintainer scripts
# may touch the install folder and the menu entries, nothing in anyone's home.
dpkg-deb -e "$deb" "$work/control"
if grep -nE 'HOME|/home/|\.config|\.local|/root' "$work/control/preinst" "$work/control/postinst" \
    "$work/control/prerm" "$work/control/postrm"; then
  fail "a maintainer script refers to user folders"
fi

# A private home: the per-user config and data folders and the javacpp cache all land in the work folder.
# Java takes user.home from the password database, not from $HOME, hence the system property as well.
export HOME="$work/home"
export JAVA_TOOL_OPTIONS="-Duser.home=$HOME"
unset XDG_CONFIG_HOME XDG_DATA_HOME
# What the systemd unit sets: the JVM needs a UTF-8 locale to name non-ASCII files.
export LC_ALL=C.UTF-8 LANG=C.UTF-8
cli="$app/bin/bulletproof"

version="$("$cli" --version)"
echo "install-test: bulletproof --version: $version"
[[ "$version" == *0.1.0* ]] || fail "unexpected version: $version"

doctor="$("$cli" doctor 2>"$work/doctor.log")" || fail "doctor reported a problem: $doctor"
ffmpeg="$(sed -n 's/^ffmpeg: *\(.*\) (bundled)$/\1/p' <<<"$doctor")"
[ -x "$ffmpeg" ] || fail "doctor did not name the bundled ffmpeg: $doctor"
echo "install-test: bundled ffmpeg $ffmpeg"

clips="$work/clips"
mkdir -p "$clips"
"$ffmpeg" -v error -f lavfi -i testsrc2=size=320x180:rate=25 -f lavfi -i sine=frequency=440:sample_rate=48000 \
  -t 1 -c:v libx264 -pix_fmt yuv420p -c:a aac -shortest "$clips/clip.mp4"

published="$("$cli" transcode -p live-qlab -o "$clips/one-off.mov" "$clips/clip.mp4" 2>"$work/transcode.log")" \
  || fail "bulletproof transcode failed"
[ -s "$published" ] || fail "transcode did not publish $published"
echo "install-test: transcode published $published"

# A port nothing listens on (bash's /dev/tcp connects only when something does).
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=$((20000 + RANDOM % 20000))
while port_in_use "$port"; do port=$((20000 + RANDOM % 20000)); done
mkdir -p "$work/watch" "$work/out" "$work/data"
cat >"$work/bulletproof.yaml" <<YAML
monitor_folder: $work/watch
output_folder: $work/out
max_workers: 1
stable_seconds: 1
scan_interval_seconds: 1
server:
  host: 127.0.0.1
  port: $port
  auth: token
YAML

"$cli" daemon --config "$work/bulletproof.yaml" --data-dir "$work/data" >"$work/daemon.log" 2>&1 &
daemon_pid=$!
started_pids+=("$daemon_pid")

health_ok() { curl -fsS "http://127.0.0.1:$port/api/health" >"$work/health.json" 2>/dev/null; }
wait_for 60 "/api/health on port $port" health_ok
echo "install-test: /api/health $(cat "$work/health.json")"

# Copied under a hidden name, then renamed: the daemon sees the clip appear complete. The non-ASCII name
# checks the locale handling of the installed launcher.
cp "$clips/clip.mp4" "$work/watch/.copying"
mv "$work/watch/.copying" "$work/watch/Szène été.mp4"
published_by_daemon() {
  local found
  found="$(find "$work/out" -name 'Szène été__processed__*' ! -name '.*' -size +0 | head -n 1)"
  [ -n "$found" ] && echo "install-test: daemon published $found"
}
wait_for 90 "the daemon to publish the dropped clip" published_by_daemon

# The desktop client on a virtual display: it must connect and show its window.
[ -s "$work/data/token" ] || fail "the daemon wrote no token to $work/data/token"
exec {display_fd}<> <(:)
Xvfb -displayfd "$display_fd" -screen 0 1600x1000x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
started_pids+=("$!")
read -r -t 30 display_number <&"$display_fd" || fail "Xvfb did not start"
export DISPLAY=":$display_number"
"$app/bin/bulletproof-desktop" --url "http://127.0.0.1:$port" --token "$(cat "$work/data/token")" \
  --data-dir "$work/desktop-data" >"$work/desktop.log" 2>&1 &
desktop_pid=$!
started_pids+=("$desktop_pid")
window_shown() {
  kill -0 "$desktop_pid" 2>/dev/null || fail "the desktop client exited"
  xwininfo -root -tree 2>/dev/null | grep -q '"Bulletproof"'
}
wait_for 60 "the desktop client's window" window_shown
# A few more seconds alive: the first view rendered and talked to the daemon without crashing.
sleep 3
kill -0 "$desktop_pid" 2>/dev/null || fail "the desktop client exited after showing its window"
echo "install-test: desktop client window shown on $DISPLAY"

kill "$desktop_pid"
kill -TERM "$daemon_pid"
daemon_status=0
wait "$daemon_pid" || daemon_status=$?
# 143 is the JVM's usual status after SIGTERM (128 + 15) once its shutdown hooks have run.
[ "$daemon_status" = 0 ] || [ "$daemon_status" = 143 ] || fail "the daemon exited with $daemon_status on SIGTERM"
grep -q 'Exception' "$work/daemon.log" && fail "the daemon logged an exception"

# In CI, as root, the package is also installed and removed for real, the way a user does it
# (`apt install ./bulletproof_….deb`, which fetches missing dependencies): its maintainer scripts must
# run cleanly, the installed launcher must work from /opt, and removing the package must leave every
# user file the runs above created exactly as it was. Outside CI the machine is left alone.
if [ "${CI:-}" = true ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  user_files_digest() {
    (cd "$work" && find home data out -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum
  }
  before="$(user_files_digest)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends --reinstall "$deb" >"$work/apt-install.log" 2>&1 \
    || fail "apt-get install of the package failed (see $work/apt-install.log)"
  if ! compgen -G "/etc/xdg/menus/*.menu" >/dev/null; then
    grep -q "this system has no desktop menu" "$work/apt-install.log" \
      || fail "without a desktop menu the package should say it added no menu entries"
    echo "install-test: no desktop menu here; the package installed without menu entries and said so"
  fi
  installed_version="$(/opt/bulletproof/bin/bulletproof --version)" || fail "the installed launcher does not run"
  [[ "$installed_version" == *0.1.0* ]] || fail "the installed launcher printed $installed_version"
  echo "install-test: installed with apt-get, /opt/bulletproof/bin/bulletproof --version: $installed_version"
  DEBIAN_FRONTEND=noninteractive apt-get remove -y -q bulletproof >"$work/apt-remove.log" 2>&1 \
    || fail "apt-get remove failed (see $work/apt-remove.log)"
  [ ! -e /opt/bulletproof/bin/bulletproof ] || fail "removing the package left /opt/bulletproof/bin/bulletproof"
  [ "$(user_files_digest)" = "$before" ] || fail "removing the package changed user files"
  echo "install-test: removed again; user config, data and outputs untouched"
fi
echo "install-test: passed"
