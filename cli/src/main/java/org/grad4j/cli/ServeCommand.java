package org.grad4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        header = "An interactive page: descent playground, derivative lab, live training, draw a digit.",
        description = {"An interactive page on this machine: descent playground, derivative lab, live",
            "training, draw a digit. Its JSON API runs these very commands (POST /api/compare ...).", "",
            "Binds 127.0.0.1 unless --host says otherwise; stops on Ctrl-C.",
            "Example: grad4j serve --port 8080 --open"})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "P", description = "Port (default ${DEFAULT-VALUE}; 0 for any free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "H",
            description = "Address to bind (default ${DEFAULT-VALUE}: this machine only).")
    String host;

    @Option(names = "--open", description = "Open the page in the default browser.")
    boolean open;

    @Option(names = "--model", paramLabel = "FILE.npz", description = "A trained model for the digit drawing (as train --save writes).")
    Path model;

    @Option(names = "--activation", defaultValue = "sigmoid", paramLabel = "A", description = "The --model's activation: sigmoid (default) or relu.")
    String activation;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new BadInputException("--port: expected 0..65535, got " + port);
        }
        // the server's classes (Javalin, Jetty) load only here, not for the other commands
        return ServeLauncher.serve(spec.commandLine().getOut(), spec.commandLine().getErr(), host, port, open, model,
                ModelOptions.activation(activation));
    }
}
