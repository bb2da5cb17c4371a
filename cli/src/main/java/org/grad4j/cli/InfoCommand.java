package org.grad4j.cli;

import java.util.concurrent.Callable;
import org.grad4j.data.Datasets;
import org.grad4j.tensor.Blas;
import org.grad4j.tensor.SparseProduct;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"What grad4j runs on: Java, the BLAS in use, threads, the data cache.",
            "Set GRAD4J_BLAS=java or native to choose the BLAS (default: native OpenBLAS/MKL/BLIS when",
            "installed, e.g. Debian's libopenblas0-pthread, else netlib's Java Vector API kernel)."})
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object and nothing else.")
    boolean json;

    @Override
    public Integer call() {
        String version = new Main.Version().getVersion()[0];
        String java = System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
        int cpus = Runtime.getRuntime().availableProcessors();
        String cache = Datasets.defaultCacheRoot().toString();
        if (json) {
            spec.commandLine().getOut().println(Json.object().put("version", version).put("java", java).put("blas", Blas.description())
                    .put("native_blas", Blas.isNative()).put("sparse_input", SparseProduct.available()).put("processors", cpus).put("cache", cache));
        } else {
            spec.commandLine().getOut().println(version);
            spec.commandLine().getOut().println("java        " + java);
            spec.commandLine().getOut().println("blas        " + Blas.description());
            spec.commandLine().getOut().println("sparse      " + (SparseProduct.available()
                    ? "available (Vector API kernels for inputs that are mostly zeros; train --input)"
                    : "unavailable: run with --add-modules jdk.incubator.vector"));
            spec.commandLine().getOut().println("processors  " + cpus);
            spec.commandLine().getOut().println("data cache  " + cache);
            if (!Blas.isNative()) {
                spec.commandLine().getOut().println("hint        apt-get install libopenblas0-pthread for native OpenBLAS (several times faster GEMM)");
            }
        }
        return 0;
    }
}
