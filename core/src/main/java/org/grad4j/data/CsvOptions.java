package org.grad4j.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How to read a CSV file as a {@link Table}: every column but the target is a numeric feature.
 *
 * @param header whether the first record names the columns
 * @param target the target column, by name or index
 * @param task classification (the target holds integer class labels {@code >= 0}) or regression
 *     (the target holds real numbers)
 * @param delimiter the cell separator, {@code ','} usually
 * @param charset the file's encoding; bytes that are not valid in it are an error naming the line
 */
public record CsvOptions(boolean header, Column target, Task task, char delimiter, Charset charset) {

    public CsvOptions {
        if (target == null || task == null || charset == null) {
            throw new IllegalArgumentException("CsvOptions: target, task and charset are required");
        }
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("Invalid CSV delimiter: '" + delimiter + "'");
        }
    }

    /** A comma-separated UTF-8 file with a header row. */
    public static CsvOptions of(Column target, Task task) {
        return new CsvOptions(true, target, task, ',', StandardCharsets.UTF_8);
    }

    /** The same options for a file without a header row. */
    public CsvOptions withoutHeader() {
        return new CsvOptions(false, target, task, delimiter, charset);
    }

    /** The same options with another delimiter. */
    public CsvOptions withDelimiter(char d) {
        return new CsvOptions(header, target, task, d, charset);
    }

    /** The same options with another encoding. */
    public CsvOptions withCharset(Charset c) {
        return new CsvOptions(header, target, task, delimiter, c);
    }
}
