package org.grad4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.grad4j.data.Column;
import org.grad4j.data.Task;
import org.grad4j.io.Repr;
import org.grad4j.io.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predictions of a saved model for rows of a CSV file or one row of values.", "",
            "A model file written by train records its architecture and input normalisation, which are applied.",
            "Example: grad4j predict --model model.npz --values 0.5,1.2,-0.3,2,0.1 --json"})
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE.npz", description = "The model file.")
    Path model;

    @Option(names = "--data", paramLabel = "FILE.csv", description = "Rows of features (a header row).")
    Path data;

    @Option(names = "--target", paramLabel = "NAME|INDEX", description = "A column of --data to leave out (the target).")
    String target;

    @Option(names = "--values", paramLabel = "X1,X2,...", description = "One row of features.")
    String values;

    @Option(names = "--activation", defaultValue = "sigmoid", paramLabel = "A",
            description = "For files without a recorded architecture: the hidden activation (sigmoid or relu).")
    String activation;

    @Option(names = "--json", description = "Print {\"predictions\": [...]} (and \"probabilities\" for classifiers).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if ((data == null) == (values == null)) {
            throw new BadInputException("give --data FILE.csv or --values X1,X2,... (one of them)");
        }
        SavedModel m = SavedModel.load(model, ModelOptions.activation(activation));
        double[] rows;
        int count;
        if (values != null) {
            String[] parts = values.split(",", -1);
            rows = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                rows[i] = Numbers.parseFinite("--values: value " + (i + 1), parts[i].strip());
            }
            count = 1;
            if (parts.length != m.inputs()) {
                throw new BadInputException("--values: " + parts.length + " values, the model takes " + m.inputs()
                        + " features");
            }
        } else {
            List<double[]> read = readCsv(data, m.inputs());
            count = read.size();
            if (count == 0) {
                throw new BadInputException(data + ": no rows");
            }
            rows = new double[count * m.inputs()];
            for (int r = 0; r < count; r++) {
                System.arraycopy(read.get(r), 0, rows, r * m.inputs(), m.inputs());
            }
        }
        double[] out = m.outputs(rows, count);
        PrintWriter o = spec.commandLine().getOut();
        boolean classifier = m.task() == Task.CLASSIFICATION;
        int w = out.length / count;
        if (classifier) {
            int[] c = m.classes(out, count);
            double[][] p = m.probabilities(out, count);
            if (json) {
                o.println(Json.object().put("predictions", c).put("probabilities", p));
            } else {
                for (int r = 0; r < count; r++) {
                    StringBuilder sb = new StringBuilder("class ").append(c[r]).append("  probabilities");
                    for (double v : p[r]) {
                        sb.append(String.format(Locale.ROOT, " %.4f", v));
                    }
                    o.println(sb);
                }
            }
        } else if (json) {
            if (w == 1) {
                o.println(Json.object().put("predictions", out));
            } else {
                double[][] v = new double[count][w];
                for (int r = 0; r < count; r++) {
                    System.arraycopy(out, r * w, v[r], 0, w);
                }
                o.println(Json.object().put("predictions", v));
            }
        } else {
            for (int r = 0; r < count; r++) {
                StringBuilder sb = new StringBuilder();
                for (int j = 0; j < w; j++) {
                    sb.append(j == 0 ? "" : " ").append(Repr.of(out[r * w + j]));
                }
                o.println(sb);
            }
        }
        return 0;
    }

    /** The feature rows of a CSV with a header, leaving out --target; a bad cell names its line and column. */
    private List<double[]> readCsv(Path file, int inputs) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                        .get().parse(r)) {
            List<String> header = p.getHeaderNames();
            int skip = target == null ? -1 : Column.parse(target).resolve(file.toString(), header, header.size());
            int width = header.size() - (skip >= 0 ? 1 : 0);
            if (width != inputs) {
                throw new BadInputException(file + ": " + width + " feature columns (" + String.join(", ", header)
                        + (skip >= 0 ? " without " + header.get(skip) : "") + "), the model takes " + inputs
                        + (skip < 0 && width == inputs + 1 ? " (leave the target out with --target NAME)" : ""));
            }
            for (CSVRecord rec : p) {
                if (rec.size() != header.size()) {
                    throw new BadInputException(file + ":" + p.getCurrentLineNumber() + ": " + rec.size()
                            + " cells, the header has " + header.size());
                }
                double[] x = new double[inputs];
                int j = 0;
                for (int col = 0; col < rec.size(); col++) {
                    if (col == skip) {
                        continue;
                    }
                    String cell = rec.get(col);
                    try {
                        x[j++] = Double.parseDouble(cell);
                    } catch (NumberFormatException e) {
                        throw new BadInputException(file + ":" + p.getCurrentLineNumber() + ": column " + (col + 1)
                                + " ('" + header.get(col) + "'): '" + cell + "' is not a number");
                    }
                }
                rows.add(x);
            }
        }
        return rows;
    }
}
