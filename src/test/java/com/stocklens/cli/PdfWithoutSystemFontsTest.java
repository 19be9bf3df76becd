package com.stocklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.Launcher;
import com.stocklens.domain.BeijingTime;
import com.stocklens.report.CjkFonts;
import com.stocklens.support.ChildJvm;
import com.stocklens.support.PdfFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 ("PDF export fails on a machine without a Chinese font — even in English"): the real command
 * line in a child JVM that cannot see a single font of this machine writes {@code report health} as a
 * Chinese and an English PDF whose fonts are all embedded.
 *
 * <p>Where a mount namespace can be made (root, as CI is), the child runs under {@code unshare --mount}
 * with an empty tmpfs over every font directory ({@code /usr/share/fonts}, {@code /usr/local/share/fonts},
 * {@code ~/.fonts}, …), checked empty before java starts. Elsewhere the app's own switch
 * ({@code -Dstocklens.systemFonts=false}) keeps the machine's font files out instead.
 */
class PdfWithoutSystemFontsTest {
    @TempDir
    Path dir;

    @Test
    void healthPdfsInChineseAndEnglishEmbedTheirFontsWithNoFontOnTheMachine() throws Exception {
        List<String> wrapper = hideFontDirectories();
        String noSystemFonts = "-D" + CjkFonts.SYSTEM_FONTS_PROPERTY + "=false";
        List<String> jvmArgs = wrapper.isEmpty() ? List.of(noSystemFonts) : List.of();
        System.out.println("font directories hidden by a mount namespace: " + !wrapper.isEmpty()
                + (wrapper.isEmpty() ? " (cannot unshare here: " + noSystemFonts + " instead)" : ""));
        LocalDate today = LocalDate.now(BeijingTime.ZONE);
        Path ws = dir.resolve("ws");
        for (String lang : List.of("zh", "en")) {
            Path pdf = dir.resolve("health-" + lang + ".pdf");
            ChildJvm child = ChildJvm.startWrapped(wrapper, Launcher.class, jvmArgs, "--demo", "--data-dir",
                    ws.toString(), "report", "health", "--from", today.minusDays(7).toString(), "--to",
                    today.minusDays(1).toString(), "--out", pdf.toString(), "--lang", lang);
            assertThat(child.await(120)).as("report health --lang %s: %s", lang, child.stderr()).isZero();

            Map<String, Boolean> fonts = PdfFiles.fonts(pdf);
            System.out.printf("--lang %s: %,d bytes, fonts %s%n", lang, Files.size(pdf), fonts);
            assertThat(fonts).isNotEmpty().allSatisfy((name, embedded) -> {
                assertThat(name).contains("NotoSansSC");
                assertThat(embedded).as(name + " embedded").isTrue();
            });
            List<String> pdffonts = PdfFiles.pdffonts(pdf);
            if (pdffonts != null) { // poppler's own reading, where it is installed
                assertThat(pdffonts).isNotEmpty().allSatisfy(row -> assertThat(row).endsWith(" yes"));
            }
            String first = PdfFiles.pages(pdf).get(0);
            assertThat(first).contains(lang.equals("zh") ? "库存健康度报告" : "Turnover days");
            if (lang.equals("zh")) {
                assertThat(first).contains("周转天数");
            }
        }
    }

    /**
     * {@code unshare --mount sh -c 'mount -t tmpfs … DIR; … ; [ nothing in DIR ] && exec "$0" "$@"'} over every
     * font directory present, or an empty list where no mount namespace can be made.
     */
    private static List<String> hideFontDirectories() throws IOException, InterruptedException {
        String home = System.getProperty("user.home");
        List<String> present = new ArrayList<>();
        for (String d : List.of("/usr/share/fonts", "/usr/local/share/fonts", "/usr/share/X11/fonts",
                home + "/.fonts", home + "/.local/share/fonts", System.getProperty("java.home") + "/lib/fonts")) {
            if (Files.isDirectory(Path.of(d))) {
                present.add(d);
            }
        }
        StringBuilder script = new StringBuilder("set -e; ");
        for (String d : present) {
            script.append("mount -t tmpfs stocklens-no-fonts '").append(d).append("'; ");
            script.append("[ -z \"$(ls -A '").append(d).append("')\" ]; ");
        }
        List<String> wrapper = List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                script + "exec \"$0\" \"$@\"");
        List<String> probe = new ArrayList<>(wrapper);
        probe.add("true");
        try {
            Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 ? wrapper : List.of();
        } catch (IOException noUnshare) {
            return List.of();
        }
    }
}
