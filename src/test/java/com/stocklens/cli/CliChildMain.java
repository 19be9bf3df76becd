package com.stocklens.cli;

import com.stocklens.support.ChildJvm;

/**
 * A child JVM running the command line as the jar does (without its {@code System.exit} before the
 * measurement): {@code stocklens ARGS…}, then {@code exit=N} and the process's peak resident memory on stderr
 * (see {@link ChildJvm}). An {@link Error} (OutOfMemoryError) is printed as {@code child-error=…}.
 */
public final class CliChildMain {
    private CliChildMain() {
    }

    public static void main(String[] args) {
        int code = -1;
        try {
            code = StockLensCommand.commandLine(new StockLensCommand()).execute(args);
        } catch (Throwable t) {
            System.err.println("child-error=" + t);
        } finally {
            System.err.println("exit=" + code);
            ChildJvm.printPeak();
        }
        System.exit(code);
    }
}
