package org.grad4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code grad4j} command. Each subcommand parses its arguments and calls the library;
 * exit codes are 0 on success, 2 on bad input (one line on stderr), 1 on internal failure.
 */
@Command(name = "grad4j",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Gradient-based learning for the JVM, from first principles and fast.",
        subcommands = {DiffCommand.class, GradCommand.class, DescendCommand.class, FieldCommand.class,
            CompareCommand.class, LrSweepCommand.class, RegressCommand.class, ExampleCommand.class, TrainCommand.class,
            EvalCommand.class, PredictCommand.class, GradcheckCommand.class, InfoCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns the exit code (for tests). An {@link OutOfMemoryError} that
     * the size checks did not foresee ends the command with one line and exit code 2, never a trace.
     */
    public static int run(String... args) {
        CommandLine cl = Cli.commandLine(new Main());
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            cl.getErr().println(Cli.outOfMemory(e));
            cl.getErr().flush();
            return Cli.BAD_INPUT;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"grad4j " + (v == null ? "dev" : v),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
