package com.stocklens.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A stock file's bytes, opened as often as reading needs them (a CSV is read twice: once to learn its
 * encoding, once to parse it), never held whole in memory when they come from a file.
 */
public interface FileBytes {
    /** A fresh stream from the first byte. */
    InputStream open() throws IOException;

    /** The file on disk, when there is one (an XLSX is then opened without copying it into memory). */
    default Path path() {
        return null;
    }

    static FileBytes of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return () -> new ByteArrayInputStream(bytes);
    }

    static FileBytes of(Path file) {
        Objects.requireNonNull(file, "file");
        return new FileBytes() {
            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public Path path() {
                return file;
            }
        };
    }
}
