package com.stocklens.docs;

import com.stocklens.cli.StockLensCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes {@code docs/cli.md}, the command-line and JSON reference, from the picocli model of
 * {@link StockLensCommand} (every subcommand, its synopsis, options with defaults, parameters and exit codes)
 * and the hand-written prose in {@value #PROSE} (JSON formats, conventions), which it stitches in.
 *
 * <p>The prose file is cut into parts by lines {@code <!-- part: NAME -->}: {@code intro} (before the
 * commands), {@code global} (after the global options), {@code command QUALIFIED NAME} (after that command's
 * generated block, e.g. {@code command report health}) and {@code end} (after every command).
 * {@link CliReferenceTest} fails when the committed file differs from what this class generates.
 */
public final class CliReference {
    /** The committed reference, relative to the project folder. */
    public static final String OUTPUT = "docs/cli.md";
    /** The hand-written prose, relative to the project folder. */
    public static final String PROSE = "src/test/resources/com/stocklens/docs/cli-prose.md";
    /** How to bring the committed file up to date: one command. */
    public static final String REGENERATE =
            "mvn -B -o -q test-compile surefire:test -Dtest=CliReferenceTest -Dstocklens.updateDocs=true";

    private static final Pattern PART = Pattern.compile("^<!-- part: (.+?) -->$");
    private static final int WIDTH = 100;

    private CliReference() {
    }

    /** Regenerates {@value #OUTPUT} in the project folder given as the first argument (default: here). */
    public static void main(String[] args) throws IOException {
        Path project = Path.of(args.length > 0 ? args[0] : ".");
        Files.writeString(project.resolve(OUTPUT), generate(project), StandardCharsets.UTF_8);
    }

    /** The whole reference as the code and the prose file in {@code project} say it. */
    public static String generate(Path project) {
        Map<String, String> prose = prose(project);
        CommandLine root = StockLensCommand.commandLine(new StockLensCommand());
        root.setUsageHelpWidth(WIDTH);
        List<CommandSpec> commands = new ArrayList<>();
        collect(root.getCommandSpec(), commands);

        StringBuilder out = new StringBuilder();
        out.append("<!-- Generated from the picocli model of com.stocklens.cli.StockLensCommand by\n")
                .append("     src/test/java/com/stocklens/docs/CliReference.java, with the prose of\n")
                .append("     ").append(PROSE).append(".\n")
                .append("     Do not edit by hand: change the annotations or the prose, then run\n")
                .append("     ").append(REGENERATE).append(" -->\n");
        out.append("# Command line and JSON reference\n\n");
        out.append(prose.getOrDefault("intro", ""));

        out.append("## Commands at a glance\n\n");
        out.append("| command | what it does | exit codes |\n|---|---|---|\n");
        for (CommandSpec c : commands.subList(1, commands.size())) {
            out.append("| [`").append(name(c)).append("`](#").append(anchor(name(c))).append(") | ")
                    .append(cell(text(description(c)))).append(" | ")
                    .append(String.join(", ", exitCodes(c).keySet())).append(" |\n");
        }
        out.append('\n');

        CommandSpec global = commands.get(0);
        out.append("## Global options\n\n");
        out.append("Given before the subcommand: `stocklens [GLOBAL OPTIONS] [SUBCOMMAND] …`. ")
                .append(text(description(global))).append("\n\n");
        block(out, global);
        out.append(prose.getOrDefault("global", ""));

        out.append("## Commands\n\n");
        for (CommandSpec c : commands.subList(1, commands.size())) {
            out.append("### ").append(name(c)).append("\n\n");
            out.append(text(description(c))).append("\n\n");
            block(out, c);
            out.append(prose.getOrDefault("command " + name(c).substring("stocklens ".length()), ""));
        }
        out.append(prose.getOrDefault("end", ""));
        // One trailing newline, whatever the prose file ends with.
        return out.toString().stripTrailing() + "\n";
    }

    /** The synopsis, options, parameters and exit codes of one command. */
    private static void block(StringBuilder out, CommandSpec c) {
        Help help = new Help(c, Help.defaultColorScheme(Help.Ansi.OFF));
        out.append("```\n").append(help.synopsis(0).stripTrailing()).append("\n```\n\n");
        List<PositionalParamSpec> params = c.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        if (!params.isEmpty()) {
            out.append("| parameter | meaning |\n|---|---|\n");
            for (PositionalParamSpec p : params) {
                out.append("| `").append(cell(p.paramLabel())).append("`")
                        .append(p.arity().min() == 0 ? " (optional)" : "").append(" | ")
                        .append(cell(text(String.join(" ", p.description())))).append(" |\n");
            }
            out.append('\n');
        }
        List<OptionSpec> options = c.options().stream().filter(o -> !o.hidden()).toList();
        if (!options.isEmpty()) {
            boolean defaults = options.stream().anyMatch(o -> o.defaultValue() != null);
            out.append(defaults ? "| option | default | meaning |\n|---|---|---|\n" : "| option | meaning |\n|---|---|\n");
            for (OptionSpec o : options) {
                StringBuilder names = new StringBuilder("`").append(String.join(", ", o.names()));
                if (o.arity().max() > 0) {
                    names.append(' ').append(o.paramLabel());
                }
                names.append('`');
                if (o.required()) {
                    names.append(" (required)");
                }
                if (o.isMultiValue()) {
                    names.append(" (repeatable)");
                }
                out.append("| ").append(cell(names.toString())).append(" | ");
                if (defaults) {
                    out.append(o.defaultValue() == null ? "" : "`" + cell(o.defaultValue()) + "`").append(" | ");
                }
                out.append(cell(text(String.join(" ", o.description())))).append(" |\n");
            }
            out.append('\n');
        }
        Map<String, String> codes = exitCodes(c);
        if (!codes.isEmpty()) {
            out.append("Exit codes:\n\n");
            codes.forEach((code, meaning) -> out.append("- `").append(code).append("` ").append(text(meaning)).append('\n'));
            out.append('\n');
        }
    }

    /** The command and every subcommand below it, depth first, in the order they are declared. */
    public static void collect(CommandSpec spec, List<CommandSpec> into) {
        into.add(spec);
        for (CommandLine sub : spec.subcommands().values()) {
            // An alias maps to the same CommandLine again: list each command once.
            if (into.stream().noneMatch(s -> s == sub.getCommandSpec())) {
                collect(sub.getCommandSpec(), into);
            }
        }
    }

    /** Every command of the real command line, the root first. */
    public static List<CommandSpec> commands() {
        List<CommandSpec> all = new ArrayList<>();
        collect(StockLensCommand.commandLine(new StockLensCommand()).getCommandSpec(), all);
        return all;
    }

    /** {@code stocklens report health}. */
    public static String name(CommandSpec c) {
        return c.qualifiedName(" ");
    }

    public static String description(CommandSpec c) {
        return String.join(" ", c.usageMessage().description()).strip();
    }

    /** The exit codes the command declares ({@code exitCodeList}), code → meaning, in declared order. */
    public static Map<String, String> exitCodes(CommandSpec c) {
        Map<String, String> codes = new LinkedHashMap<>();
        c.usageMessage().exitCodeList().forEach((k, v) -> codes.put(k.strip(), v.strip()));
        return codes;
    }

    /** The prose file's parts by name. */
    public static Map<String, String> prose(Path project) {
        List<String> lines;
        try {
            lines = Files.readAllLines(project.resolve(PROSE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PROSE, e);
        }
        Map<String, String> parts = new LinkedHashMap<>();
        String name = null;
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            Matcher m = PART.matcher(line.strip());
            if (m.matches()) {
                if (name != null) {
                    put(parts, name, text);
                }
                name = m.group(1).strip();
                text.setLength(0);
            } else if (name != null) {
                text.append(line).append('\n');
            }
        }
        if (name != null) {
            put(parts, name, text);
        }
        return parts;
    }

    private static void put(Map<String, String> parts, String name, StringBuilder text) {
        if (parts.containsKey(name)) {
            throw new IllegalStateException(PROSE + " has two parts named '" + name + "'");
        }
        String body = text.toString().strip();
        parts.put(name, body.isEmpty() ? "" : body + "\n\n");
    }

    /** GitHub's anchor of a heading: lower case, spaces to dashes, punctuation other than - and _ dropped. */
    public static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    /** Annotation text as Markdown: {@code <workspace>} would otherwise be read as an HTML tag. */
    private static String text(String s) {
        return s.replace("<", "&lt;");
    }

    /** Text safe inside a table cell. */
    private static String cell(String s) {
        return s.replace("\r", "").replace("\n", " ").replace("|", "\\|");
    }
}
