package com.stocklens.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docs/cli.md is what the picocli model and the prose file generate, so the reference cannot drift from
 * the code. With {@code -Dstocklens.updateDocs=true} the test rewrites the file instead of failing.
 */
class CliReferenceTest {
    private static final Path PROJECT = Path.of(System.getProperty("basedir", "."));

    @Test
    void theCommittedReferenceIsWhatTheCodeGenerates() throws IOException {
        String generated = CliReference.generate(PROJECT);
        Path file = PROJECT.resolve(CliReference.OUTPUT);
        if (Boolean.getBoolean("stocklens.updateDocs")) {
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n")
                : "";
        if (!committed.equals(generated)) {
            fail(CliReference.OUTPUT + " differs from what the command line and " + CliReference.PROSE
                    + " generate (" + firstDifference(committed, generated) + ").\nRegenerate it with:\n    "
                    + CliReference.REGENERATE + "\nand commit the result.");
        }
    }

    @Test
    void everyProsePartBelongsToACommandOrAPlace() {
        Set<String> known = CliReference.commands().stream().skip(1)
                .map(c -> "command " + CliReference.name(c).substring("stocklens ".length()))
                .collect(Collectors.toSet());
        known.addAll(Set.of("intro", "global", "end"));
        assertThat(CliReference.prose(PROJECT).keySet())
                .as("parts of %s that no command or place takes (a renamed command?)", CliReference.PROSE)
                .isSubsetOf(known);
    }

    @Test
    void everyCommandSaysWhatItDoesAndHowItExits() {
        List<String> missing = new ArrayList<>();
        for (CommandSpec c : CliReference.commands()) {
            String name = CliReference.name(c);
            if (CliReference.description(c).isEmpty()) {
                missing.add(name + ": no description");
            }
            if (CliReference.exitCodes(c).isEmpty()) {
                missing.add(name + ": no exitCodeList");
            }
            for (OptionSpec o : c.options()) {
                if (!o.hidden() && String.join("", o.description()).isBlank()) {
                    missing.add(name + " " + o.longestName() + ": no description");
                }
            }
            c.positionalParameters().stream().filter(p -> String.join("", p.description()).isBlank())
                    .forEach(p -> missing.add(name + " " + p.paramLabel() + ": no description"));
        }
        assertThat(missing).as("the reference would have holes: fill the @Command/@Option annotations").isEmpty();
    }

    private static String firstDifference(String committed, String generated) {
        String[] a = committed.split("\n", -1);
        String[] b = generated.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end of file>";
            String y = i < b.length ? b[i] : "<end of file>";
            if (!x.equals(y)) {
                return "first difference at line " + (i + 1) + ": committed «" + x + "», generated «" + y + "»";
            }
        }
        return "they differ only in line endings";
    }
}
