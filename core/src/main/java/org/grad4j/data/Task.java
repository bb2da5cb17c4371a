package org.grad4j.data;

import java.util.Locale;

/** What the targets of a data set are: class labels, or real values. */
public enum Task {
    /** Integer class labels {@code 0..classes-1}; a model scores each class (accuracy, confusion matrix). */
    CLASSIFICATION,
    /** One or more real-valued targets per example; a model predicts their values (MSE, MAE, R²). */
    REGRESSION;

    /** The lower-case name used on the command line and in JSON: {@code classification}, {@code regression}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code classification} or {@code regression}.
     *
     * @throws IllegalArgumentException naming the choices
     */
    public static Task parse(String s) {
        for (Task t : values()) {
            if (t.id().equals(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Invalid task: '" + s + "' (expected classification or regression)");
    }
}
