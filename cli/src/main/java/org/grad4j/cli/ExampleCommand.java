package org.grad4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.grad4j.examples.Example;
import org.grad4j.examples.ExampleContext;
import org.grad4j.examples.Examples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "example", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs one experiment of the book: prints what the book prints and writes its picture.", "",
            "Example: grad4j example gradient-method;  grad4j example --list"})
final class ExampleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The example (see --list).")
    String name;

    @Option(names = "--list", description = "List the examples.")
    boolean list;

    @Option(names = "--out", defaultValue = "grad4j-out", paramLabel = "DIR",
            description = "Directory for the pictures (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--format", defaultValue = "png", paramLabel = "png|svg", description = "Picture format (default png).")
    String format;

    @Override
    public Integer call() throws Exception {
        if (list || name == null) {
            for (Example e : Examples.all()) {
                spec.commandLine().getOut().printf("  %-26s %s%n", e.name(), e.description());
            }
            return list ? 0 : Cli.BAD_INPUT_IF_MISSING;
        }
        Example e = Examples.named(name);
        e.run(new ExampleContext(System.out, out, format));
        return 0;
    }
}
