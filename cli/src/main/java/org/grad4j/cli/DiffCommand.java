package org.grad4j.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.grad4j.diff.Derivative;
import org.grad4j.diff.Method;
import org.grad4j.diff.Numerical;
import org.grad4j.expr.Expression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Derivative of a function of one variable at a point.", "",
            "Example: grad4j diff '0.01*x^2 + 0.1*x' --at 5 --method book"})
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPR", description = "The function, e.g. '0.01*x^2 + 0.1*x'.")
    String expr;

    @Option(names = "--at", required = true, paramLabel = "X", description = "The point.")
    String at;

    @Option(names = "--method", defaultValue = "richardson", paramLabel = "M",
            description = "book (central difference, h = 1e-4, as the book), forward, central, "
                    + "richardson (default: adaptive steps with an error estimate) or exact (reverse mode over the expression).")
    String method;

    @Option(names = "--json", description = "Print one JSON object and nothing else.")
    boolean json;

    @Override
    public Integer call() {
        Expression e = Functions.parse(expr, 1, true, "diff");
        double x = Numbers.parseFinite("--at", at);
        double derivative;
        double error;
        String methodId;
        List<String> warnings;
        boolean reliable;
        if (method.equals("exact")) {
            derivative = e.arity() == 0 ? 0.0 : e.gradient(x)[0];
            error = 0.0;
            methodId = "exact";
            double fx = e.arity() == 0 ? e.value() : e.value(x);
            reliable = Double.isFinite(fx);
            warnings = reliable ? List.of() : List.of("f(x) = " + Numbers.shortest(fx) + " at x = " + Numbers.shortest(x)
                    + ": f is not differentiable there, the derivative cannot be trusted");
        } else {
            Method m = Method.parse(method);
            Derivative d = Numerical.derivative(v -> e.arity() == 0 ? e.value() : e.value(v), x, m);
            derivative = d.derivative();
            error = d.error();
            methodId = m.id();
            warnings = d.warnings();
            reliable = d.reliable();
        }
        if (!Double.isFinite(derivative)) {
            warnings = Output.append(warnings, "the derivative is not finite at x = " + Numbers.shortest(x));
            reliable = false;
        }
        if (json) {
            spec.commandLine().getOut().println(Json.object().put("x", x).put("derivative", derivative).put("error", error)
                    .put("method", methodId).put("warnings", warnings).put("reliable", reliable));
        } else {
            String v = e.arity() == 1 ? e.variables().get(0) : "x";
            spec.commandLine().getOut().println("f(" + v + ")  = " + e.text());
            spec.commandLine().getOut().println(v + "     = " + Numbers.shortest(x));
            spec.commandLine().getOut().println("f'(" + v + ") = " + Numbers.shortest(derivative));
            spec.commandLine().getOut().println("error ≈ " + Numbers.shortest(error) + "  (method: " + methodId + ")"
                    + (reliable ? "" : "  NOT RELIABLE"));
            Output.warnings(spec.commandLine().getOut(), warnings);
        }
        return 0;
    }
}
