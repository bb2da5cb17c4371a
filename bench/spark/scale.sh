#!/usr/bin/env bash
# The Spark scale measurement: the same network trained on an enlarged Fashion-MNIST
# (shifted-fashion-mnist.py) in-process, on local[2] in sync and in average mode (k = 50), and on a
# standalone cluster on 127.0.0.1 (a master and two workers, one core each, started here from
# Spark's class path and stopped at the end). Writes one JSON file per run into $OUT and prints a
# table: epochs per minute (training time only: no data loading, no evaluation), final test
# accuracy, and the per-job compute / scheduling-and-communication split.
#
# Memory: the rows are cached as doubles (rows x 784 x 8 bytes: 1.9 GB at COPIES=5, 3.8 GB at 10).
# On local[N] the driver JVM holds them all, plus the pixels as bytes and their broadcast; on the
# cluster each executor holds its partition and the broadcast, and Spark caches a partition only
# if it fits its storage memory, (heap - 300 MB) x 0.6 (else every job would rebuild it: the
# script stops when Spark says so). The defaults grow with COPIES: GRAD4J_JAVA_OPTS -Xmx8g|-Xmx12g
# for in-process and local[2]; CLUSTER_DRIVER_OPTS -Xmx4g for the cluster runs' driver;
# EXECUTOR_MEMORY 3g|6g per executor (each worker offers that much). Writes `uptime` before and
# after each run into $OUT/NAME.load: the machine may be shared.
#
# usage: bench/spark/scale.sh   (COPIES=5|10, SYNC_ITERS=300, EPOCHS=1, OUT=/tmp/grad4j-spark-bench,
#        RUNS="in-process local2-sync local2-average cluster-sync cluster-average" or some of them,
#        RUN_TIMEOUT=1800 seconds a run)
# The data are made with /usr/bin/python3 (NumPy; PYTHON overrides it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
copies="${COPIES:-5}"
data="${DATA:-/tmp/grad4j-fashion-${copies}x}"
out="${OUT:-/tmp/grad4j-spark-bench}"
sync_iters="${SYNC_ITERS:-300}"
epochs="${EPOCHS:-1}"
run_timeout="${RUN_TIMEOUT:-1800}"
runs=" ${RUNS:-in-process local2-sync local2-average cluster-sync cluster-average} "
mkdir -p "$out"
if [ ! -f "$data/train-images-idx3-ubyte.gz" ]; then
  "${PYTHON:-/usr/bin/python3}" "$root/bench/spark/shifted-fashion-mnist.py" "$data" --copies "$copies"
fi
if [ "$copies" -le 5 ]; then big=0; else big=1; fi
export GRAD4J_JAVA_OPTS="${GRAD4J_JAVA_OPTS:-$([ $big = 1 ] && echo -Xmx12g || echo -Xmx8g)}"
cluster_driver_opts="${CLUSTER_DRIVER_OPTS:--Xmx4g}"
executor_memory="${EXECUTOR_MEMORY:-$([ $big = 1 ] && echo 6g || echo 3g)}"
common=(--dataset "$data" --model multi-layer --hidden 100 --activation relu --weight-init he --lr 0.1
  --batch 100 --seed 1 --json)
run() {
  local name="$1"; shift
  [[ "$runs" == *" $name "* ]] || return 0
  echo "== $name: grad4j train ${common[*]} $*" >&2
  uptime >"$out/$name.load"
  if ! timeout "$run_timeout" "$root/grad4j" train "${common[@]}" "$@" >"$out/$name.json" 2>"$out/$name.err"; then
    # e.g. executors that die at start-up, which Spark relaunches without end
    echo "$name failed or ran out of its ${run_timeout} s (RUN_TIMEOUT); the first errors of the run and of the executors:" >&2
    grep -h -m3 -E "Exception|Error" "$out/$name.err" ${home:+"$home"/work-*/*/*/stderr} 2>/dev/null | head -6 >&2
    exit 1
  fi
  uptime >>"$out/$name.load"
  echo "   load before / after: $(head -1 "$out/$name.load" | sed 's/.*load average: //') / $(tail -1 "$out/$name.load" | sed 's/.*load average: //')" >&2
  # a partition that did not fit the storage memory is rebuilt by every job: such a timing is void
  if grep -h "Not enough space to cache" "$out/$name.err" ${home:+"$home"/work-*/*/*/stderr} 2>/dev/null | head -3 | grep . >&2; then
    echo "$name: Spark could not cache the rows (see above): give it more memory" >&2
    exit 1
  fi
}
home=""

# the table of the runs in $out
table() {
python3 - "$out" <<'PY'
import json, sys, os
out = sys.argv[1]
print(f"{'run':16} {'rows':>7} {'iters':>6} {'train s':>8} {'epochs/min':>10} {'test acc':>8}  per job: compute / communication")
for name in ["in-process", "local2-sync", "local2-average", "cluster-sync", "cluster-average"]:
    p = os.path.join(out, name + ".json")
    if not os.path.exists(p):
        continue
    d = json.load(open(p))
    rows = d["history"]["epoch_iteration"][0] * 100 if d["history"]["epoch_iteration"] else 0
    per_epoch = None
    # iterations per epoch = train rows / batch; the dataset line of the .err file has the train size
    for line in open(os.path.join(out, name + ".err")):
        if line.startswith("dataset"):
            train = int(line.split(":")[1].split()[0])
            per_epoch = train // 100
    epochs = d["iterations"] / per_epoch
    s = d.get("spark")
    split = ""
    if s:
        split = f"{1e3 * s['compute_seconds'] / s['jobs']:.1f} ms / {1e3 * s['communication_seconds'] / s['jobs']:.1f} ms ({s['jobs']} jobs)"
    print(f"{name:16} {train:>7} {d['iterations']:>6} {d['seconds']:>8.1f} {60 * epochs / d['seconds']:>10.3f} {d['test_accuracy']:>8.4f}  {split}")
PY
}

run in-process --epochs "$epochs"
run local2-sync --spark 'local[2]' --iters "$sync_iters"
run local2-average --spark 'local[2]' --spark-mode average --spark-local-steps 50 --epochs "$epochs"

# the standalone cluster: Spark's jars (the class path the launcher uses) as a temporary SPARK_HOME
[[ "$runs" == *" cluster-"* ]] || { table; exit 0; }
"$root/grad4j" --version >/dev/null  # builds the command-line jar if needed
[ -f "$root/spark/target/spark.classpath" ] || (cd "$root" && mvn -B -q -DskipTests package -pl spark -am)
home="$(mktemp -d)"
mkdir -p "$home/jars"
tr ':' '\n' <"$root/spark/target/spark.classpath" | while read -r j; do ln -sf "$j" "$home/jars/"; done
opens=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  -Dio.netty.tryReflectionSetAccessible=true)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
pids=()
cleanup() {
  for w in "$home"/work-*; do
    [ -d "$w" ] && find "$w" -name stderr -exec sh -c 'cat "$@"' sh {} + >"$out/executors-$(basename "$w").log" 2>/dev/null
  done
  for p in "${pids[@]}"; do pkill -TERM -P "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$home"
}
trap cleanup EXIT
export SPARK_HOME="$home" SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13
java "${opens[@]}" -Xmx512m -cp "$home/jars/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 \
  --port "$port" --webui-port 0 >"$out/master.log" 2>&1 &
pids+=($!)
for w in 0 1; do
  java "${opens[@]}" -Xmx512m -cp "$home/jars/*" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 \
    --webui-port 0 --cores 1 --memory "$executor_memory" --work-dir "$home/work-$w" "spark://127.0.0.1:$port" >"$out/worker-$w.log" 2>&1 &
  pids+=($!)
done
sleep 10
cluster=(--spark "spark://127.0.0.1:$port" --partitions 2)
GRAD4J_JAVA_OPTS="$cluster_driver_opts -Dspark.executor.memory=$executor_memory" run cluster-sync "${cluster[@]}" --iters "$sync_iters"
GRAD4J_JAVA_OPTS="$cluster_driver_opts -Dspark.executor.memory=$executor_memory" run cluster-average "${cluster[@]}" \
  --spark-mode average --spark-local-steps 50 --epochs "$epochs"

table
