package org.grad4j.regress;

/** The line y = w x + b. */
public record Line(double b, double w) {

    /** w x + b. */
    public double at(double x) {
        return w * x + b;
    }
}
