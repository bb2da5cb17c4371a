#!/bin/bash
# Paired timing of `./grad4j train` in two checkouts, alternating, so that both see the same machine load:
#   bench/paired-train.sh BEFORE_DIR AFTER_DIR PAIRS [train options...]
# e.g.  git worktree add /tmp/before main && (cd /tmp/before && mvn -B -q -o -DskipTests package)
#       bench/paired-train.sh /tmp/before . 6 --dataset fashion-mnist
# Prints one line per run: pair, checkout, loop seconds (`--json` key `seconds`), final loss, test
# accuracy, and the 1-minute load average after the run. Run each checkout once before, so that both
# have their class-data archive.
set -euo pipefail
before=$1; after=$2; pairs=$3; shift 3
for i in $(seq 1 "$pairs"); do
  for t in "$before" "$after"; do
    out=$(cd "$t" && ./grad4j train "$@" --json 2>/dev/null)
    printf '%s' "$out" | /usr/bin/python3 -c "
import json, sys
d = json.load(sys.stdin)
load = open('/proc/loadavg').read().split()[0]
print($i, '$t', d['seconds'], d['final_loss'], d['test_accuracy'], load)"
  done
done
