package org.probono.clearinghouse.desk;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One desk command line run in the test's JVM: its exit code and what it printed. */
record DeskRun(int exitCode, String out, String err) {
    static DeskRun of(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Desk(
                        environment,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        () -> false)
                .run(args);
        return new DeskRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The first column of the table row that mentions {@code text}: the short id a person would type. */
    String idOfRowWith(String text) {
        return out.lines()
                .filter(line -> line.contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + text + " in:\n" + out))
                .strip()
                .split("\\s+")[0];
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
