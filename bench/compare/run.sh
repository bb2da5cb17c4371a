#!/usr/bin/env bash
# Side-by-side training speed: grad4j vs PyTorch vs NumPy (the book's algorithm), same work:
# TwoLayerNet 784-50-10 sigmoid, softmax cross-entropy, float64, batch 100, lr 0.1,
# batches drawn with replacement (np.random.choice, as the book), N iterations on the same data.
#
#   bench/compare/run.sh [--iters N] [--data DIR] [--calib-iters M] [--grad4j-input auto|dense|sparse]
#                        [--rounds R]
#
# grad4j picks its input mode itself (auto): on images that are mostly zeros (MNIST) it multiplies
# only the nonzero pixels, the same results to rounding with fewer multiply-adds; --grad4j-input dense
# makes it do every multiply-add, like the others. The mode used is shown in the table.
# PyTorch runs with its best configuration: short calibration runs (M iterations, default 500)
# pick 1 or 2 threads for ATen (OpenMP) and for OpenBLAS; at that setting both autograd and the
# manual backward get a full run, and the faster counts. NumPy: 1 or 2 OpenBLAS threads, calibrated.
# NumPy is timed twice: the book's loop as written (a second forward pass per iteration to
# record the loss after the update) and "fused" (the loss of the gradient's own forward pass,
# as PyTorch and grad4j record it: exactly the same work as the others).
# --rounds R (default 1) runs every implementation R times, in turn (grad4j, PyTorch, NumPy, grad4j,
# ...), so that a slow spell of the machine hits all of them; the table shows each one's median
# round and the ratios of the medians, with the ratios of every round listed below it.
# Each JSON result is kept in bench/compare/results/<timestamp>/.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
py=/usr/bin/python3          # Debian's python3 with python3-torch (the PATH python3 may lack torch)
iters=10000
calib=500
data=""
g4input=auto
rounds=1

usage() { sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --iters) iters="${2:?--iters needs a value}"; shift 2 ;;
    --data) data="${2:?--data needs a directory}"; shift 2 ;;
    --calib-iters) calib="${2:?--calib-iters needs a value}"; shift 2 ;;
    --grad4j-input) g4input="${2:?--grad4j-input needs auto, dense or sparse}"; shift 2 ;;
    --rounds) rounds="${2:?--rounds needs a value}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
for n in "$iters" "$calib" "$rounds"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: iteration and round counts must be positive integers, got $n" >&2; exit 2; }
done
data_dir="${data:-/usr/share/datasets/fashion-mnist}"
dataset="${data:-fashion-mnist}"     # grad4j takes a directory or a known name
[ -d "$data_dir" ] || { echo "run.sh: no data directory $data_dir" >&2; exit 2; }
[ -x "$py" ] || { echo "run.sh: $py not found" >&2; exit 2; }

out="$here/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
common_args=(--data "$data_dir" --batch 100 --lr 0.1 --sampling replacement --seed 0 --json)

# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE may be set on this machine; they slow a current OpenBLAS
# down, so they are removed for the Python commands only (the environment is left as it is).
for v in OPENBLAS_CORETYPE OPENBLAS_L2_SIZE; do
  [ -n "${!v+x}" ] && echo "note: $v=${!v} is set; unset for the NumPy/PyTorch runs only"
done
pyrun() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$py" "$@"; }
field() { "$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"; }

run_grad4j() {   # run_grad4j <label>: one grad4j run into $out/<label>.json
  local label="$1"
  echo "== $label ($iters iterations; the launcher builds the jar first if it is missing or stale)"
  if [ ! -x "$root/grad4j" ]; then
    echo "grad4j: $root/grad4j is missing; running the others only"
    return
  fi
  if (cd "$root" && ./grad4j train --dataset "$dataset" --iters "$iters" --batch 100 --lr 0.1 \
        --sampling replacement --input "$g4input" --json) >"$out/$label.raw" 2>"$out/$label.err"; then
    # keep the last line that is a JSON object (the launcher may print build notes before it)
    if ! { grep '^{' "$out/$label.raw" | tail -n 1 >"$out/$label.json" && [ -s "$out/$label.json" ] \
       && "$py" -c 'import json,sys; d=json.load(open(sys.argv[1])); d["seconds"]; d["iterations"]' "$out/$label.json" 2>/dev/null; }; then
      echo "grad4j: ran but printed no usable JSON (see $out/$label.raw)"
      rm -f "$out/$label.json"
    fi
  else
    echo "grad4j: ./grad4j train failed (exit $?); last lines of its error output:"
    tail -n 5 "$out/$label.err" | sed 's/^/  /'
    rm -f "$out/$label.json"
  fi
}

best_cfg=""
best() {   # best <name> <script> <config...>: calibrates, sets best_cfg to the fastest config's args
  local name="$1" script="$2"; shift 2
  local best_us="" cfg us
  best_cfg=""
  for cfg in "$@"; do
    # shellcheck disable=SC2086
    if pyrun "$here/$script" "${common_args[@]}" --iters "$calib" $cfg >"$out/calib.json" 2>>"$out/calib.err"; then
      us="$(field "$out/calib.json" us_per_iter)"
      printf '  %-8s %-44s %8.0f us/iter\n' "$name" "$cfg" "$us"
      if [ -z "$best_us" ] || "$py" -c 'import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)' "$us" "$best_us"; then
        best_us="$us"; best_cfg="$cfg"
      fi
    else
      echo "  $name $cfg failed (see $out/calib.err)"
    fi
  done
  rm -f "$out/calib.json"
}

echo "== calibration ($calib iterations each)"
best pytorch torch_train.py "--threads 1" "--threads 1 --blas-threads 2" "--threads 2"
torch_cfg="$best_cfg"
best numpy numpy_train.py "--threads 1" "--threads 2"
numpy_cfg="$best_cfg"

run_full() {   # run_full <label> <script> <args...>
  local label="$1" script="$2"; shift 2
  echo "== $label ($iters iterations): $*"
  pyrun "$here/$script" "${common_args[@]}" --iters "$iters" "$@" >"$out/$label.json" 2>"$out/$label.err" \
    || { echo "$label failed:"; tail -n 5 "$out/$label.err" | sed 's/^/  /'; rm -f "$out/$label.json"; }
}
# PyTorch's two ways of computing the gradient both get a full run (a short calibration on a noisy
# machine can pick the slower one); the faster counts.
for ((r = 1; r <= rounds; r++)); do
  [ "$rounds" -gt 1 ] && echo "== round $r of $rounds"
  run_grad4j "grad4j-r$r"
  if [ -n "$torch_cfg" ]; then
    # shellcheck disable=SC2086
    run_full "pytorch-manual-r$r" torch_train.py $torch_cfg --mode manual
    # shellcheck disable=SC2086
    run_full "pytorch-autograd-r$r" torch_train.py $torch_cfg --mode autograd
  fi
  # shellcheck disable=SC2086
  [ -n "$numpy_cfg" ] && run_full "numpy-book-r$r" numpy_train.py $numpy_cfg --loop book
  # shellcheck disable=SC2086
  [ -n "$numpy_cfg" ] && run_full "numpy-fused-r$r" numpy_train.py $numpy_cfg --loop fused
done

echo
"$py" - "$out" "$rounds" <<'PYEOF'
import json, os, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def load(label):
    path = os.path.join(out, label + ".json")
    return json.load(open(path)) if os.path.exists(path) else None
def us(d):
    return d.get("us_per_iter") or d["seconds"] / d["iterations"] * 1e6
def round_result(name, r):
    if name == "pytorch":   # the faster of its two modes in this round
        runs = [d for d in (load(f"pytorch-manual-r{r}"), load(f"pytorch-autograd-r{r}")) if d]
        return min(runs, key=us) if runs else None
    return load(f"{name}-r{r}")
names = [("grad4j", "grad4j"), ("pytorch", "pytorch"), ("numpy (book loop)", "numpy-book"),
         ("numpy (fused loss)", "numpy-fused")]
per_round = {key: [round_result(key, r) for r in range(1, rounds + 1)] for _, key in names}
def median_run(key):
    runs = [d for d in per_round[key] if d]
    if not runs:
        return None
    runs.sort(key=us)
    return runs[(len(runs) - 1) // 2]   # the lower median: an actual run
rows = [(name, median_run(key)) for name, key in names]
for (name, key), (_, d) in zip(names, rows):   # the median run, under the old single-run names
    if d:
        with open(os.path.join(out, key + ".json"), "w") as f:
            json.dump(d, f)
def detail(name, d):
    if name == "grad4j":
        b = d.get("blas")
        mode = f"input {d['input']}; " if "input" in d else ""
        warm = f"warm-up {d['warmup_steps']} steps while loading; " if d.get("warmup_steps") else ""
        return mode + warm + (f"blas: {b}" if b is not None else "")
    threads = f"{d['threads']} thread{'s' if d['threads'] != 1 else ''}"
    mode = f", {d['mode']}" if "mode" in d else ""
    return f"{threads}{mode}; {d.get('blas_summary', '')}"
g = rows[0][1]
counts = {name: d["iterations"] for name, d in rows if d}
if len(set(counts.values())) > 1:
    print(f"WARNING: iteration counts differ: {counts}")
if rounds > 1:
    print(f"median of {rounds} rounds:")
print(f"{'implementation':<20} {'us/iter':>9} {'seconds':>9} {'test acc':>9} {'x grad4j':>9}  details")
for name, d in rows:
    if d is None:
        print(f"{name:<20} {'-':>9} {'-':>9} {'-':>9} {'-':>9}  (not run or failed)")
        continue
    ratio = f"{us(d) / us(g):.2f}" if g else "n/a"
    print(f"{name:<20} {us(d):9.1f} {d['seconds']:9.3f} {d['test_accuracy']:9.4f} {ratio:>9}  {detail(name, d)}")
print()
if g:
    for (name, key), (_, d) in zip(names[1:], rows[1:]):
        if d:
            r = us(d) / us(g)
            verdict = "grad4j >= 2x faster" if r >= 2 else "grad4j NOT 2x faster"
            line = f"{name} / grad4j = {r:.2f}  ({verdict})"
            if rounds > 1:
                each = [f"{us(o) / us(gr):.2f}" if o and gr else "-" for o, gr in zip(per_round[key], per_round["grad4j"])]
                line += "; by round: " + " ".join(each)
            print(line)
else:
    print("ratios: n/a (no grad4j result)")
print(f"JSON results: {out}")
PYEOF
