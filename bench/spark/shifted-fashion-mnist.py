#!/usr/bin/env python3
"""Writes an enlarged Fashion-MNIST training set for the Spark scale benchmark.

Each training image appears as itself and shifted by one pixel up, down, left and right (the
vacated row or column filled with zeros), so the training set grows by a factor of 5 (300 000
images) or, with --copies 10, also by two pixels in each direction (600 000 images). The test set
is Debian's Fashion-MNIST test set unchanged. Output: the four IDX files, gzip-compressed, in DIR.

usage: shifted-fashion-mnist.py DIR [--copies 5|10] [--source /usr/share/datasets/fashion-mnist]
"""
import argparse
import gzip
import os
import shutil

import numpy as np


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic = int.from_bytes(data[0:4], "big")
    dims = magic & 0xFF
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape), magic


def write_idx(path, array, magic):
    with gzip.open(path, "wb", compresslevel=1) as f:
        f.write(magic.to_bytes(4, "big"))
        for d in array.shape:
            f.write(int(d).to_bytes(4, "big"))
        f.write(np.ascontiguousarray(array).tobytes())


def shift(images, dy, dx):
    out = np.zeros_like(images)
    h, w = images.shape[1:]
    ys, yd = (slice(0, h - dy), slice(dy, h)) if dy >= 0 else (slice(-dy, h), slice(0, h + dy))
    xs, xd = (slice(0, w - dx), slice(dx, w)) if dx >= 0 else (slice(-dx, w), slice(0, w + dx))
    out[:, yd, xd] = images[:, ys, xs]
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("dir")
    p.add_argument("--copies", type=int, choices=[5, 10], default=5)
    p.add_argument("--source", default="/usr/share/datasets/fashion-mnist")
    a = p.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    images, im_magic = read_idx(os.path.join(a.source, "train-images-idx3-ubyte.gz"))
    labels, lb_magic = read_idx(os.path.join(a.source, "train-labels-idx1-ubyte.gz"))
    moves = [(0, 0), (-1, 0), (1, 0), (0, -1), (0, 1)]
    if a.copies == 10:
        moves += [(-2, 0), (2, 0), (0, -2), (0, 2), (1, 1)]
    big = np.concatenate([shift(images, dy, dx) for dy, dx in moves])
    big_labels = np.concatenate([labels] * len(moves))
    write_idx(os.path.join(a.dir, "train-images-idx3-ubyte.gz"), big, im_magic)
    write_idx(os.path.join(a.dir, "train-labels-idx1-ubyte.gz"), big_labels, lb_magic)
    for name in ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"):
        shutil.copyfile(os.path.join(a.source, name), os.path.join(a.dir, name))
    print(f"{a.dir}: {big.shape[0]} training images ({len(moves)} copies: shifts {moves}), 10 000 test images")


if __name__ == "__main__":
    main()
