package com.stocklens.support;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Why a file operation failed, as a short lower-case phrase for a person ("no such file", "permission
 * denied", "read-only file system"): never an exception's class name, and the same words whatever the
 * exception. Callers put it after the file's name: {@code "Cannot read " + file + ": " + reason(e) + "."}.
 */
public final class FileReasons {
    private FileReasons() {
    }

    /** The reason {@code e} gives, as a phrase without the file's name. */
    public static String of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "something of that name is already there";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (e instanceof FileSystemLoopException) {
            return "its symbolic links go round in a loop";
        }
        if (e instanceof CharacterCodingException) {
            return "it is not text in a known encoding";
        }
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        return plain(reason);
    }

    /** The operating system's own wording, made plain ("Is a directory" → "it is a folder"). */
    static String plain(String reason) {
        if (reason == null || reason.isBlank()) {
            return "an input/output error";
        }
        String r = reason.strip();
        String lower = r.toLowerCase(Locale.ROOT);
        if (lower.contains("is a directory")) {
            return "it is a folder, not a file";
        }
        if (lower.contains("not a directory")) {
            return "a part of the path is a file, not a folder";
        }
        if (lower.contains("no such file")) {
            return "no such file or folder";
        }
        if (lower.contains("permission denied") || lower.contains("operation not permitted")
                || lower.contains("access is denied")) {
            return "permission denied";
        }
        if (lower.contains("read-only file system")) {
            return "read-only file system";
        }
        if (lower.contains("no space left") || lower.contains("not enough space") || lower.contains("disk full")) {
            return "the disk is full";
        }
        if (PlainWords.technical(r)) {
            return "an input/output error";
        }
        return PlainWords.clause(r);
    }
}
