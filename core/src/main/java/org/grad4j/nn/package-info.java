/**
 * Layers with forward and backward passes, the softmax cross-entropy loss, and the book's networks
 * ({@link org.grad4j.nn.SimpleNet}, {@link org.grad4j.nn.TwoLayerNet},
 * {@link org.grad4j.nn.MultiLayerNet}), after <i>Deep Learning from Scratch</i> ch. 4-6 and its
 * {@code common/layers.py}.
 *
 * <p>Gradients come from backpropagation ({@link org.grad4j.nn.Network#gradient}) and, for checking,
 * from central differences ({@link org.grad4j.nn.Network#numericalGradient},
 * {@link org.grad4j.nn.GradientCheck}). Parameters are exposed as {@link org.grad4j.nn.Parameter}s
 * and as flat arrays for {@code org.grad4j.optim.Optimizer}.
 */
package org.grad4j.nn;
