package org.probono.clearinghouse.local.runner;

/** The local runner: built out in its own issue. */
public final class LocalRunner {
    private LocalRunner() {}

    public static void main(String[] args) {
        System.out.println("The local runner is not built yet.");
    }
}
