package org.grad4j.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the driver does with a failed Spark job. */
final class Jobs {
    private Jobs() {}

    private static final Pattern BAD_ROW = Pattern.compile(Pattern.quote(BadRowException.PREFIX) + "[^\\n]*");

    /**
     * The one-line {@link BadRowException} inside {@code e} (as a cause, or in the text of Spark's
     * "Job aborted due to stage failure" message, which carries the executor's exception as text),
     * or {@code e} itself when there is none (wrapped when it is checked, as Spark's own exceptions are).
     */
    static RuntimeException unwrap(Exception e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof BadRowException b) {
                return new IllegalArgumentException(b.getMessage());
            }
            Matcher m = c.getMessage() == null ? null : BAD_ROW.matcher(c.getMessage());
            if (m != null && m.find()) {
                return new IllegalArgumentException(m.group());
            }
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
    }

    /** {@code 2}, {@code 0.5}, {@code NaN}: a number as a row's message shows it. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
