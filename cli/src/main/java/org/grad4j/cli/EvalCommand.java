package org.grad4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.grad4j.data.Dataset;
import org.grad4j.io.ModelFile;
import org.grad4j.nn.Activation;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.train.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Accuracy of saved weights (W1, b1, W2, b2, ... in a NumPy .npz) on a data set or a CSV file.", "",
            "On a CSV file a classifier prints its accuracy and confusion matrix, a regression its MSE, MAE and R².",
            "Example: grad4j eval --model model.npz --dataset fashion-mnist",
            "Example: grad4j eval --model model.npz --data test.csv --target price"})
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE.npz", description = "The weights.")
    Path model;

    @Mixin
    DataOptions data;

    @Option(names = "--data", paramLabel = "FILE.csv",
            description = "Score on every row of this CSV file (a header row) instead of an IDX data set.")
    Path csv;

    @Option(names = "--target", paramLabel = "NAME|INDEX",
            description = "The target column of --data (default: the column the model file records).")
    String target;

    @Option(names = "--activation", defaultValue = "sigmoid", paramLabel = "A",
            description = "The hidden activation the weights were trained with: sigmoid (default) or relu.")
    String activation;

    @Option(names = "--json", description = "Print one JSON object and nothing else.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (csv != null) {
            return new TableEvaluation(model, org.grad4j.io.SavedModel.load(model, ModelOptions.activation(activation)),
                    csv, target).run(spec.commandLine().getOut(), json);
        }
        if (target != null) {
            throw new BadInputException("--target needs --data FILE.csv");
        }
        if (org.grad4j.io.SavedModel.recordsArchitecture(model)) {
            return recorded();
        }
        Activation a = ModelOptions.activation(activation);
        FeedForwardNet net = ModelFile.load(model, a);
        Dataset ds = data.load(json ? System.err : System.out);
        int inputs = net.parameters().get(0).value().rows();
        if (inputs != ds.features()) {
            throw new BadInputException(model + ": W1 takes " + inputs + " inputs, but " + ds.name() + " has "
                    + ds.features() + " pixels per image");
        }
        int outputs = net.parameters().get(net.parameters().size() - 1).value().size();
        if (outputs != ds.classes()) {
            throw new BadInputException(model + ": the last layer has " + outputs + " outputs, but " + ds.name()
                    + " has " + ds.classes() + " classes");
        }
        Evaluation ev = new Evaluation(ds.features());
        double train = ev.accuracy(net, ds.train());
        double test = ev.accuracy(net, ds.test());
        String arch = ModelOptions.describe(net.parameters().size() == 4 ? "two-layer" : "multi-layer", net, a);
        if (json) {
            spec.commandLine().getOut().println(Json.object().put("model", model.toString()).put("architecture", arch)
                    .put("dataset", ds.name()).put("train_accuracy", train).put("test_accuracy", test));
        } else {
            spec.commandLine().getOut().println("model    " + model + ": " + arch);
            spec.commandLine().getOut().printf("result   train acc %.4f (%d images), test acc %.4f (%d images)%n", train, ds.train().size(),
                    test, ds.test().size());
        }
        return 0;
    }

    /** A model file with its architecture: rebuilt from it (no --activation needed). */
    private int recorded() throws Exception {
        org.grad4j.io.SavedModel m = org.grad4j.io.SavedModel.load(model, Activation.SIGMOID);
        Dataset ds = data.load(json ? System.err : System.out);
        if (m.inputs() != ds.features() || m.outputs() != ds.classes() || m.task() != org.grad4j.data.Task.CLASSIFICATION) {
            throw new BadInputException(model + ": the model maps " + m.inputs() + " inputs to " + m.outputs() + " "
                    + m.task().name().toLowerCase(java.util.Locale.ROOT) + " outputs, but " + ds.name() + " has "
                    + ds.features() + " pixels per image and " + ds.classes() + " classes");
        }
        var train = org.grad4j.data.SplitExamples.train(ds);
        var test = org.grad4j.data.SplitExamples.test(ds);
        Evaluation ev = new Evaluation(org.grad4j.train.StepPlanner.predictor(m.module(),
                org.grad4j.io.Models.loss(m.architecture().loss()), train, false));
        double trainAcc = ev.accuracy(train);
        double testAcc = ev.accuracy(test);
        String arch = ModuleTraining.describe(m.architecture());
        if (json) {
            spec.commandLine().getOut().println(Json.object().put("model", model.toString()).put("architecture", arch)
                    .put("dataset", ds.name()).put("train_accuracy", trainAcc).put("test_accuracy", testAcc));
        } else {
            spec.commandLine().getOut().println("model    " + model + ": " + arch);
            spec.commandLine().getOut().printf("result   train acc %.4f (%d images), test acc %.4f (%d images)%n", trainAcc,
                    ds.train().size(), testAcc, ds.test().size());
        }
        return 0;
    }
}
