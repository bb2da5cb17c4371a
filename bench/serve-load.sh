#!/usr/bin/env bash
# Load test of `grad4j serve` over loopback: starts the server on a free port, runs
# bench/serve/ServeLoad.java (50 clients of descend and compare for 30 s, then viewers that drop a
# training run's event stream mid-way) and stops the server. Arguments: [CLIENTS] [SECONDS].
set -euo pipefail
cd "$(dirname "$0")/.."
log="$(mktemp)"
./grad4j serve --port 0 >"$log" 2>&1 &
launcher=$!
trap 'kill "$launcher" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 600); do
  grep -q 'http://' "$log" && break
  sleep 0.1
done
url="$(grep -o 'http://[^ ]*' "$log")"
pid="$(pgrep -P "$launcher" java || echo "$launcher")"
java bench/serve/ServeLoad.java "$url" "$pid" "${1:-50}" "${2:-30}"
