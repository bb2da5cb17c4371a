package org.grad4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.grad4j.io.ModelFile;
import org.grad4j.nn.Activation;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.serve.Limits;
import org.grad4j.serve.PageServer;

/** Starts the page's server for {@code grad4j serve} and waits for Ctrl-C. */
final class ServeLauncher {
    private ServeLauncher() {}

    static int serve(PrintWriter out, PrintWriter err, String host, int port, boolean open, Path model,
            Activation activation) throws Exception {
        FeedForwardNet net = model == null ? null : ModelFile.load(model, activation);
        if (!PageServer.loopback(host)) {
            err.println("grad4j: warning: serving on " + host + ": anyone who can reach this address on the network "
                    + "can use the page and its API");
            err.flush();
        }
        PageServer server;
        try {
            server = PageServer.start(host, port, new InProcessCommands(), Limits.defaults(), net,
                    model == null ? null : model.getFileName().toString());
        } catch (RuntimeException e) {
            throw new BadInputException("serve: cannot listen on " + host + ":" + port + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "grad4j-serve-stop"));
        out.println("grad4j serve: " + server.url() + "   (Ctrl-C stops)");
        out.flush();
        if (open) {
            try {
                new ProcessBuilder("xdg-open", server.url()).inheritIO().start();
            } catch (java.io.IOException e) {
                err.println("grad4j: could not open a browser (" + e.getMessage() + "); open " + server.url());
                err.flush();
            }
        }
        stopped.await();
        return 0;
    }
}
