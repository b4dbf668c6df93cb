package org.liosmis.smis;

/** A method's parameters refused with one of its return values, and why (for the log). */
final class MethodRefusal extends Exception {

    private final int returnValue;

    MethodRefusal(int returnValue, String description) {
        super(description);
        this.returnValue = returnValue;
    }

    int returnValue() {
        return returnValue;
    }
}
