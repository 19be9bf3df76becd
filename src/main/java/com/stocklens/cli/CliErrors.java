package com.stocklens.cli;

import com.stocklens.app.Logs;
import com.stocklens.support.PlainWords;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What a person reads when the command line goes wrong: one sentence on stderr naming what was wrong and
 * where the help is ({@code see 'stocklens flags --help'}), never the usage text, a class name or a stack
 * trace. A bad argument exits {@value #EXIT_USAGE}; an unexpected failure inside a command exits
 * {@value #EXIT_UNEXPECTED} with its details in the log file only.
 */
final class CliErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CliErrors.class);
    static final int EXIT_USAGE = 2;
    static final int EXIT_UNEXPECTED = 1;
    /** picocli's wording of a value its converter refused, class names included. */
    private static final Pattern CANNOT_CONVERT = Pattern.compile("cannot convert '(.*)' to .*", Pattern.DOTALL);

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CliPrinter.system().message(sentence(ex));
        return EXIT_USAGE;
    }

    /** The one line for a bad command line: what was wrong, then where the help is. */
    static String sentence(ParameterException ex) {
        String what = ex instanceof UnmatchedArgumentException u ? unmatched(u) : plain(ex);
        return what + "; see '" + ex.getCommandLine().getCommandSpec().qualifiedName(" ") + " --help'.";
    }

    private static String unmatched(UnmatchedArgumentException u) {
        List<String> unmatched = u.getUnmatched();
        String first = unmatched.isEmpty() ? "" : unmatched.getFirst();
        List<String> suggestions = u.getSuggestions();
        String hint = suggestions.isEmpty() ? "" : " (did you mean " + suggestions.getFirst() + "?)";
        if (first.startsWith("-")) {
            int eq = first.indexOf('=');
            return "Unknown option '" + (eq > 0 ? first.substring(0, eq) : first) + "'" + hint;
        }
        if (u.getCommandLine().getCommandSpec().userObject() instanceof StockLensCommand) {
            return "Unknown subcommand or file '" + first + "'" + (hint.isEmpty()
                    ? " (a file to open ends in " + StockLensCommand.FILE_EXTENSION + ")" : hint);
        }
        return "Unexpected argument '" + first + "'" + hint;
    }

    /** picocli's own message, as a sentence without its final period and without class names. */
    private static String plain(ParameterException ex) {
        String m = ex.getMessage() == null ? "Invalid command line" : ex.getMessage().strip();
        int colon = m.indexOf(": cannot convert '");
        if (colon > 0) {
            // "Invalid value for option '--x': cannot convert 'v' to class java.nio.file.Path (…)"
            var value = CANNOT_CONVERT.matcher(m.substring(colon + 2));
            m = m.substring(0, colon) + (value.matches() ? ": '" + value.group(1) + "' is not a valid value" : "");
        }
        m = m.lines().findFirst().orElse(m).replaceFirst("[.]+$", "");
        if (PlainWords.technical(m)) {
            m = "Invalid command line";
        }
        return m.substring(0, 1).toUpperCase(Locale.ROOT) + m.substring(1);
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        String name = commandLine.getCommandSpec().qualifiedName(" ");
        LOG.error("'{}' stopped on an unexpected error", name, ex);
        CliPrinter.system().message(unexpected(name, ex.getMessage(), System.getProperty(Logs.LOG_DIR_PROPERTY)));
        return EXIT_UNEXPECTED;
    }

    /** The one line for a failure no command expected: its message only when it is plain words. */
    static String unexpected(String command, String message, String logDir) {
        String why = message == null || message.isBlank() || PlainWords.technical(message) || message.length() > 200
                ? "an unexpected error" : message.strip().replaceFirst("[.]+$", "");
        return "'" + command + "' stopped on " + (why.equals("an unexpected error") ? why : "an error (" + why + ")")
                + "; the details are in the log file" + (logDir == null ? "" : " in " + logDir) + ".";
    }
}
