package org.grad4j.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.grad4j.data.Column;
import org.grad4j.data.CsvOptions;
import org.grad4j.data.Dataset;
import org.grad4j.data.Examples;
import org.grad4j.data.Normalization;
import org.grad4j.data.Sampling;
import org.grad4j.data.SplitExamples;
import org.grad4j.data.TableDataset;
import org.grad4j.data.Task;
import org.grad4j.examples.Pictures;
import org.grad4j.io.Architecture;
import org.grad4j.io.ArchitectureFile;
import org.grad4j.io.LayerSpec;
import org.grad4j.io.ModelFile;
import org.grad4j.io.Models;
import org.grad4j.io.Repr;
import org.grad4j.nn.loss.Loss;
import org.grad4j.nn.module.Sequential;
import org.grad4j.optim.Optimizer;
import org.grad4j.tensor.Blas;
import org.grad4j.train.Checkpoint;
import org.grad4j.train.Evaluation;
import org.grad4j.train.GradientMode;
import org.grad4j.train.History;
import org.grad4j.train.Plan;
import org.grad4j.train.TrainListener;
import org.grad4j.train.TrainResult;
import org.grad4j.train.TrainSettings;
import org.grad4j.train.Trainer;

/**
 * {@code train} for a general model: a CSV table ({@code --data}) or an IDX data set, a
 * {@link Sequential} built from the flags (hidden sizes, activation, batch norm, dropout, or one
 * linear layer for {@code --model logistic}), a loss, and the optimizer flags train has; the model
 * file records the {@link Architecture}, so {@code eval} and {@code predict} rebuild it.
 */
final class ModuleTraining {

    /** PyTorch's {@code BatchNorm1d} defaults. */
    static final double BN_EPS = 1e-5;
    static final double BN_MOMENTUM = 0.1;

    private final TrainCommand c;

    ModuleTraining(TrainCommand c) {
        this.c = c;
    }

    /** The data of a run; {@code features} names the feature columns (null for the IDX sets). */
    private record Data(String name, String source, Examples train, Examples test, Normalization normalization,
                        List<String> features, String target) {}

    private Task task() {
        if (c.table.task == null) {
            return "mse".equals(c.table.loss) ? Task.REGRESSION : Task.CLASSIFICATION;
        }
        return switch (c.table.task) {
            case "classification" -> Task.CLASSIFICATION;
            case "regression" -> Task.REGRESSION;
            default -> throw new BadInputException("--task: unknown task '" + c.table.task
                    + "' (expected classification, regression)");
        };
    }

    private Data load(Task task, PrintStream log) throws IOException {
        TableOptions t = c.table;
        if (t.data == null) {
            if (t.target != null || t.testData != null || t.testFraction != null || t.standardize) {
                throw new BadInputException("--target, --test-data, --test-fraction and --standardize need --data FILE.csv");
            }
            if (task != Task.CLASSIFICATION) {
                throw new BadInputException("--task regression needs --data FILE.csv (the IDX sets are classification)");
            }
            Dataset ds = c.data.load(log);
            return new Data(ds.name(), ds.source(), SplitExamples.train(ds), SplitExamples.test(ds),
                    Normalization.divide(ds.features(), 255), null, null);
        }
        if (t.target == null) {
            throw new BadInputException("--data needs --target NAME|INDEX (the column to predict)");
        }
        if (t.testData != null && t.testFraction != null) {
            throw new BadInputException("give --test-data or --test-fraction, not both");
        }
        double fraction = t.testFraction == null ? 0.2 : t.testFraction;
        if (!(fraction >= 0 && fraction < 1)) {
            throw new BadInputException("--test-fraction: expected a value in [0, 1), got " + Repr.of(fraction));
        }
        CsvOptions o = CsvOptions.of(Column.parse(t.target), task);
        TableDataset ds = TableDataset.readCsv(t.data, t.testData, fraction, c.seed, o)
                .normalized(t.standardize ? Normalization.Kind.STANDARDIZE : Normalization.Kind.NONE);
        if (ds.test().size() == 0) {
            throw new BadInputException(t.data + ": the test split is empty (" + ds.train().size()
                    + " rows, --test-fraction " + Repr.of(fraction) + ")");
        }
        return new Data(t.data.getFileName().toString(), t.data.toString(), ds.train(), ds.test(), ds.normalization(),
                ds.train().featureNames(), ds.train().targetNames().get(0));
    }

    private String lossName(Task task) {
        String l = c.table.loss != null ? c.table.loss : task == Task.REGRESSION ? "mse" : "cross-entropy";
        if (!Architecture.LOSSES.contains(l)) {
            throw new BadInputException("--loss: unknown loss '" + l + "' (expected cross-entropy, mse, bce)");
        }
        if (task == Task.REGRESSION && !l.equals("mse")) {
            throw new BadInputException("--loss " + l + " needs --task classification (regression takes mse)");
        }
        return l;
    }

    /** The layers the flags describe, named as {@link Sequential#book} names them. */
    Architecture architecture(Task task, int inputs, int outputs, String loss, Normalization normalization) {
        String act = c.model.activation;
        if (!Architecture.ACTIVATIONS.contains(act)) {
            throw new BadInputException("--activation: unknown activation '" + act + "' (expected sigmoid, relu, tanh)");
        }
        int[] hidden = switch (c.model.model()) {
            case "logistic" -> new int[0];
            case "two-layer", "multi-layer" -> c.model.hiddenSizes();
            default -> throw new BadInputException("--model: unknown model '" + c.model.model
                    + "' (expected two-layer, multi-layer, logistic)");
        };
        if (c.table.dropout != null && !(c.table.dropout >= 0 && c.table.dropout < 1)) {
            throw new BadInputException("--dropout: expected a probability in [0, 1), got " + Repr.of(c.table.dropout));
        }
        List<LayerSpec> layers = new ArrayList<>();
        int prev = inputs;
        for (int k = 1; k <= hidden.length; k++) {
            layers.add(LayerSpec.linear(prev, hidden[k - 1], "W" + k, "b" + k));
            if (c.table.batchnorm) {
                layers.add(LayerSpec.batchnorm(hidden[k - 1], BN_EPS, BN_MOMENTUM, Integer.toString(k)));
            }
            layers.add(LayerSpec.activation(act));
            if (c.table.dropout != null) {
                layers.add(LayerSpec.dropout(c.table.dropout));
            }
            prev = hidden[k - 1];
        }
        int k = hidden.length + 1;
        layers.add(LayerSpec.linear(prev, outputs, "W" + k, "b" + k));
        return new Architecture(task, layers, hidden.length == 0 ? "none" : act, loss, normalization);
    }

    static String describe(Architecture a) {
        StringBuilder sb = new StringBuilder();
        for (LayerSpec l : a.layers()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(switch (l.type()) {
                case "linear" -> "Linear(" + l.size("in") + "," + l.size("out") + ")";
                case "dropout" -> "Dropout(" + Repr.of(l.number("p")) + ")";
                case "batchnorm" -> "BatchNorm(" + l.size("features") + ")";
                default -> l.type().substring(0, 1).toUpperCase(Locale.ROOT) + l.type().substring(1);
            });
        }
        return sb.append(" + ").append(a.loss()).toString();
    }

    int run() throws Exception {
        PrintStream log = c.json ? System.err : System.out;
        java.io.PrintWriter stdout = c.spec.commandLine().getOut();
        if (c.spark.enabled() && (c.table.dropout != null || c.table.batchnorm)) {
            throw new BadInputException("--spark: every partition must compute the same function of the weights; "
                    + "it does not take --dropout or --batchnorm");
        }
        new Outputs().add("--save", c.save).add("--checkpoint", c.checkpoint).add("--plot", c.plot)
                .add("--report", c.report);
        if (c.plot != null) {
            Plots.checkFormat(c.plot);
        }
        if (c.report != null && !c.report.toString().endsWith(".html")) {
            throw new BadInputException("--report: expected a .html file, got '" + c.report + "'");
        }
        if (c.resume && c.checkpoint == null) {
            throw new BadInputException("--resume needs --checkpoint FILE.npz");
        }
        if (c.iters != null && c.epochs != null) {
            throw new BadInputException("give --iters or --epochs, not both");
        }
        if (c.batch < 1) {
            throw new BadInputException("--batch: must be at least 1, got " + c.batch);
        }
        Task task = task();
        String lossName = lossName(task);
        Sampling sampling = Sampling.parse(c.sampling);
        GradientMode mode = GradientMode.parse(c.gradient);
        c.spark.check(c.resume, c.checkpoint != null, mode == GradientMode.NUMERICAL, c.input);
        double rate = Numbers.parseFinite("--lr", c.lr);
        Optimizer optimizer = c.optim.create(rate);
        Data d = load(task, log);
        int outputs = task == Task.REGRESSION ? d.train.targetWidth() : d.train.classes();
        Architecture arch = architecture(task, d.train.features(), outputs, lossName, d.normalization).withTarget(d.target);
        Sequential net = Models.build(arch, c.model.init(), new Random(c.seed));
        if (c.init != null && !c.resume) {
            Models.loadInto(net, org.grad4j.io.Npz.read(c.init), c.init.toString());
        }
        Loss loss = Models.loss(lossName);
        int perEpoch = Math.max(d.train.size() / c.batch, 1);
        int iterations = c.epochs != null ? c.epochs * perEpoch : c.iters != null ? c.iters
                : mode == GradientMode.NUMERICAL ? TrainCommand.NUMERICAL_ITERATIONS : TrainCommand.BOOK_ITERATIONS;
        if (iterations < 1) {
            throw new BadInputException("--iters: must be at least 1, got " + iterations);
        }
        Checkpoint.State state = c.resume ? Checkpoint.readInto(c.checkpoint, net) : null;
        TrainSettings settings = new TrainSettings(iterations, c.batch, sampling, state != null ? state.seed() : c.seed,
                mode, c.threads, 0, c.optim.clipNorm(), c.checkpoint, c.checkpoint == null ? 0
                : c.checkpointEvery > 0 ? c.checkpointEvery : perEpoch);
        String description = describe(arch);
        log.println("dataset  " + d.name + ": " + d.train.size() + " train, " + d.test.size() + " test ("
                + task.name().toLowerCase(Locale.ROOT) + ", " + d.train.features() + " features"
                + (task == Task.CLASSIFICATION ? ", " + d.train.classes() + " classes" : "") + ", "
                + d.normalization.kind().id() + " normalization; " + d.source + ")");
        log.println("model    " + description + ", " + c.optim.optimizer + " lr " + Repr.of(rate) + ", batch " + c.batch
                + ", " + iterations + " iterations (" + perEpoch + " per epoch), "
                + sampling.name().toLowerCase(Locale.ROOT) + " sampling, " + mode.id() + " gradient");
        Trainer trainer = new Trainer(net, loss, optimizer, d.train, d.test, settings).schedule(c.optim.schedule());
        if (state != null) {
            trainer.resume(state);
            log.println("resuming from " + c.checkpoint + " at iteration " + state.iteration());
        }
        String step;
        if (c.spark.enabled()) {
            step = c.spark.describe();
            log.println(step);
        } else {
            Plan plan = trainer.plan();
            step = plan.description();
            String refused = org.grad4j.train.StepPlanner.refusal(net, loss, optimizer, d.train, mode,
                    c.optim.clipNorm());
            log.println("step     " + plan.description() + (refused == null ? "" : " (not the fused SGD step: " + refused
                    + ")"));
        }
        Progress progress = new Progress(log, !c.json && Progress.isTerminal(), iterations);
        boolean regression = task == Task.REGRESSION;
        TrainListener listener = new TrainListener() {
            @Override
            public void iteration(int iteration, int total, double l) {
                progress.iteration(iteration, total, l);
            }

            @Override
            public void evaluated(int iteration, int epoch, double train, double test) {
                if (regression) {
                    log.printf(Locale.ROOT, "epoch %d (iteration %d): train R² %.4f, test R² %.4f%n", epoch, iteration,
                            train, test);
                } else {
                    progress.evaluated(iteration, epoch, train, test);
                }
            }

            @Override
            public void checkpointed(int iteration, Path file) {
                progress.checkpointed(iteration, file);
            }
        };
        TrainResult r;
        if (c.spark.enabled()) {
            var outcome = c.spark.train(arch, net, loss, c.optim, rate, d.train, d.test, settings, listener);
            r = outcome.result();
            c.sparkDetails = outcome.details();
            if (!c.json) {
                stdout.println("spark    " + c.sparkDetails.get("summary"));
            }
        } else {
            r = trainer.run(listener);
        }
        if (c.save != null) {
            ArchitectureFile.save(c.save, ModelFile.arrays(net), arch);
        }
        if (c.plot != null) {
            Plots.write(Pictures.trainingCurves(r.history(), d.name + ": " + description), c.plot);
        }
        if (c.report != null) {
            Evaluation eval = new Evaluation(org.grad4j.train.StepPlanner.predictor(net, loss, d.train, false));
            String[][] rows = {
                {"dataset", d.name + " (" + d.train.size() + " train, " + d.test.size() + " test; " + d.source + ")"},
                {"target", c.table.target == null ? "the IDX labels" : c.table.target},
                {"model", description},
                {"optimizer", c.optim.optimizer + ", lr " + Repr.of(rate)
                        + (c.optim.schedule == null ? "" : ", schedule " + c.optim.schedule)},
                {"iterations", iterations + " of batch " + c.batch + ", " + c.sampling + " sampling, seed " + c.seed},
                {"step", step},
                {"BLAS", Blas.description()},
            };
            new ModuleReport(d.name, arch, d.features, d.test, eval, r, description, rows).write(c.report);
        }
        if (c.json) {
            stdout.println(json(d, description, r));
        } else {
            int done = r.iterations() - (state != null ? state.iteration() : 0);
            stdout.printf(Locale.ROOT, "done     %d iterations in %s (%.0f µs per iteration; evaluation %s)%n", done,
                    Progress.duration(r.seconds()), done == 0 ? 0 : 1e6 * r.seconds() / done,
                    Progress.duration(r.evalSeconds()));
            if (regression) {
                stdout.printf(Locale.ROOT, "result   train R² %.4f, test R² %.4f, test MSE %.6g, test MAE %.6g, final loss %.6g%n",
                        r.trainAccuracy(), r.testAccuracy(), r.testRegression().mse(), r.testRegression().mae(),
                        r.finalLoss());
            } else {
                stdout.printf(Locale.ROOT, "result   train acc %.4f, test acc %.4f, final loss %.4f%n", r.trainAccuracy(),
                        r.testAccuracy(), r.finalLoss());
            }
            for (Path p : new Path[] {c.save, c.plot, c.report}) {
                if (p != null) {
                    stdout.println("wrote    " + p);
                }
            }
        }
        return 0;
    }

    private Json json(Data d, String description, TrainResult r) {
        History h = r.history();
        boolean regression = r.task() == Task.REGRESSION;
        Json hist = Json.object().put("iteration", h.iterationNumbers()).put("loss", h.loss())
                .put("epoch_iteration", h.evalIterations());
        for (History.Metric m : h.metrics()) {
            hist.put(m.key(), h.values(m));
        }
        Json j = Json.object().put("dataset", d.name).put("model", c.model.model()).put("architecture", description)
                .put("task", r.task().name().toLowerCase(Locale.ROOT))
                .put("iterations", r.iterations()).put("seconds", r.seconds()).put("eval_seconds", r.evalSeconds())
                .put("warmup_steps", 0);
        if (regression) {
            int last = h.evaluations() - 1;
            j.putNull("train_accuracy").putNull("test_accuracy").put("train_r2", r.trainAccuracy())
                    .put("test_mse", r.testRegression().mse()).put("test_mae", r.testRegression().mae())
                    .put("test_r2", r.testRegression().r2())
                    .put("train_mse", h.values(History.Metric.TRAIN_MSE)[last])
                    .put("train_mae", h.values(History.Metric.TRAIN_MAE)[last]);
        } else {
            j.put("train_accuracy", r.trainAccuracy()).put("test_accuracy", r.testAccuracy());
        }
        j.put("final_loss", r.finalLoss()).put("blas", Blas.description()).put("input", "dense").put("history", hist);
        if (c.sparkDetails != null) {
            j.put("spark", SparkOptions.json(c.sparkDetails));
        }
        return j;
    }
}
