package com.stocklens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No user-visible text is written into the window's code ({@code com.stocklens.ui} and the entry points that
 * build windows): every string literal handed to something that
 * shows text (setText, setTitle, setHeaderText, setContentText, setPromptText, a Tooltip, a Label, a Button,
 * a menu item, a column, a tab …) is a key of the window's bundle, or has no letter in it (" · ", "—", "#"),
 * or is on the short {@link #ALLOWED} list of literals nobody reads as words. FXML text attributes
 * ({@code text}, {@code promptText}, {@code title} …) are {@code %key} references.
 *
 * <p>It scans the sources, so a literal built into a sentence ({@code setText("Saved " + n)}) fails here
 * too. Text that reaches a sink through a variable is the bundle test's and the screenshots' business.
 */
class HardCodedTextTest {
    private static final Path MAIN_JAVA = Path.of("src/main/java/com/stocklens");
    private static final Path UI_JAVA = MAIN_JAVA.resolve("ui");
    /** The entry points that build windows and dialogs of their own. */
    private static final List<Path> WINDOW_ENTRY_POINTS = List.of(MAIN_JAVA.resolve("StockLensApp.java"),
            MAIN_JAVA.resolve("UnlockPrompt.java"));
    private static final Path UI_RESOURCES = Path.of("src/main/resources/com/stocklens/ui");

    /** Calls and constructors whose string arguments a person reads. */
    private static final Pattern SINK = Pattern.compile(
            "(?:\\.|\\b)(setText|setTitle|setHeaderText|setContentText|setPromptText|setAccessibleText"
                    + "|setAccessibleHelp|setDescription|setSubTitle|setUnit|appendText)\\s*\\("
                    + "|\\bnew\\s+(Label|Button|Tooltip|CheckBox|RadioButton|ToggleButton|Hyperlink|MenuItem|Menu"
                    + "|CheckMenuItem|RadioMenuItem|MenuButton|SplitMenuButton|Tab|TableColumn|TreeTableColumn|Text"
                    + "|TitledPane|TreeItem|Alert|Dialog|ExtensionFilter)\\s*(?:<[^>()]*>)?\\s*\\(");

    /** FXML attributes that show text; their value must be a %key (or an ${expression}). */
    private static final Pattern FXML_TEXT = Pattern.compile(
            "\\b(text|promptText|title|accessibleText|headerText|contentText)\\s*=\\s*\"([^\"]*)\"");

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    /** A format specifier ("%d", "%.1f", "%,d"): a number's shape, not words. */
    private static final Pattern FORMAT = Pattern.compile("%[-#+ 0,(]*\\d*(?:\\.\\d+)?[a-zA-Z%]");

    /**
     * Literals in a sink that are not words for a reader, each with its reason. Keep it short: anything a
     * seller reads as language belongs in the bundles.
     */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            // the format the time field takes, shown as its prompt: the same in every language
            "history/TimeTravelView.java", Set.of("HH:mm"),
            // the file type names in the file chooser's filter: the formats' own names
            "FxDialogService.java", Set.of("PNG", "*.png"),
            "teamdb/TeamDatabaseView.java", Set.of("PEM", "*.pem", "*.crt", "*.cer"),
            "scores/ScoresView.java", Set.of("CSV", "*.csv"),
            // an ISO currency code as the example value of the currency field
            "scores/ProfileView.fxml", Set.of("USD"));

    @Test
    void javaSinksShowOnlyBundleTexts() {
        Set<String> keys = keys();
        List<String> found = new ArrayList<>();
        for (Path file : windowCode()) {
            String rel = UI_JAVA.relativize(file).toString().replace('\\', '/');
            String code = withoutComments(read(file));
            Matcher sink = SINK.matcher(code);
            while (sink.find()) {
                String args = arguments(code, sink.end());
                Matcher lit = LITERAL.matcher(args);
                while (lit.find()) {
                    String text = lit.group(1);
                    if (isUserText(text, keys) && !ALLOWED.getOrDefault(rel, Set.of()).contains(text)) {
                        found.add(rel + ":" + line(code, sink.start()) + " \"" + text + "\" in "
                                + oneLine(code.substring(sink.start(), Math.min(code.length(), sink.end() + 60))));
                    }
                }
            }
        }
        assertThat(found).as("hard-coded user-visible strings in com.stocklens.ui (put them in messages*.properties)")
                .isEmpty();
    }

    @Test
    void everyAlertIsTitledFromTheBundle() {
        // A bare new Alert(…) takes JavaFX's title ("Message"), in the JVM's language, not the window's.
        List<String> bare = new ArrayList<>();
        for (Path file : windowCode()) {
            String code = withoutComments(read(file));
            Matcher m = Pattern.compile("\\bnew\\s+Alert\\s*\\(").matcher(code);
            while (m.find() && !file.endsWith("FxAlerts.java")) {
                bare.add(UI_JAVA.relativize(file) + ":" + line(code, m.start()));
            }
        }
        assertThat(bare).as("alerts made without FxAlerts.of (title and header from the bundle)").isEmpty();
    }

    @Test
    void fxmlTextsAreBundleKeys() {
        Set<String> keys = keys();
        List<String> found = new ArrayList<>();
        for (Path file : files(UI_RESOURCES, ".fxml")) {
            String rel = UI_RESOURCES.relativize(file).toString().replace('\\', '/');
            String xml = read(file).replaceAll("(?s)<!--.*?-->", "");
            Matcher m = FXML_TEXT.matcher(xml);
            while (m.find()) {
                String value = m.group(2);
                if (value.startsWith("$") || ALLOWED.getOrDefault(rel, Set.of()).contains(value)) {
                    continue;
                }
                if (value.startsWith("%")) {
                    if (!keys.contains(value.substring(1))) {
                        found.add(rel + ":" + line(xml, m.start()) + " unknown key " + value);
                    }
                } else if (LETTER.matcher(value).find()) {
                    found.add(rel + ":" + line(xml, m.start()) + " " + m.group(1) + "=\"" + value + "\"");
                }
            }
        }
        assertThat(found).as("FXML texts that are not %keys of messages*.properties").isEmpty();
    }

    @Test
    void theScannerSeesWhatItIsMeantToSee() {
        Set<String> keys = Set.of("stock.title");
        assertThat(isUserText("Saved", keys)).isTrue();
        assertThat(isUserText("已保存", keys)).as("Chinese written into code is hard-coded too").isTrue();
        assertThat(isUserText("stock.title", keys)).isFalse();
        assertThat(isUserText("stock.", keys)).as("a key prefix built on ('stock.' + name)").isFalse();
        assertThat(isUserText(" · ", keys)).isFalse();
        assertThat(isUserText("\\n", keys)).as("a line break").isFalse();
        assertThat(isUserText("\\u4e2d", keys)).as("中, escaped").isTrue();
        assertThat(isUserText("%+,d", keys)).as("a number format").isFalse();
        assertThat(isUserText("%d units", keys)).isTrue();
        String code = withoutComments("label.setText(\"a\" + f(\"b\", g(1))); // setText(\"c\")\n/* new Label(\"d\") */");
        Matcher sink = SINK.matcher(code);
        assertThat(sink.find()).isTrue();
        assertThat(arguments(code, sink.end())).isEqualTo("\"a\" + f(\"b\", g(1))");
        assertThat(sink.find()).as("comments are not code").isFalse();
    }

    /**
     * A literal a person would read as words: it has a letter outside format specifiers and is not a bundle key
     * or a key prefix.
     */
    static boolean isUserText(String literal, Set<String> keys) {
        String shown = FORMAT.matcher(unescape(literal)).replaceAll("");
        if (!LETTER.matcher(shown).find() || keys.contains(literal)) {
            return false;
        }
        return !(literal.endsWith(".") && keys.stream().anyMatch(k -> k.startsWith(literal)));
    }

    /** A literal's characters: {@code \\u00d7} is ×, {@code \\n} a line break (not the letter n). */
    static String unescape(String literal) {
        StringBuilder out = new StringBuilder(literal.length());
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c != '\\' || i + 1 == literal.length()) {
                out.append(c);
            } else if (literal.charAt(i + 1) == 'u' && i + 5 < literal.length()) {
                out.append((char) Integer.parseInt(literal.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(' ');
                i++;
            }
        }
        return out.toString();
    }

    /** The text between the parenthesis opened just before {@code from} and its match. */
    static String arguments(String code, int from) {
        int depth = 1;
        boolean inString = false;
        boolean inChar = false;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (inString || inChar) {
                if (c == '\\') {
                    i++;
                } else if ((inString && c == '"') || (inChar && c == '\'')) {
                    inString = false;
                    inChar = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '\'') {
                inChar = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return code.substring(from, i);
            }
        }
        return code.substring(from);
    }

    /** The code with comments blanked out (line breaks kept, so line numbers stay true). */
    static String withoutComments(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < code.length() && code.charAt(end) != c) {
                    end += code.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(code.length(), end + 1);
                out.append(code, i, end);
                i = end;
            } else if (code.startsWith("//", i)) {
                while (i < code.length() && code.charAt(i) != '\n') {
                    i++;
                }
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                end = end < 0 ? code.length() : end + 2;
                code.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static List<Path> windowCode() {
        List<Path> all = new ArrayList<>(files(UI_JAVA, ".java"));
        all.addAll(WINDOW_ENTRY_POINTS);
        return all;
    }

    private static Set<String> keys() {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/com/stocklens/ui/messages.properties"))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.stringPropertyNames();
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int line(String text, int offset) {
        int n = 1;
        for (int i = 0; i < offset; i++) {
            n += text.charAt(i) == '\n' ? 1 : 0;
        }
        return n;
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ");
    }
}
