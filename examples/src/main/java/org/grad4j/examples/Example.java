package org.grad4j.examples;

import java.io.IOException;

/** One experiment of the book, runnable from {@code grad4j example NAME} or its own {@code main}. */
public interface Example {

    /** The name used on the command line, e.g. {@code gradient-method}. */
    String name();

    /** One line saying what the example shows, and which book script it follows. */
    String description();

    /** Prints what the book prints and writes the example's pictures into the context's directory. */
    void run(ExampleContext ctx) throws IOException;
}
