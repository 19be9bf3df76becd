package com.stocklens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Localisation is complete: every text the app shows exists in English and in Chinese (简体), is not
 * blank, really is Chinese in the Chinese bundle, keeps the same {n} arguments, and every key is used. A key in
 * one bundle of a pair only fails {@link #everyKeyIsInBothLanguagesAndNoneIsBlank}. The pairs: the window's
 * messages, the report labels, the rules' phrases ({@code domain.Wording}) and the command line's texts.
 *
 * <p>"Used" means: the key appears as a Java string literal (Messages.get / format / keys held in
 * arrays or variables), or as {@code %key} in an FXML file, or starts with one of the bundle's
 * documented {@link Bundle#dynamicPrefixes dynamic prefixes}: keys the code builds at run time from an
 * enum or a unit name ({@code "stock.bucket." + bucket}). A new screen's keys pass as soon as the
 * screen uses them; a new family of built keys needs its prefix added below, with the place that
 * builds it.
 */
class MessageBundlesTest {

    private static final Path MAIN_JAVA = Path.of("src/main/java");
    private static final Path MAIN_RESOURCES = Path.of("src/main/resources");

    /**
     * Words that stay as they are in Chinese text: product and company names, file formats, codes and
     * abbreviations a Chinese seller uses untranslated. A value made of these (plus digits, punctuation
     * and {n} arguments) needs no Chinese characters.
     */
    private static final Set<String> UNTRANSLATED_WORDS = Set.of(
            "StockLens", "TikTok", "Shop", "ShipBob", "WINIT", "Winit", "ShipMonk", "Flexport", "GoodCang",
            "Amazon", "FBA", "FBT", "SKU", "SKUs", "ID", "IDs", "WMS", "QC", "CSV", "XLSX", "PDF", "JSON",
            "API", "URL", "OAuth", "HTTP", "HTTPS", "OK", "UTC", "Ctrl", "Cmd", "Shift", "Alt", "Esc", "Enter",
            "Tab", "F5", "US", "UK", "EU", "DE", "FR", "CA", "MY", "PH", "SG", "TH", "VN", "JP", "MX",
            "GBK", "UTF", "BOM", "H2", "d", "h", "m", "s", "min", "x");

    /** Keys whose English text is meant to be shown unchanged in the Chinese window. */
    private static final Set<String> SAME_IN_BOTH = Set.of(
            "menu.view.language.en",   // a language is offered in its own name: "English" in both menus
            "menu.view.language.zh");  // "中文" in both menus

    record Bundle(String name, Path english, Path chinese, List<Path> sources, List<String> dynamicPrefixes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bundle> bundles() {
        return Stream.of(
                new Bundle("ui messages",
                        MAIN_RESOURCES.resolve("com/stocklens/ui/messages.properties"),
                        MAIN_RESOURCES.resolve("com/stocklens/ui/messages_zh_CN.properties"),
                        List.of(MAIN_JAVA, MAIN_RESOURCES),
                        List.of(
                                "stock.bucket.",     // StockView: "stock.bucket." + bucket key (onHand, available …)
                                "stock.export.column.", // StockExportViewModel: + StockTable column (sku, onHand …)
                                "health.indicator.", // HealthView: + HealthIndicator.name()
                                "health.verdict.",   // HealthView: + Verdict.name()
                                "health.band.",      // HealthView: + HealthIndicator.name()
                                "codes.kind.",       // CodesView: + code-check finding kind name()
                                "age.",              // Formats.age: "age." + unit (minutes, hours, days …)
                                "status.ago.",       // Formats.ago: "status.ago." + unit
                                "cause.",            // FlagTexts: "cause." + camel(CalibrationCause)
                                "urgency.",          // FlagTexts: "urgency." + FlagTexts.styleName(urgency)
                                "alert.kind.",       // FlagTexts: "alert.kind." + camel(AlertKind)
                                "alert.figures.",    // FlagTexts: "alert.figures." + camel(AlertKind)
                                "alert.snooze.",     // FlagTexts: "alert.snooze." + snooze length suffix
                                "hint.",             // FlagTexts: "hint." + camel(HintKind) [+ ".plain"]
                                "connections.kind.", // ConnectionTexts: + ConnectionKind.name()
                                "connection.field.", // ConnectionTexts: + ConnectionField.key()
                                "connections.test.failure.", // ConnectionTexts: + Failure.name()
                                "import.field.",     // ImportView: + ImportField.key()
                                "import.problem.",   // ImportView: + ImportProblem.name()
                                "import.status.",    // ImportView: + import status name()
                                "mapping.method.",   // MappingView: + MatchMethod.name() (or NONE)
                                "scores.axis.",      // ScoresView: + Axis.name()
                                "scores.criterion.", // ScoresView: + Criterion.name()
                                "scores.band.",      // ScoresView: + BandLevel.name()
                                "scores.stage.",     // ScoresView: + Stage.name()
                                "stockpush.refusal.", // PushTexts: + PushRefusal.name()
                                "stockpush.scope.",  // PushTexts: + PushScope.Kind.name()
                                "stockpush.outcome.", // PushTexts: + PushedLine.Outcome.name()
                                "stockpush.status.")), // PushTexts: + PushRecord.Status.name()
                new Bundle("report labels",
                        MAIN_RESOURCES.resolve("com/stocklens/report/labels.properties"),
                        MAIN_RESOURCES.resolve("com/stocklens/report/labels_zh.properties"),
                        List.of(MAIN_JAVA.resolve("com/stocklens/report")),
                        List.of(
                                "indicator.",        // Labels.indicator: + HealthIndicator.name()
                                "verdict.",          // Labels.verdict: + Verdict.name()
                                "band.",             // Labels.band: + HealthIndicator.name()
                                "kind.")),           // ReportTables: "kind." + code-check finding kind name()
                new Bundle("rule phrases",
                        MAIN_RESOURCES.resolve("com/stocklens/domain/phrases.properties"),
                        MAIN_RESOURCES.resolve("com/stocklens/domain/phrases_zh_CN.properties"),
                        List.of(MAIN_JAVA),
                        List.of()),
                new Bundle("command line texts",
                        MAIN_RESOURCES.resolve("com/stocklens/cli/texts.properties"),
                        MAIN_RESOURCES.resolve("com/stocklens/cli/texts_zh_CN.properties"),
                        List.of(MAIN_JAVA.resolve("com/stocklens/cli")),
                        List.of(
                                "kind.",             // CliTexts.name: "kind." + AlertKind.name() (and CALIBRATION)
                                "state.",            // + CalibrationState / AlertState name()
                                "urgency.",          // + Urgency.name()
                                "cause.",            // + DeclaredCause.name()
                                "codes.title.")));   // + CodeFindingKind.name()
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void everyKeyIsInBothLanguagesAndNoneIsBlank(Bundle bundle) {
        Properties en = load(bundle.english());
        Properties zh = load(bundle.chinese());

        assertThat(difference(en.stringPropertyNames(), zh.stringPropertyNames()))
                .as("keys of %s missing in %s", bundle.english().getFileName(), bundle.chinese().getFileName())
                .isEmpty();
        assertThat(difference(zh.stringPropertyNames(), en.stringPropertyNames()))
                .as("keys of %s missing in %s", bundle.chinese().getFileName(), bundle.english().getFileName())
                .isEmpty();
        assertThat(blank(en)).as("blank values in %s", bundle.english().getFileName()).isEmpty();
        assertThat(blank(zh)).as("blank values in %s", bundle.chinese().getFileName()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void everyKeyIsUsed(Bundle bundle) {
        Set<String> literals = literalsIn(bundle.sources());
        Set<String> unused = new TreeSet<>();
        for (String key : load(bundle.english()).stringPropertyNames()) {
            boolean used = literals.contains(key)
                    || bundle.dynamicPrefixes().stream().anyMatch(key::startsWith);
            if (!used) {
                unused.add(key);
            }
        }
        assertThat(unused)
                .as("keys of %s no source file uses (remove them, or document their dynamic prefix in this test)",
                        bundle.english().getFileName())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void everyDynamicPrefixStillHasKeys(Bundle bundle) {
        Properties en = load(bundle.english());
        assertThat(bundle.dynamicPrefixes())
                .as("dynamic prefixes without any key left (drop them from the allow-list)")
                .allMatch(prefix -> en.stringPropertyNames().stream().anyMatch(k -> k.startsWith(prefix)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void theChineseBundleHoldsChinese(Bundle bundle) {
        Properties en = load(bundle.english());
        Properties zh = load(bundle.chinese());
        Set<String> untranslated = new TreeSet<>();
        for (String key : en.stringPropertyNames()) {
            String chinese = zh.getProperty(key);
            if (chinese == null || SAME_IN_BOTH.contains(key) || !needsTranslation(en.getProperty(key))) {
                continue;
            }
            if (!HAN.matcher(chinese).find()) {
                untranslated.add(key + "=" + chinese);
            }
        }
        assertThat(untranslated).as("Chinese values without any Chinese character").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void bothLanguagesTakeTheSameArguments(Bundle bundle) {
        Properties en = load(bundle.english());
        Properties zh = load(bundle.chinese());
        Set<String> mismatched = new TreeSet<>();
        for (String key : en.stringPropertyNames()) {
            String chinese = zh.getProperty(key);
            if (chinese != null && !arguments(en.getProperty(key)).equals(arguments(chinese))) {
                mismatched.add(key + ": " + arguments(en.getProperty(key)) + " vs " + arguments(chinese));
            }
        }
        assertThat(mismatched).as("{n} arguments differ between English and Chinese").isEmpty();
    }

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[^}]*}");
    private static final Pattern WORD = Pattern.compile("\\p{IsLatin}[\\p{IsLatin}'’-]*");
    /** A Java string literal (escapes kept), or an FXML {@code %key} reference. */
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"|%([A-Za-z][\\w.]*)");

    /** True when the English text has a word a Chinese reader would need translated. */
    static boolean needsTranslation(String english) {
        String text = ARGUMENT.matcher(english).replaceAll(" ");
        Matcher words = WORD.matcher(text);
        while (words.find()) {
            if (!UNTRANSLATED_WORDS.contains(words.group())) {
                return true;
            }
        }
        return false;
    }

    private static Set<Integer> arguments(String text) {
        Set<Integer> indices = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(text);
        while (m.find()) {
            indices.add(Integer.parseInt(m.group(1)));
        }
        return indices;
    }

    private static Set<String> literalsIn(List<Path> roots) {
        Set<String> literals = new TreeSet<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(MessageBundlesTest::isSource).toList()) {
                    Matcher m = LITERAL.matcher(Files.readString(file));
                    while (m.find()) {
                        String literal = m.group(1) != null ? m.group(1) : m.group(2);
                        literals.add(literal.startsWith("%") ? literal.substring(1) : literal); // FXML text="%key"
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return literals;
    }

    private static boolean isSource(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java") || name.endsWith(".fxml");
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        return a.stream().filter(k -> !b.contains(k)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> blank(Properties p) {
        return p.stringPropertyNames().stream().filter(k -> p.getProperty(k).isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
