package org.liosmis.kernel;

import java.util.List;

/**
 * What one step of a configfs scenario did: "ok" or the errno name it failed with, and what
 * was seen afterwards. One tab-separated line each in the results file a guest writes back.
 */
public record StepOutcome(String step, String outcome, String observed) {

    public static final String OK = "ok";

    public StepOutcome {
        if (step.contains("\t") || outcome.contains("\t") || observed.contains("\t")) {
            throw new IllegalArgumentException("a step outcome cannot contain a tab: " + step);
        }
    }

    public String toLine() {
        return step + "\t" + outcome + "\t" + observed.replace("\n", "\\n");
    }

    public static StepOutcome fromLine(String line) {
        String[] fields = line.split("\t", 3);
        if (fields.length != 3) {
            throw new IllegalArgumentException("not a step outcome line: " + line);
        }
        return new StepOutcome(fields[0], fields[1], fields[2].replace("\\n", "\n"));
    }

    public static List<StepOutcome> fromLines(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank()).map(StepOutcome::fromLine).toList();
    }
}
