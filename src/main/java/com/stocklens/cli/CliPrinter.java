package com.stocklens.cli;

import com.stocklens.support.Redactor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The one place that writes to the console: stdout for results, stderr for messages to a person. */
public final class CliPrinter {
    private final PrintStream out;
    private final PrintStream err;

    public CliPrinter(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Printer on the process's own streams, UTF-8 so Chinese names survive any platform default. */
    public static CliPrinter system() {
        return new CliPrinter(new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8));
    }

    /** A result (a table, JSON) on stdout; a remembered secret never appears in it. */
    public void result(String text) {
        out.println(Redactor.redactKnown(text));
        out.flush();
    }

    /** A message for a person on stderr; secrets, and anything shaped like one, cut out. */
    public void message(String text) {
        err.println(Redactor.redact(text));
        err.flush();
    }
}
