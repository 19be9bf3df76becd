package com.stocklens.store;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The versions of the Flyway migrations on the class path ({@code db/migration/V<version>__<name>.sql}),
 * as Flyway writes them into its schema history ({@code V1_2__x.sql} is version {@code 1.2}), read from the
 * jar's or the folder's listing without Flyway itself.
 */
final class Migrations {
    static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");

    private Migrations() {
    }

    /** Every version on the class path; empty when they cannot be listed (Flyway then decides). */
    static Set<String> versions() {
        URL url = Migrations.class.getClassLoader().getResource(LOCATION);
        Set<String> out = new HashSet<>();
        if (url == null) {
            return out;
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String name = entries.nextElement().getName();
                        if (name.startsWith(LOCATION + "/")) {
                            add(out, name.substring(LOCATION.length() + 1));
                        }
                    }
                }
            } else if ("file".equals(url.getProtocol())) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of(url.toURI()))) {
                    for (Path f : files) {
                        add(out, f.getFileName().toString());
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return new HashSet<>();
        }
        return out;
    }

    /** Adds the version of {@code fileName} when it names a versioned migration. */
    static void add(Set<String> versions, String fileName) {
        Matcher m = VERSIONED.matcher(fileName);
        if (m.matches()) {
            versions.add(m.group(1).replace('_', '.'));
        }
    }
}
