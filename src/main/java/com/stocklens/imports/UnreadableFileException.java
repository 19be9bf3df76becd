package com.stocklens.imports;

import com.stocklens.service.ImportProblem;

/** The file cannot be turned into a {@link Sheet}: not text in a known encoding, or a broken XLSX. */
public final class UnreadableFileException extends Exception {
    private static final long serialVersionUID = 1L;
    private final ImportProblem problem;

    public UnreadableFileException(ImportProblem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public ImportProblem problem() {
        return problem;
    }
}
