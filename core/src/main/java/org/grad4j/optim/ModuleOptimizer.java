package org.grad4j.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grad4j.autograd.Tensor;
import org.grad4j.nn.module.Module;

/**
 * Any {@link Optimizer} applied to named parameters (a {@link Module}'s, or any map of leaf tensors):
 * {@link #step()} passes the parameters' and gradients' arrays to {@link Optimizer#step} in the fixed
 * order of {@link #names()}, so the optimizer's positional state {@code i} (velocities, moments) belongs
 * to parameter {@code names().get(i)} on every step, and can be saved and restored by name.
 * <pre>{@code
 * ModuleOptimizer opt = new ModuleOptimizer(new Adam(0.001), model);
 * opt.zeroGrad();
 * loss.forward(model.forward(x), t).backward();
 * opt.step();
 * }</pre>
 * A parameter that no backward has reached yet gets a zero gradient. After a step the parameters'
 * version counters are incremented (their values changed in place), so a graph built before the step
 * refuses backward. The optimizer's maths and options (weight decay among them) are its own.
 */
public final class ModuleOptimizer {

    private final Optimizer optimizer;
    private final List<String> names;
    private final Tensor[] params;
    private final double[][] paramArrays;
    private final double[][] gradArrays;

    /** For {@code module.namedParameters()}. */
    public ModuleOptimizer(Optimizer optimizer, Module module) {
        this(optimizer, module.namedParameters());
    }

    /**
     * For the given parameters, in the map's iteration order.
     *
     * @throws IllegalArgumentException when there are none or one is not a leaf that requires grad
     */
    public ModuleOptimizer(Optimizer optimizer, Map<String, Tensor> namedParameters) {
        if (namedParameters.isEmpty()) {
            throw new IllegalArgumentException("optimizer got an empty parameter list");
        }
        this.optimizer = optimizer;
        Map<String, Tensor> copy = new LinkedHashMap<>(namedParameters);
        this.names = List.copyOf(new ArrayList<>(copy.keySet()));
        this.params = copy.values().toArray(new Tensor[0]);
        this.paramArrays = new double[params.length][];
        this.gradArrays = new double[params.length][];
        for (int i = 0; i < params.length; i++) {
            if (!params[i].isLeaf() || !params[i].requiresGrad()) {
                throw new IllegalArgumentException("optimizer: parameter " + names.get(i) + " of shape "
                        + params[i].shapeString() + " is not a leaf that requires grad");
            }
            paramArrays[i] = params[i].data();
        }
    }

    /** The parameter names; position {@code i} of the optimizer's state is {@code names().get(i)}. */
    public List<String> names() {
        return names;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** One update of every parameter from its accumulated gradient (the gradients are not modified). */
    public void step() {
        for (int i = 0; i < params.length; i++) {
            Tensor g = params[i].grad();
            if (g == null) {
                if (gradArrays[i] == null || gradArrays[i].length != paramArrays[i].length) {
                    gradArrays[i] = new double[paramArrays[i].length];
                } else {
                    Arrays.fill(gradArrays[i], 0);
                }
            } else {
                gradArrays[i] = g.data();
            }
        }
        optimizer.step(paramArrays, gradArrays);
        for (Tensor p : params) {
            p.bumpVersion();
        }
    }

    /** Sets every parameter's gradient to zero. */
    public void zeroGrad() {
        for (Tensor p : params) {
            p.zeroGrad();
        }
    }
}
