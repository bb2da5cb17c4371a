package org.grad4j.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.grad4j.data.Dataset;
import org.grad4j.data.Datasets;

/** The data sets the page can train on, loaded once each (the last one kept). */
final class DatasetCache {
    private Dataset last;
    private String lastName;

    /** mnist-sample always; fashion-mnist and mnist when they are on this machine (nothing is downloaded). */
    static List<String> available() {
        List<String> names = new ArrayList<>(List.of(Datasets.SAMPLE));
        Path root = Datasets.defaultCacheRoot();
        if (Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")) || Datasets.hasIdxFiles(root.resolve("fashion-mnist"))) {
            names.add("fashion-mnist");
        }
        if (Datasets.hasIdxFiles(root.resolve("mnist"))) {
            names.add("mnist");
        }
        return names;
    }

    synchronized Dataset get(String name) throws IOException {
        if (last == null || !name.equals(lastName)) {
            last = null; // let the old one go before the new one loads
            last = Datasets.load(name);
            lastName = name;
        }
        return last;
    }
}
