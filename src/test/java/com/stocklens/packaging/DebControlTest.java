package com.stocklens.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The .deb declares only what the app loads (issue 19): jpackage's own guess added xdg-utils, and with it Perl
 * and a terminal emulator (51 packages on a machine that had GTK 3 and a CJK font; 1 since). Building the .deb
 * takes minutes, so this reads the control template and the scripts that make it.
 */
class DebControlTest {
    private static final Path PROJECT = Path.of(System.getProperty("basedir", "."));
    private static final Path RESOURCES = PROJECT.resolve("packaging/linux-resources");

    private static Map<String, String> control() throws IOException {
        return Files.readAllLines(RESOURCES.resolve("control"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(": "))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(": ")), l -> l.substring(l.indexOf(": ") + 2)));
    }

    @Test
    void dependsOnGtkTheX11LibrariesJavaLoadsAndACjkFontOnly() throws IOException {
        List<String> depends = Arrays.stream(control().get("Depends").split(",")).map(String::strip).toList();
        assertThat(depends).containsExactly("libc6", "libgtk-3-0", "libx11-6", "libxext6", "libxi6", "libxrender1",
                "libxtst6", "fonts-wqy-zenhei | fonts-noto-cjk");
        // jpackage's computed list (xdg-utils, libasound2 …) is not in it.
        assertThat(control().get("Depends")).doesNotContain("PACKAGE_DEFAULT_DEPENDENCIES", "xdg-utils");
    }

    @Test
    void xdgUtilsIsOnlySuggested() throws IOException {
        assertThat(control()).doesNotContainKey("Recommends");
        assertThat(control().get("Suggests")).isEqualTo("xdg-utils");
        String linux = Files.readString(PROJECT.resolve("packaging/linux.sh"), StandardCharsets.UTF_8);
        assertThat(linux).contains("--resource-dir packaging/linux-resources").doesNotContain("--linux-package-deps");
    }

    @Test
    void withoutXdgUtilsTheMenuEntryAndTheFileTypeStillComeAndGo() throws IOException {
        String postinst = Files.readString(RESOURCES.resolve("postinst"), StandardCharsets.UTF_8);
        String prerm = Files.readString(RESOURCES.resolve("prerm"), StandardCharsets.UTF_8);
        assertThat(postinst).contains("if command -v xdg-desktop-menu", "stocklens_desktop_files install",
                "/usr/share/applications", "/usr/share/mime/packages");
        assertThat(prerm).contains("if command -v xdg-desktop-menu", "stocklens_desktop_files remove");
    }
}
