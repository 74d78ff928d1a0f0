package org.probono.clearinghouse.desk;

/** Why a desk command stopped, in one sentence for the terminal, with the exit code scripts read. */
final class DeskFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final transient ExitCode exitCode;

    DeskFailure(ExitCode exitCode, String sentence) {
        super(sentence);
        this.exitCode = exitCode;
    }

    static DeskFailure usage(String sentence) {
        return new DeskFailure(ExitCode.USAGE, sentence);
    }
}
