#!/usr/bin/env bash
# Side-by-side training speed: grad4j vs PyTorch vs NumPy (the book's algorithm), same work:
# TwoLayerNet 784-50-10 sigmoid, softmax cross-entropy, float64, batch 100, lr 0.1,
# batches drawn with replacement (np.random.choice, as the book), N iterations on the same data.
#
#   bench/compare/run.sh [--iters N] [--data DIR] [--calib-iters M] [--grad4j-input auto|dense|sparse]
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
# Each JSON result is kept in bench/compare/results/<timestamp>/.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
py=/usr/bin/python3          # Debian's python3 with python3-torch (the PATH python3 may lack torch)
iters=10000
calib=500
data=""
g4input=auto

usage() { sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --iters) iters="${2:?--iters needs a value}"; shift 2 ;;
    --data) data="${2:?--data needs a directory}"; shift 2 ;;
    --calib-iters) calib="${2:?--calib-iters needs a value}"; shift 2 ;;
    --grad4j-input) g4input="${2:?--grad4j-input needs auto, dense or sparse}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
for n in "$iters" "$calib"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: iteration counts must be positive integers, got $n" >&2; exit 2; }
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

echo "== grad4j ($iters iterations; the launcher builds the jar first if it is missing or stale)"
grad4j_ok=0
if [ -x "$root/grad4j" ]; then
  if (cd "$root" && ./grad4j train --dataset "$dataset" --iters "$iters" --batch 100 --lr 0.1 \
        --sampling replacement --input "$g4input" --json) >"$out/grad4j.raw" 2>"$out/grad4j.err"; then
    # keep the last line that is a JSON object (the launcher may print build notes before it)
    if grep '^{' "$out/grad4j.raw" | tail -n 1 >"$out/grad4j.json" && [ -s "$out/grad4j.json" ] \
       && "$py" -c 'import json,sys; d=json.load(open(sys.argv[1])); d["seconds"]; d["iterations"]' "$out/grad4j.json" 2>/dev/null; then
      grad4j_ok=1
    else
      echo "grad4j: ran but printed no usable JSON (see $out/grad4j.raw)"
    fi
  else
    echo "grad4j: ./grad4j train failed (exit $?); last lines of its error output:"
    tail -n 5 "$out/grad4j.err" | sed 's/^/  /'
  fi
else
  echo "grad4j: $root/grad4j is missing; running the others only"
fi
[ "$grad4j_ok" = 1 ] || rm -f "$out/grad4j.json"

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
if [ -n "$torch_cfg" ]; then
  # shellcheck disable=SC2086
  run_full pytorch-manual torch_train.py $torch_cfg --mode manual
  # shellcheck disable=SC2086
  run_full pytorch-autograd torch_train.py $torch_cfg --mode autograd
  "$py" - "$out" <<'PYEOF'
import json, os, shutil, sys
out = sys.argv[1]
runs = [os.path.join(out, f"pytorch-{m}.json") for m in ("manual", "autograd")]
runs = [r for r in runs if os.path.exists(r)]
if runs:
    shutil.copy(min(runs, key=lambda r: json.load(open(r))["seconds"]), os.path.join(out, "pytorch.json"))
PYEOF
fi
# shellcheck disable=SC2086
[ -n "$numpy_cfg" ] && run_full numpy-book numpy_train.py $numpy_cfg --loop book
# shellcheck disable=SC2086
[ -n "$numpy_cfg" ] && run_full numpy-fused numpy_train.py $numpy_cfg --loop fused

echo
"$py" - "$out" <<'PYEOF'
import json, os, sys
out = sys.argv[1]
def load(name):
    path = os.path.join(out, name + ".json")
    return json.load(open(path)) if os.path.exists(path) else None
rows = [("grad4j", load("grad4j")), ("pytorch", load("pytorch")),
        ("numpy (book loop)", load("numpy-book")), ("numpy (fused loss)", load("numpy-fused"))]
def us(d):
    return d.get("us_per_iter") or d["seconds"] / d["iterations"] * 1e6
def detail(name, d):
    if name == "grad4j":
        b = d.get("blas")
        mode = f"input {d['input']}; " if "input" in d else ""
        return mode + (f"blas: {b}" if b is not None else "")
    threads = f"{d['threads']} thread{'s' if d['threads'] != 1 else ''}"
    mode = f", {d['mode']}" if "mode" in d else ""
    return f"{threads}{mode}; {d.get('blas_summary', '')}"
g = rows[0][1]
counts = {name: d["iterations"] for name, d in rows if d}
if len(set(counts.values())) > 1:
    print(f"WARNING: iteration counts differ: {counts}")
print(f"{'implementation':<20} {'us/iter':>9} {'seconds':>9} {'test acc':>9} {'x grad4j':>9}  details")
for name, d in rows:
    if d is None:
        print(f"{name:<20} {'-':>9} {'-':>9} {'-':>9} {'-':>9}  (not run or failed)")
        continue
    ratio = f"{us(d) / us(g):.2f}" if g else "n/a"
    print(f"{name:<20} {us(d):9.1f} {d['seconds']:9.3f} {d['test_accuracy']:9.4f} {ratio:>9}  {detail(name, d)}")
print()
if g:
    for name, d in rows[1:]:
        if d:
            r = us(d) / us(g)
            verdict = "grad4j >= 2x faster" if r >= 2 else "grad4j NOT 2x faster"
            print(f"{name} / grad4j = {r:.2f}  ({verdict})")
else:
    print("ratios: n/a (no grad4j result)")
print(f"JSON results: {out}")
PYEOF
