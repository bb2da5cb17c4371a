package org.grad4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Shared command-line plumbing: exit codes and one-line error messages. */
final class Cli {
    static final int OK = 0;
    static final int INTERNAL = 1;
    static final int BAD_INPUT = 2;
    /** `grad4j example` with no name lists the examples and fails, so scripts notice. */
    static final int BAD_INPUT_IF_MISSING = 2;

    private Cli() {}

    static CommandLine commandLine(Object command) {
        CommandLine cl = new CommandLine(command);
        // an expression may begin with '-' ("diff '-x^2' --at 1"): an argument that is no known
        // option is a positional parameter; a mistyped option then fails as an unmatched argument
        cl.setUnmatchedOptionsArePositionalParams(true);
        // no @file argument expansion: an argument beginning with '@' is taken as it is
        cl.setExpandAtFiles(false);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof org.grad4j.expr.ExpressionException ee) {
                err.println("grad4j: " + ee.display());
                err.flush();
                return BAD_INPUT;
            }
            if (isBadInput(ex)) {
                err.println("grad4j: " + oneLine(ex.getMessage()));
                err.flush();
                return BAD_INPUT;
            }
            err.println("grad4j: internal error: " + ex);
            if (System.getenv("GRAD4J_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            err.flush();
            return INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            String unknown = unknownOption(ex.getCommandLine(), args);
            String message = unknown != null ? "Unknown option: '" + unknown + "'" : oneLine(ex.getMessage()).replace('\n', ' ');
            err.println("grad4j: " + message + " (try '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return BAD_INPUT;
        });
        return cl;
    }

    /**
     * The first argument before a bare {@code --} that is written as a long option ({@code --name} or
     * {@code --name=value}) but is none of the command's options, or null. Unmatched options are taken
     * as positional parameters (so that an expression may begin with '-'), so a mistyped option
     * before the expression would otherwise be reported as some later argument being unmatched.
     */
    static String unknownOption(CommandLine command, String[] args) {
        CommandLine.Model.CommandSpec spec = command.getCommandSpec();
        for (String a : args) {
            if (a.equals("--")) {
                return null;
            }
            if (a.length() > 2 && a.startsWith("--") && Character.isLetter(a.charAt(2))) {
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                if (spec.findOption(name) == null && spec.subcommands().get(a) == null) {
                    return a;
                }
            }
        }
        return null;
    }

    /** The one line printed for an {@link OutOfMemoryError}: what ran out and how large the heap is. */
    static String outOfMemory(OutOfMemoryError e) {
        return "grad4j: out of memory (" + e.getMessage() + "; the Java heap holds " + Heap.bytes(Heap.max())
                + "): ask for smaller sizes (--hidden, --batch, --iters, --steps, --grid) or raise -Xmx with GRAD4J_JAVA_OPTS";
    }

    /** Bad input is any IllegalArgumentException (and subclasses) or an I/O problem with a user's file. */
    static boolean isBadInput(Throwable ex) {
        return ex instanceof IllegalArgumentException
                || ex instanceof java.io.IOException
                || ex instanceof java.io.UncheckedIOException
                || ex instanceof BadInputException;
    }

    static String oneLine(String s) {
        if (s == null) {
            return "error";
        }
        // Keep a caret line (for expressions) but nothing else multi-line.
        return s.strip();
    }
}
