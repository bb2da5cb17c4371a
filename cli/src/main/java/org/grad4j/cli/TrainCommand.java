package org.grad4j.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.grad4j.data.Dataset;
import org.grad4j.data.Datasets;
import org.grad4j.data.Sampling;
import org.grad4j.examples.Pictures;
import org.grad4j.io.ModelFile;
import org.grad4j.io.Repr;
import org.grad4j.nn.Activation;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.optim.Optimizer;
import org.grad4j.tensor.Blas;
import org.grad4j.tensor.Preload;
import org.grad4j.train.Checkpoint;
import org.grad4j.train.GradientMode;
import org.grad4j.train.History;
import org.grad4j.train.InputMode;
import org.grad4j.train.TrainResult;
import org.grad4j.train.TrainSettings;
import org.grad4j.train.Trainer;
import org.grad4j.train.Warmup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a network by mini-batch SGD: the book's on handwritten digits, or yours on a CSV file.", "",
            "Defaults are the book's: TwoLayerNet 784-50-10, sigmoid, 10 000 iterations, batch 100, lr 0.1.",
            "Train and test accuracy are measured every epoch (train size / batch iterations).",
            "Example: grad4j train --dataset fashion-mnist --plot curves.png --report report.html"})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    static final int BOOK_ITERATIONS = 10_000;
    static final int NUMERICAL_ITERATIONS = 3;

    @Mixin
    DataOptions data;

    @Mixin
    ModelOptions model;

    @Mixin
    TableOptions table;

    @Option(names = "--iters", paramLabel = "N", description = "Iterations (default 10 000; 3 with --gradient numerical).")
    Integer iters;

    @Option(names = "--epochs", paramLabel = "E", description = "Train for E epochs instead of --iters.")
    Integer epochs;

    @Option(names = "--batch", defaultValue = "100", paramLabel = "B", description = "Mini-batch size (default 100).")
    int batch;

    @Option(names = "--lr", defaultValue = "0.1", paramLabel = "LR", description = "Learning rate (default 0.1).")
    String lr;

    @Mixin
    OptimizerOptions optim;

    @Option(names = "--sampling", defaultValue = "shuffle", paramLabel = "S",
            description = "shuffle (default: a fresh permutation each epoch), replacement (the book's "
                    + "np.random.choice) or sequential (file order).")
    String sampling;

    @Option(names = "--input", defaultValue = "auto", paramLabel = "MODE",
            description = "How batches are multiplied: sparse (only the nonzero pixels, straight from the stored "
                    + "bytes), dense (pixels expanded to doubles, BLAS), or auto (default: sparse when at most "
                    + "30 %% of the training pixels are nonzero, as in MNIST, and the run has at least 5000 "
                    + "iterations; dense for Fashion-MNIST). Same results to rounding.")
    String input;

    /** The input mode in use, once resolved. */
    private InputMode inputUsed;

    @Option(names = "--warmup", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "While the data loads, train a spare copy of the network on made-up data of the same "
                    + "shape, so that the JIT has compiled the training code when the timed loop starts. Off by "
                    + "default: it moves about half a second of compilation out of the loop, but loading takes "
                    + "that much longer, and the whole run about as long.")
    boolean warmup;

    /** Steps the warm-up took, or -1 without one. */
    private int warmupSteps = -1;

    @Option(names = "--gradient", defaultValue = "backprop", paramLabel = "G",
            description = "backprop (default) or numerical (the book's ch. 4 method: very slow).")
    String gradient;

    @Option(names = "--init", paramLabel = "FILE.npz", description = "Start from these weights (W1, b1, W2, b2, ...).")
    Path init;

    @Option(names = "--save", paramLabel = "FILE.npz", description = "Save the trained weights (NumPy .npz).")
    Path save;

    @Option(names = "--checkpoint", paramLabel = "FILE.npz", description = "Write checkpoints to this file.")
    Path checkpoint;

    @Option(names = "--checkpoint-every", defaultValue = "0", paramLabel = "N",
            description = "Iterations between checkpoints (default: once per epoch when --checkpoint is given).")
    int checkpointEvery;

    @Option(names = "--resume", description = "Continue from --checkpoint.")
    boolean resume;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed for initial weights and batches (default 1).")
    long seed;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "T", description = "Threads for the numerical gradient.")
    int threads;

    @Option(names = "--plot", paramLabel = "FILE", description = "Loss and accuracy curves (PNG or SVG).")
    Path plot;

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "One self-contained HTML page: settings, curves, confusion matrix, misclassified digits "
                    + "(a CSV regression: MSE, MAE and R² curves, predicted against actual values, residuals).")
    Path report;

    @Option(names = "--json", description = "Print one JSON object on stdout (progress goes to stderr).")
    boolean json;

    @Mixin
    SparkOptions spark;

    /** What the Spark run did ({@code --spark}), or null. */
    java.util.Map<String, Object> sparkDetails;

    @Override
    public Integer call() throws Exception {
        if (table.wanted(model)) {
            return new ModuleTraining(this).run();
        }
        // the kernels' one-time start-up (BLAS, Vector API classes) on the second core while the data loads
        Preload.inBackground(expectsDensePixels());
        new Outputs().add("--save", save).add("--checkpoint", checkpoint).add("--plot", plot).add("--report", report);
        if (plot != null) {
            Plots.checkFormat(plot);
        }
        if (report != null && !report.toString().endsWith(".html")) {
            throw new BadInputException("--report: expected a .html file, got '" + report + "'");
        }
        if (resume && checkpoint == null) {
            throw new BadInputException("--resume needs --checkpoint FILE.npz");
        }
        if (iters != null && epochs != null) {
            throw new BadInputException("give --iters or --epochs, not both");
        }
        if (batch < 1) {
            throw new BadInputException("--batch: must be at least 1, got " + batch);
        }
        Sampling samplingMode = Sampling.parse(sampling);
        GradientMode mode = GradientMode.parse(gradient);
        spark.check(resume, checkpoint != null, mode == GradientMode.NUMERICAL, input);
        Activation activation = model.activation();
        double rate = Numbers.parseFinite("--lr", lr);
        Optimizer optimizer = optim.create(rate);
        PrintStream log = json ? System.err : System.out;

        model.hiddenSizes(); // bad sizes fail before the data loads
        model.init();
        Datasets.Profile known = Datasets.profile(data.dataset).orElse(null);
        if (known != null && !resume && init == null) {
            // the sizes of a known data set: refuse what cannot fit before loading it
            checkMemory(null, known.features(), known.classes(),
                    iterations(Math.max(known.trainSize() / batch, 1), mode));
        }
        FeedForwardNet net = null;
        Checkpoint.State state = null;
        String modelName = model.model();
        if (resume) {
            state = Checkpoint.read(checkpoint, activation);
            net = state.net();
        } else if (init != null) {
            net = ModelFile.load(init, activation);
        }
        Dataset ds;
        Warmup warm = mode == GradientMode.BACKPROP && warmup && !spark.enabled()
                ? startWarmup(net, rate, samplingMode) : null;
        try {
            ds = data.load(log);
        } finally {
            if (warm != null) {
                warm.close();
            }
        }
        int perEpoch = Math.max(ds.train().size() / batch, 1);
        int iterations = iterations(perEpoch, mode);
        checkMemory(net, ds.features(), ds.classes(), iterations);
        if (net == null) {
            net = model.create(ds.features(), ds.classes(), new Random(seed));
        }
        checkShapes(net, ds, resume ? checkpoint : init);
        if (net.parameters().size() > 4 && modelName.equals("two-layer")) {
            modelName = "multi-layer";
        }
        if (checkpointEvery < 0) {
            throw new BadInputException("--checkpoint-every: must be at least 0, got " + checkpointEvery);
        }
        TrainSettings settings = new TrainSettings(iterations, batch, samplingMode, state != null ? state.seed() : seed,
                mode, threads, 0, optim.clipNorm(), checkpoint, checkpoint == null ? 0
                : checkpointEvery > 0 ? checkpointEvery : perEpoch);
        String description = ModelOptions.describe(modelName, net, activation);
        log.println("dataset  " + ds.name() + ": " + ds.train().size() + " train, " + ds.test().size() + " test ("
                + ds.source() + ")");
        log.println("model    " + description + ", " + optim.optimizer + " lr " + Repr.of(rate) + ", batch " + batch
                + ", " + iterations + " iterations (" + perEpoch + " per epoch), " + samplingMode.name().toLowerCase()
                + " sampling, " + mode.id() + " gradient");
        log.println("blas     " + Blas.description());
        if (warm != null) {
            warmupSteps = warm.steps();
            log.println("warm-up  " + warmupSteps + " steps on made-up data of the same shape while the data loaded "
                    + "(the JIT compiles the training code before the timed loop)");
        }
        TrainResult r;
        InputMode inputMode;
        if (spark.enabled()) {
            inputMode = InputMode.DENSE;
            inputUsed = inputMode;
            log.println(spark.describe());
            Progress progress = new Progress(log, !json && Progress.isTerminal(), iterations);
            var outcome = spark.train(bookArchitecture(net, activation, ds.features()), net.asModule(),
                    new org.grad4j.nn.loss.CrossEntropyLoss(), optim, rate, org.grad4j.data.SplitExamples.train(ds),
                    org.grad4j.data.SplitExamples.test(ds), settings, progress);
            r = outcome.result();
            sparkDetails = outcome.details();
            if (!json) {
                System.out.println("spark    " + sparkDetails.get("summary"));
            }
        } else {
            Trainer trainer = new Trainer(net, optimizer, ds, settings).schedule(optim.schedule());
            if (state != null) {
                trainer.resume(state);
            }
            try {
                inputMode = trainer.input(InputMode.parse(input)).inputMode();
                inputUsed = inputMode;
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--input: " + e.getMessage());
            }
            log.println("input    " + inputMode.label() + (inputMode == InputMode.SPARSE ? String.format(Locale.ROOT,
                    " (only the nonzero pixels, %.1f %% of the training set's, are multiplied)",
                    100 * ds.train().density()) : ""));
            if (state != null) {
                log.println("resuming from " + checkpoint + " at iteration " + state.iteration());
            }
            Progress progress = new Progress(log, !json && Progress.isTerminal(), iterations);
            r = trainer.run(progress);
        }

        if (save != null) {
            org.grad4j.io.ArchitectureFile.save(save, net, bookArchitecture(net, activation, ds.features()));
        }
        if (plot != null) {
            Plots.write(Pictures.trainingCurves(r.history(), ds.name() + ": " + description), plot);
        }
        if (report != null) {
            new TrainingReport(ds, net, r, description, settingsTable(ds, description, rate, iterations)).write(report);
        }
        String divergence = r.history().divergence();
        if (divergence != null) {
            System.err.println("grad4j: warning: " + divergence);
        }
        if (json) {
            spec.commandLine().getOut().println(json(ds, modelName, description, r, inputMode,
                    divergence == null ? java.util.List.of() : java.util.List.of(divergence)));
        } else {
            int done = r.iterations() - (state != null ? state.iteration() : 0);
            spec.commandLine().getOut().printf("done     %d iterations in %s (%.0f µs per iteration; evaluation %s)%n", done,
                    Progress.duration(r.seconds()), done == 0 ? 0 : 1e6 * r.seconds() / done, Progress.duration(r.evalSeconds()));
            spec.commandLine().getOut().printf("result   train acc %.4f, test acc %.4f, final loss %.4f%n", r.trainAccuracy(),
                    r.testAccuracy(), r.finalLoss());
            if (mode == GradientMode.NUMERICAL) {
                double per = r.seconds() / Math.max(done, 1);
                spec.commandLine().getOut().println("numerical gradient: " + Progress.duration(per) + " per iteration; the book's "
                        + BOOK_ITERATIONS + " iterations would take " + Progress.duration(per * BOOK_ITERATIONS)
                        + " (backprop does them in seconds)");
            }
            for (Path p : new Path[] {save, plot, report}) {
                if (p != null) {
                    spec.commandLine().getOut().println("wrote    " + p);
                }
            }
        }
        return 0;
    }

    /**
     * Starts training a spare copy of the network ({@code loaded} from --init or --resume, else a new
     * one) on made-up data shaped like the data set being loaded ({@link Datasets#profile}), so that
     * loading and JIT compilation overlap. Null for a directory (its shape is not known before
     * reading it).
     */
    private Warmup startWarmup(FeedForwardNet loaded, double rate, Sampling samplingMode) {
        Datasets.Profile p = Datasets.profile(data.dataset).orElse(null);
        if (p == null) {
            return null;
        }
        FeedForwardNet spare = loaded != null ? loaded.copy() : model.create(p.features(), p.classes(), new Random(seed));
        if (spare.inputSize() != p.features() || spare.outputSize() != p.classes()) {
            return null; // the shapes are reported once the data is loaded
        }
        int expected = epochs != null ? Math.max(epochs, 1) * Math.max(p.trainSize() / batch, 1)
                : iters != null ? iters : BOOK_ITERATIONS;
        TrainSettings s = new TrainSettings(Math.max(expected, 1), batch, samplingMode, seed, GradientMode.BACKPROP,
                1, 0, optim.clipNorm(), null, 0);
        InputMode in;
        try {
            in = InputMode.parse(input);
        } catch (IllegalArgumentException e) {
            return null; // reported later
        }
        return Warmup.start(spare, optim.create(rate), s, in, p.density());
    }

    /**
     * Whether the run will most likely expand its images into doubles (dense input), judged before
     * loading from {@code --input} and the data set's known share of nonzero pixels: sparse input
     * (MNIST) has no use for the pixel conversion the preload would otherwise get compiled. A wrong
     * guess costs only speed.
     */
    private boolean expectsDensePixels() {
        InputMode in;
        try {
            in = InputMode.parse(input);
        } catch (IllegalArgumentException e) {
            return true; // reported later
        }
        return switch (in) {
            case SPARSE -> false;
            case DENSE -> true;
            case AUTO -> data.dataset == null || Datasets.profile(data.dataset)
                    .map(p -> p.density() > FeedForwardNet.SPARSE_DENSITY).orElse(true);
        };
    }

    /** The book's network as an architecture: linear layers, the activation, cross-entropy, pixels / 255. */
    static org.grad4j.io.Architecture bookArchitecture(FeedForwardNet net, Activation a, int features) {
        int[] sizes = java.util.stream.IntStream.concat(java.util.stream.IntStream.of(net.inputSize()),
                net.parameters().stream().filter(p -> p.value().rank() == 2).mapToInt(p -> p.value().cols())).toArray();
        return org.grad4j.io.Architecture.feedForward(org.grad4j.data.Task.CLASSIFICATION, sizes,
                a.name().toLowerCase(Locale.ROOT), "cross-entropy", org.grad4j.data.Normalization.divide(features, 255));
    }

    /** The iterations asked for by --iters or --epochs (times the iterations per epoch), checked. */
    private int iterations(int perEpoch, GradientMode mode) {
        if (epochs != null) {
            if (epochs < 1) {
                throw new BadInputException("--epochs: must be at least 1, got " + epochs);
            }
            long n = (long) epochs * perEpoch;
            if (n > Integer.MAX_VALUE) {
                throw new BadInputException("--epochs " + epochs + ": " + epochs + " x " + perEpoch
                        + " iterations per epoch = " + n + " iterations, more than " + Integer.MAX_VALUE);
            }
            return (int) n;
        }
        int n = iters != null ? iters : mode == GradientMode.NUMERICAL ? NUMERICAL_ITERATIONS : BOOK_ITERATIONS;
        if (n < 1) {
            throw new BadInputException("--iters: must be at least 1, got " + n);
        }
        return n;
    }

    /**
     * Refuses, before anything is allocated, a network (unless {@code loaded}), a batch or a
     * loss history that cannot fit in the heap: parameters with their gradients and two optimizer
     * slots (4 doubles each), a batch's inputs with three activation-sized buffers per layer, one
     * double per iteration of history.
     */
    private void checkMemory(FeedForwardNet loaded, long features, long classes, int iterations) {
        long activations = 3 * classes;
        if (loaded == null) {
            int[] h = model.hiddenSizes();
            String flag = "--hidden " + model.hidden;
            long parameters = 0;
            long in = features;
            for (int i = 0; i <= h.length; i++) {
                long out = i < h.length ? h[i] : classes;
                long weights = Heap.times(flag, in, out);
                Heap.checkArray(flag + ": W" + (i + 1) + " (" + in + " x " + out + ")", weights);
                parameters = Heap.plus(flag, parameters, weights + out);
                if (i < h.length) {
                    activations += 3 * out;
                }
                in = out;
            }
            Heap.check(flag + ": the network (" + parameters + " parameters, with gradients and optimizer state)",
                    Heap.times(flag, parameters, 4 * Heap.DOUBLE));
        } else {
            activations = 0;
            for (var p : loaded.parameters()) {
                if (p.value().rank() == 2) {
                    activations += 3L * p.value().cols();
                }
            }
        }
        String batchFlag = "--batch " + batch;
        Heap.checkArray(batchFlag + ": a batch of " + batch + " x " + features + " inputs", Heap.times(batchFlag, batch, features));
        long perRow = features + activations;
        Heap.check(batchFlag + ": a batch (" + batch + " rows of " + features + " inputs and their activations)",
                Heap.times(batchFlag, Heap.times(batchFlag, batch, perRow), Heap.DOUBLE));
        String itersFlag = epochs != null ? "--epochs " + epochs : "--iters " + iterations;
        Heap.check(itersFlag + ": the loss history (" + iterations + " values)", (long) iterations * Heap.DOUBLE);
    }

    private static void checkShapes(FeedForwardNet net, Dataset ds, Path file) {
        int inputs = net.parameters().get(0).value().rows();
        int outputs = net.parameters().get(net.parameters().size() - 1).value().size();
        String where = file == null ? "the network" : file.toString();
        if (inputs != ds.features()) {
            throw new BadInputException(where + ": W1 takes " + inputs + " inputs, but " + ds.name() + " has "
                    + ds.features() + " pixels per image");
        }
        if (outputs != ds.classes()) {
            throw new BadInputException(where + ": the last layer has " + outputs + " outputs, but " + ds.name() + " has "
                    + ds.classes() + " classes");
        }
    }

    private String[][] settingsTable(Dataset ds, String description, double rate, int iterations) {
        return new String[][] {
            {"dataset", ds.name() + " (" + ds.train().size() + " train, " + ds.test().size() + " test)"},
            {"model", description},
            {"optimizer", optim.optimizer + ", lr " + Repr.of(rate) + (optim.schedule == null ? "" : ", schedule " + optim.schedule)},
            {"iterations", iterations + " of batch " + batch + ", " + sampling + " sampling, seed " + seed},
            {"gradient", gradient},
            {"BLAS", Blas.description()},
            {"input", inputUsed == null ? input : inputUsed.label()},
        };
    }

    private Json json(Dataset ds, String modelName, String description, TrainResult r, InputMode input,
                      java.util.List<String> warnings) {
        History h = r.history();
        Json hist = Json.object().put("iteration", h.iterationNumbers()).put("loss", h.loss())
                .put("epoch_iteration", h.evalIterations()).put("train_accuracy", h.trainAccuracy())
                .put("test_accuracy", h.testAccuracy());
        Json out = Json.object().put("dataset", ds.name()).put("model", modelName).put("architecture", description)
                .put("iterations", r.iterations()).put("seconds", r.seconds()).put("eval_seconds", r.evalSeconds())
                .put("warmup_steps", Math.max(warmupSteps, 0))
                .put("warnings", warnings)
                .put("train_accuracy", r.trainAccuracy()).put("test_accuracy", r.testAccuracy())
                .put("final_loss", r.finalLoss()).put("blas", Blas.description()).put("input", input.label()).put("history", hist);
        if (sparkDetails != null) {
            out.put("spark", SparkOptions.json(sparkDetails));
        }
        return out;
    }

}
