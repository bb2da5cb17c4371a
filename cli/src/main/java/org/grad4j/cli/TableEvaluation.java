package org.grad4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.grad4j.data.Column;
import org.grad4j.data.CsvOptions;
import org.grad4j.data.CsvTable;
import org.grad4j.data.Table;
import org.grad4j.data.Task;
import org.grad4j.io.Models;
import org.grad4j.io.SavedModel;
import org.grad4j.train.ConfusionMatrix;
import org.grad4j.train.Evaluation;
import org.grad4j.train.RegressionMetrics;
import org.grad4j.train.StepPlanner;

/**
 * {@code eval --model FILE.npz --data FILE.csv [--target NAME|INDEX]}: a saved model scored on every
 * row of a CSV table (a header row; every column but the target is a feature, in the order the
 * model was trained on). The model's recorded normalisation is applied to the features; the target
 * is {@code --target}, else the column the model records. A classifier prints its accuracy and
 * confusion matrix, a regression its MSE, MAE and R² ({@link RegressionMetrics}).
 */
final class TableEvaluation {

    private final Path modelFile;
    private final SavedModel model;
    private final Path data;
    private final String target;

    TableEvaluation(Path modelFile, SavedModel model, Path data, String target) {
        this.modelFile = modelFile;
        this.model = model;
        this.data = data;
        this.target = target;
    }

    /** Reads the table, scores the model on it and prints the result (one JSON object with {@code json}). */
    int run(PrintWriter out, boolean json) throws IOException {
        Column column;
        if (target != null) {
            column = Column.parse(target);
        } else if (model.architecture().target() != null) {
            column = Column.named(model.architecture().target());
        } else {
            throw new BadInputException(modelFile + " records no target column; give --target NAME|INDEX (the column of "
                    + data.getFileName() + " to score against)");
        }
        Task task = model.task();
        Table t = CsvTable.read(data, CsvOptions.of(column, task));
        String name = t.name();
        if (t.features() != model.inputs()) {
            throw new BadInputException(name + ":1: " + t.features() + " feature columns (" + String.join(", ",
                    t.featureNames()) + ") besides the target '" + t.targetNames().get(0) + "', but " + modelFile
                    + " takes " + model.inputs() + " inputs");
        }
        if (task == Task.CLASSIFICATION) {
            int[] labels = t.labels();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] >= model.outputs()) {
                    throw new BadInputException(name + ": data row " + (i + 1) + ": class label " + labels[i]
                            + " in column '" + t.targetNames().get(0) + "' is not one of the model's "
                            + model.outputs() + " classes 0.." + (model.outputs() - 1));
                }
            }
            t = t.withClasses(model.outputs());
        } else if (model.outputs() != 1) {
            throw new BadInputException(modelFile + " predicts " + model.outputs() + " values per row, but "
                    + name + " has one target column");
        }
        Table x = t.normalized(model.architecture().normalization());
        Evaluation ev = new Evaluation(StepPlanner.predictor(model.module(),
                Models.loss(model.architecture().loss()), x, false));
        String arch = ModuleTraining.describe(model.architecture());
        Json j = Json.object().put("model", modelFile.toString()).put("architecture", arch).put("data", data.toString())
                .put("rows", t.size()).put("task", task.id()).put("target", t.targetNames().get(0));
        if (!json) {
            out.println("model    " + modelFile + ": " + arch);
            out.println("data     " + name + ": " + t.size() + " rows, target '" + t.targetNames().get(0) + "' ("
                    + task.id() + (task == Task.CLASSIFICATION ? ", " + model.outputs() + " classes" : "")
                    + "; the model file's normalization: " + model.architecture().normalization().kind().id() + ")");
        }
        if (task == Task.CLASSIFICATION) {
            ConfusionMatrix cm = ev.confusion(x);
            if (json) {
                out.println(j.put("accuracy", cm.accuracy()).put("correct", cm.correct()).put("confusion", cm.counts()));
            } else {
                out.printf(Locale.ROOT, "result   accuracy %.4f (%d of %d rows)%n", cm.accuracy(), cm.correct(), cm.total());
                printConfusion(out, cm.counts());
            }
        } else {
            RegressionMetrics m = ev.regression(x);
            if (json) {
                out.println(j.put("mse", m.mse()).put("mae", m.mae()).put("r2", m.r2()));
            } else {
                out.printf(Locale.ROOT, "result   MSE %.6g, MAE %.6g, R² %.6g (%d rows)%n", m.mse(), m.mae(), m.r2(),
                        m.count());
            }
        }
        return 0;
    }

    /** {@code counts[true][predicted]} as a table, columns as wide as the largest count. */
    static void printConfusion(PrintWriter out, int[][] counts) {
        int w = Integer.toString(counts.length - 1).length();
        for (int[] row : counts) {
            for (int v : row) {
                w = Math.max(w, Integer.toString(v).length());
            }
        }
        out.println("confusion (rows: true class, columns: predicted)");
        StringBuilder head = new StringBuilder(" ".repeat(w + 2));
        for (int c = 0; c < counts.length; c++) {
            head.append(String.format(Locale.ROOT, " %" + w + "d", c));
        }
        out.println(head);
        for (int t = 0; t < counts.length; t++) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%" + w + "d |", t));
            for (int v : counts[t]) {
                sb.append(String.format(Locale.ROOT, " %" + w + "d", v));
            }
            out.println(sb);
        }
    }
}
