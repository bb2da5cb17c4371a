/**
 * Dense row-major tensors of doubles and their kernels.
 *
 * <p>{@link org.grad4j.tensor.Tensor} holds the data; {@link org.grad4j.tensor.Gemm} multiplies
 * matrices through BLAS (transposes as BLAS flags, never copied), choosing the implementation with
 * {@link org.grad4j.tensor.Blas}; {@link org.grad4j.tensor.Ops} has the element-wise maps, row-wise
 * softmax, reductions and mini-batch gathering. Every producing operation takes an optional output
 * argument so that training loops allocate nothing. {@link org.grad4j.tensor.ReferenceGemm} is the
 * plain triple loop the fast paths are tested against.
 */
package org.grad4j.tensor;
