package org.grad4j.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.grad4j.diff.Gradient;
import org.grad4j.diff.Method;
import org.grad4j.diff.Numerical;
import org.grad4j.expr.Expression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "grad", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Gradient of a function of several variables at a point.", "",
            "Variables are ordered x0, x1, ... by index, other names alphabetically (x, y, z).",
            "Example: grad4j grad 'x0^2 + x1^2' --at 3,4 --method book"})
final class GradCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPR", description = "The function, e.g. 'x0^2 + x1^2'.")
    String expr;

    @Option(names = "--at", required = true, paramLabel = "X0,X1,...", description = "The point, one value per variable.")
    String at;

    @Option(names = "--method", defaultValue = "richardson", paramLabel = "M",
            description = "book, forward, central, richardson (default) or exact.")
    String method;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "T",
            description = "Threads for numerical gradients of expensive functions (default 1).")
    int threads;

    @Option(names = "--json", description = "Print one JSON object and nothing else.")
    boolean json;

    @Override
    public Integer call() {
        Expression e = Functions.parse(expr);
        double[] x = Functions.point("--at", at, e);
        if (threads < 1) {
            throw new BadInputException("--threads: must be at least 1, got " + threads);
        }
        double[] g;
        double[] err;
        String methodId;
        List<String> warnings;
        boolean reliable;
        if (method.equals("exact")) {
            g = e.gradient(x);
            err = new double[g.length];
            methodId = "exact";
            double fx = e.value(x);
            reliable = Double.isFinite(fx);
            warnings = reliable ? List.of() : List.of("f(x) = " + Numbers.shortest(fx) + " at " + Output.vector(e.variables(), x)
                    + ": f is not differentiable there, the gradient cannot be trusted");
        } else {
            Method m = Method.parse(method);
            Gradient r = Numerical.gradient(e.function(), x, m, threads);
            g = r.gradient();
            err = r.error();
            methodId = m.id();
            warnings = r.warnings();
            reliable = r.reliable();
        }
        for (int i = 0; i < g.length; i++) {
            if (!Double.isFinite(g[i])) {
                warnings = Output.append(warnings, "the gradient is not finite in " + e.variables().get(i));
                reliable = false;
            }
        }
        if (json) {
            spec.commandLine().getOut().println(Json.object().put("x", x).put("gradient", g).put("error", err)
                    .put("method", methodId).put("warnings", warnings).put("reliable", reliable));
        } else {
            spec.commandLine().getOut().println("f        = " + e.text());
            spec.commandLine().getOut().println("at       = " + Output.vector(e.variables(), x));
            spec.commandLine().getOut().println("gradient = " + Output.vector(g));
            spec.commandLine().getOut().println("error    ≈ " + Output.vector(err) + "  (method: " + methodId + ")"
                    + (reliable ? "" : "  NOT RELIABLE"));
            Output.warnings(spec.commandLine().getOut(), warnings);
        }
        return 0;
    }

}
