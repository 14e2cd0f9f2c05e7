#!/usr/bin/env bash
# CI check of systemd/duban.service: `systemd-analyze verify` must print nothing (it exits 0 even
# on unknown keys) and the security exposure must be 1.5 or less.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# verify checks that ExecStart exists: point it at this checkout's duban for the check, through a link
# in $tmp (the checkout's path may hold spaces, which ExecStart= would split, or characters sed reads)
ln -s "$PWD/.venv/bin/duban" "$tmp/duban"
sed "s|/opt/duban/venv/bin/duban|$tmp/duban|" systemd/duban.service > "$tmp/duban.service"
out=$(systemd-analyze verify "$tmp/duban.service" 2>&1 | grep -v -e 'Failed to prepare filename' -e "$tmp/duban.service:[0-9]*: .*network-online" || true)
if [ -n "$out" ]; then
  echo "systemd-analyze verify reported:"; echo "$out"; exit 1
fi
score=$(systemd-analyze security --offline=yes "$tmp/duban.service" 2>/dev/null | sed -n 's/.*Overall exposure level for .*: \([0-9.]*\).*/\1/p')
echo "systemd-analyze security: exposure $score"
awk -v s="$score" 'BEGIN { exit !(s != "" && s <= 1.5) }' || { echo "exposure above 1.5"; exit 1; }
