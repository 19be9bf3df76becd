package com.stocklens.docs;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every document the repository names exists in the repository: a Markdown file named in the README, the
 * docs, {@code pom.xml}, the packaging scripts or the code ({@code DOMAIN.md}, {@code docs/api/warehouses.md},
 * {@code docs/screenshots/x.png}), and every relative link (and its {@code #anchor}) in a Markdown file.
 * A bare name counts when it exists next to the file that names it or at the project's root.
 *
 * <p>Left out on purpose: {@code src/main/resources/db/migration/} (an applied Flyway migration can never
 * change, not even a comment: its checksum would refuse every existing workspace) and
 * {@code src/test/resources/com/stocklens/docs/} (the prose of docs/cli.md, whose links are relative to
 * {@code docs/}; they are checked in the generated file), and this file, whose patterns name examples.
 */
class DocLinksTest {
    private static final Path PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();

    /** Where names are looked for. */
    private static final List<String> ROOTS = List.of("README.md", "BENCHMARKS.md", "pom.xml", "docs", "packaging",
            "bench", ".ci", "src/main", "src/test/java");
    private static final List<String> SKIPPED = List.of("src/main/resources/db/migration/",
            "src/test/resources/com/stocklens/docs/", "src/test/java/com/stocklens/docs/DocLinksTest.java");
    private static final Set<String> TEXT = Set.of("md", "java", "xml", "properties", "fxml", "css", "sh", "ps1",
            "args", "service", "desktop", "txt", "sql", "json");

    /** A Markdown link or image: [text](target "title"). */
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    /** A Markdown file named anywhere, with or without a path: DOMAIN.md, docs/api/warehouses.md, ../x.md. */
    private static final Pattern MD_NAME = Pattern.compile("(?<![\\w./-])((?:\\.\\.?/)*[\\w.-]+(?:/[\\w.-]+)*\\.md)\\b");
    /** Any file under docs/ named with its path: docs/screenshots/x.png. */
    private static final Pattern DOCS_PATH = Pattern.compile("(?<![\\w./-])(docs/[\\w./-]+\\.[A-Za-z0-9]+)\\b");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    private final Map<Path, Set<String>> anchors = new HashMap<>();

    @Test
    void everyNamedDocumentAndLinkExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path file : files()) {
            check(file, missing);
        }
        if (!missing.isEmpty()) {
            fail(missing.size() + " name(s) or link(s) point at nothing in the repository:\n  "
                    + String.join("\n  ", missing)
                    + "\nEvery document the code, the docs, pom.xml and packaging name must be a file of this "
                    + "repository: point the name at the file that now holds it (docs/DOMAIN.md, docs/STACK.md, "
                    + "docs/ARCHITECTURE.md, docs/api/, docs/guide/).");
        }
    }

    private static List<Path> files() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String root : ROOTS) {
            Path p = PROJECT.resolve(root);
            if (!Files.exists(p)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(p)) {
                s.filter(Files::isRegularFile)
                        .filter(f -> TEXT.contains(extension(f)))
                        .filter(f -> SKIPPED.stream().noneMatch(rel(f)::startsWith))
                        .sorted()
                        .forEach(out::add);
            }
        }
        return out;
    }

    private void check(Path file, List<String> missing) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return; // not a UTF-8 text file (a GBK fixture): names no document
        }
        boolean markdown = extension(file).equals("md");
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = rel(file) + ":" + (i + 1) + ": ";
            if (markdown && line.strip().startsWith("```")) {
                fenced = !fenced;
            }
            String rest = line;
            if (markdown && !fenced) {
                Matcher link = LINK.matcher(line);
                StringBuilder outside = new StringBuilder();
                while (link.find()) {
                    String problem = linkProblem(file, link.group(2));
                    if (problem != null) {
                        missing.add(where + link.group(2) + " (" + problem + ")");
                    }
                    link.appendReplacement(outside, " ");
                }
                link.appendTail(outside);
                rest = outside.toString();
            }
            Set<String> seen = new HashSet<>();
            for (Pattern p : List.of(MD_NAME, DOCS_PATH)) {
                Matcher m = p.matcher(rest);
                while (m.find()) {
                    String name = m.group(1);
                    if (seen.add(name) && !exists(file, name)) {
                        missing.add(where + name);
                    }
                }
            }
        }
    }

    /** Why a Markdown link's target does not resolve, or null when it does. */
    private String linkProblem(Path file, String target) {
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return null; // https:, mailto: …
        }
        String path = target;
        String anchor = null;
        int hash = target.indexOf('#');
        if (hash >= 0) {
            path = target.substring(0, hash);
            anchor = target.substring(hash + 1);
        }
        Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
        if (!resolved.startsWith(PROJECT) || !Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor != null && !anchor.isEmpty() && resolved.toString().endsWith(".md")
                && !anchorsOf(resolved).contains(anchor)) {
            return "no heading #" + anchor + " in " + rel(resolved);
        }
        return null;
    }

    private static boolean exists(Path file, String name) {
        return Files.exists(file.getParent().resolve(name).normalize()) || Files.exists(PROJECT.resolve(name).normalize());
    }

    /** GitHub's heading anchors of a Markdown file. */
    private Set<String> anchorsOf(Path md) {
        return anchors.computeIfAbsent(md, f -> {
            Set<String> out = new HashSet<>();
            Map<String, Integer> counts = new HashMap<>();
            boolean fenced = false;
            try {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (line.strip().startsWith("```")) {
                        fenced = !fenced;
                    }
                    Matcher h = HEADING.matcher(line);
                    if (!fenced && h.matches()) {
                        String slug = CliReference.anchor(h.group(1).replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1"));
                        int n = counts.merge(slug, 1, Integer::sum);
                        out.add(n == 1 ? slug : slug + "-" + (n - 1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        });
    }

    private static String rel(Path p) {
        return PROJECT.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
