package org.grad4j.autograd;

/** The rule for in-place modification: refused on a leaf that requires grad while recording. */
final class InPlace {

    private InPlace() {
    }

    static void check(String op, Tensor t) {
        if (t.isLeaf() && t.requiresGrad() && NoGrad.gradEnabled()) {
            throw new IllegalStateException(op + ": a leaf tensor of shape " + Shape.str(t.shape)
                    + " that requires grad cannot be modified in place while recording (use NoGrad)");
        }
    }
}
