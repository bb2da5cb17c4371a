package org.grad4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.grad4j.serve.CommandRunner;
import picocli.CommandLine;

/**
 * The web API's way to the commands: a fresh picocli command line per call, printing into its own
 * writers, so that {@code POST /api/compare} and {@code grad4j compare ... --json} are one code path.
 */
final class InProcessCommands implements CommandRunner {
    private static final Map<String, Supplier<Object>> COMMANDS = Map.of("diff", DiffCommand::new,
            "grad", GradCommand::new, "descend", DescendCommand::new, "field", FieldCommand::new,
            "compare", CompareCommand::new, "lr-sweep", LrSweepCommand::new);

    @Override
    public Result run(String command, List<String> args) {
        Supplier<Object> c = COMMANDS.get(command);
        if (c == null) {
            return new Result(Cli.BAD_INPUT, "", "grad4j: unknown command '" + command + "'");
        }
        CommandLine cl = Cli.commandLine(c.get());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }
}
