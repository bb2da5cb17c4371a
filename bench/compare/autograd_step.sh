#!/usr/bin/env bash
# Paired timing of one training step through autograd + modules (grad4j's AutogradStepTiming) and
# through PyTorch 1.13 float64 eager (autograd_step.py, best of 1 and 2 threads), in turns:
#   bench/compare/autograd_step.sh [rounds] [steps]
# Each round runs grad4j, then PyTorch with 1 and 2 threads; prints every run and each round's ratio
# grad4j median / best PyTorch median (the goal is <= 0.5).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
steps=${2:-300}
mvn -B -q -pl core,bench package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile=target/classpath.txt >/dev/null
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
for r in $(seq 1 "$rounds"); do
    g=$(java --add-modules jdk.incubator.vector -cp "$CP" org.grad4j.bench.AutogradStepTiming "$steps" 300 2>/dev/null)
    t=$(/usr/bin/python3 bench/compare/autograd_step.py --threads 1,2 --steps "$steps")
    echo "round $r grad4j $g"
    echo "$t" | sed "s/^/round $r torch /"
    /usr/bin/python3 - "$g" "$(echo "$t" | tail -1)" <<'PY'
import json, sys
g, t = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"ratio grad4j/torch = {g['median_us'] / t['best_median_us']:.3f} "
      f"({g['median_us']:.0f} us against {t['best_median_us']:.0f} us, torch best with {t['best_threads']} threads)")
PY
done
