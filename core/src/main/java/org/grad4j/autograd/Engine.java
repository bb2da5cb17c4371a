package org.grad4j.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reverse-mode sweep: orders the nodes reachable from the output topologically (iterative
 * depth-first search with an explicit stack, so a chain of 100 000 operations does not overflow),
 * then visits them from the output back, adding each node's input gradients into the gradient
 * pending at the input's node, or ({@code +=}) into a leaf's {@link Tensor#grad()}.
 */
final class Engine {

    private Engine() {
    }

    static void backward(Tensor root, Tensor gradOutput, boolean retainGraph) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException("backward: tensor of shape " + Shape.str(root.shape)
                    + " does not require grad and has no gradFn");
        }
        Tensor g;
        if (gradOutput == null) {
            if (root.data.length != 1) {
                throw new IllegalArgumentException("backward: gradient can be implicitly created only for scalar"
                        + " outputs, got shape " + Shape.str(root.shape) + "; pass backward(gradOutput)");
            }
            g = Tensor.full(1.0, root.shape);
        } else {
            if (!java.util.Arrays.equals(gradOutput.shape, root.shape)) {
                throw new IllegalArgumentException("backward: gradOutput shape " + Shape.str(gradOutput.shape)
                        + " differs from output shape " + Shape.str(root.shape));
            }
            g = gradOutput;
        }
        try (NoGrad off = new NoGrad()) {
            if (root.gradFn == null) {
                accumulateLeaf(root, g);
                return;
            }
            List<Node> order = topological(root.gradFn);
            try {
                sweep(order, root.gradFn, g, retainGraph);
            } finally {
                for (Node node : order) {
                    node.visited = false;
                    node.pending = null;
                }
            }
        }
    }

    private static void sweep(List<Node> order, Node rootNode, Tensor g, boolean retainGraph) {
        {
            rootNode.pending = g;
            rootNode.pendingOwned = false;
            boolean anomaly = Anomaly.enabled();
            for (int n = order.size() - 1; n >= 0; n--) {
                Node node = order.get(n);
                Tensor pending = node.pending;
                node.pending = null;
                if (pending == null) {
                    continue;
                }
                node.checkNotFreed();
                Tensor[] grads = node.backward(pending);
                if (!retainGraph) {
                    node.release();
                }
                for (int i = 0; i < node.inputs.length; i++) {
                    Tensor in = node.inputs[i];
                    Tensor gi = i < grads.length ? grads[i] : null;
                    if (gi == null || !in.requiresGrad()) {
                        continue;
                    }
                    if (!java.util.Arrays.equals(gi.shape, in.shape)) {
                        throw new IllegalStateException("backward: " + node.op + " returned a gradient of shape "
                                + Shape.str(gi.shape) + " for input " + i + " of shape " + Shape.str(in.shape));
                    }
                    if (anomaly) {
                        Anomaly.check(node.op + " backward", gi, pending);
                    }
                    if (in.gradFn == null) {
                        accumulateLeaf(in, gi);
                    } else {
                        accumulate(in.gradFn, gi);
                    }
                }
            }
        }
    }

    private static void accumulateLeaf(Tensor leaf, Tensor g) {
        if (leaf.grad == null) {
            leaf.grad = new Tensor(g.data.clone(), leaf.shape.clone());
        } else {
            double[] a = leaf.grad.data;
            double[] b = g.data;
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
        }
    }

    private static void accumulate(Node node, Tensor g) {
        if (node.pending == null) {
            node.pending = g;
            node.pendingOwned = false;
            return;
        }
        if (!node.pendingOwned) {
            node.pending = new Tensor(node.pending.data.clone(), node.pending.shape);
            node.pendingOwned = true;
        }
        double[] a = node.pending.data;
        double[] b = g.data;
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
    }

    /** Post-order of the nodes reachable from {@code root} (root last). */
    private static List<Node> topological(Node root) {
        List<Node> order = new ArrayList<>();
        ArrayDeque<Node> nodes = new ArrayDeque<>();
        ArrayDeque<int[]> next = new ArrayDeque<>();
        root.visited = true;
        nodes.push(root);
        next.push(new int[1]);
        while (!nodes.isEmpty()) {
            Node node = nodes.peek();
            int[] i = next.peek();
            if (i[0] < node.inputs.length) {
                Node child = node.inputs[i[0]++].gradFn;
                if (child != null && !child.visited) {
                    child.visited = true;
                    nodes.push(child);
                    next.push(new int[1]);
                }
            } else {
                nodes.pop();
                next.pop();
                order.add(node);
            }
        }
        return order;
    }
}
