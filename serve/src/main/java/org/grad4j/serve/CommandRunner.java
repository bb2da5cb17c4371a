package org.grad4j.serve;

import java.util.List;

/**
 * Runs one of the command line's commands in-process: the server's only way to the CLI, so that the
 * web API and {@code grad4j <command>} are one code path. The command line implements it (the server
 * does not depend on the command line).
 */
@FunctionalInterface
public interface CommandRunner {

    /** What a command printed and its exit code (0 ok, 2 bad input with one line on stderr, 1 internal). */
    record Result(int exitCode, String out, String err) {}

    /** Runs {@code grad4j <command> <args...>} and returns what it printed; never prints itself. */
    Result run(String command, List<String> args);
}
