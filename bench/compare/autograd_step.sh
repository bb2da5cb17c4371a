#!/usr/bin/env bash
# Paired timing of one training step through autograd + modules (grad4j's AutogradStepTiming) and
# through PyTorch 1.13 float64 eager (autograd_step.py, best of 1 and 2 threads), in turns:
#   bench/compare/autograd_step.sh [rounds] [steps]
# Each round runs grad4j as the launcher does (OPENBLAS_NUM_THREADS=1, grad4j's two-core split of large
# products), grad4j on one thread (GRAD4J_THREADS=1 too), then PyTorch with 1 and 2 threads; prints every
# run and each round's ratios: grad4j's best median / PyTorch's best median (the goal is <= 0.5), and
# one thread against one thread.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
steps=${2:-300}
mvn -B -q -pl core,bench package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile=target/classpath.txt >/dev/null
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
for r in $(seq 1 "$rounds"); do
    g2=$(OPENBLAS_NUM_THREADS=1 java --add-modules jdk.incubator.vector -cp "$CP" \
        org.grad4j.bench.AutogradStepTiming "$steps" 300 2>/dev/null)
    g1=$(OPENBLAS_NUM_THREADS=1 GRAD4J_THREADS=1 java --add-modules jdk.incubator.vector -cp "$CP" \
        org.grad4j.bench.AutogradStepTiming "$steps" 300 2>/dev/null)
    t=$(/usr/bin/python3 bench/compare/autograd_step.py --threads 1,2 --steps "$steps")
    echo "round $r grad4j two-core $g2"
    echo "round $r grad4j one-thread $g1"
    echo "$t" | sed "s/^/round $r torch /"
    /usr/bin/python3 - "$g2" "$g1" "$t" <<'PY'
import json, sys
g2, g1 = json.loads(sys.argv[1]), json.loads(sys.argv[2])
t = [json.loads(l) for l in sys.argv[3].splitlines()]
t1 = next(r for r in t if r.get("threads") == 1)["median_us"]
best = t[-1]["best_median_us"]
g = min(g2["median_us"], g1["median_us"])
c1 = next(r for r in t if r.get("threads") == 1)["median_cpu_us"]
print(f"ratio grad4j best / torch best = {g / best:.3f} ({g:.0f} us against {best:.0f} us); "
      f"one thread each = {g1['median_us'] / t1:.3f} ({g1['median_us']:.0f} against {t1:.0f} us); "
      f"one thread each, CPU time = {g1['median_cpu_us'] / c1:.3f} ({g1['median_cpu_us']:.0f} against {c1:.0f} us)")
PY
done
