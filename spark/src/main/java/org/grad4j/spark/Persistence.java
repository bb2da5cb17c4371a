package org.grad4j.spark;

import java.util.function.BiFunction;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;

/**
 * How the trained models are saved: Spark ML's metadata (class, uid, params) and grad4j's model
 * file {@code weights.npz} ({@link SavedWeights}) in one directory.
 */
final class Persistence {
    private Persistence() {}

    static final class Writer extends MLWriter {
        private final Params model;
        private final SavedWeights weights;

        Writer(Params model, SavedWeights weights) {
            this.model = model;
            this.weights = weights;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter.saveMetadata(model, path, sparkSession());
            weights.write(path, sc().hadoopConfiguration());
        }
    }

    /** Reads a model directory; {@code make} builds the model from its uid and weights. */
    static final class Reader<M extends Params> extends MLReader<M> {
        private final BiFunction<String, SavedWeights, M> make;

        Reader(BiFunction<String, SavedWeights, M> make) {
            this.make = make;
        }

        @Override
        public M load(String path) {
            DefaultParamsReader.Metadata meta = DefaultParamsReader.loadMetadata(path, sparkSession());
            M m = make.apply(meta.uid(), SavedWeights.read(path, sc().hadoopConfiguration()));
            meta.getAndSetParams(m, scala.Option.empty());
            return m;
        }
    }
}
