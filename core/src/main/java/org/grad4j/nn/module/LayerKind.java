package org.grad4j.nn.module;

/**
 * What a module is, for code that must treat layers differently (the training planner) without
 * testing classes: a {@code switch} over this enum is exhaustive, so a new kind fails to compile there
 * until it is handled. A module outside this package is {@link #OTHER}.
 */
public enum LayerKind {
    LINEAR, SIGMOID, RELU, TANH, DROPOUT, BATCH_NORM, SEQUENTIAL, OTHER
}
