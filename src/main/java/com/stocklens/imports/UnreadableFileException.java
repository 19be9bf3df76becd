package com.stocklens.imports;

import com.stocklens.service.ImportProblem;

/**
 * The file cannot be read into rows: not text in a known encoding, a broken XLSX, or a row longer than any
 * stock file's ({@link SheetReader#MAX_ROW_CHARS}).
 */
public final class UnreadableFileException extends Exception {
    private static final long serialVersionUID = 1L;
    private final ImportProblem problem;
    private final int row;

    public UnreadableFileException(ImportProblem problem, String message, Throwable cause) {
        this(problem, 0, message, cause);
    }

    /** @param row the row (as Excel counts) where reading stopped, 0 for the whole file */
    public UnreadableFileException(ImportProblem problem, int row, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.row = row;
    }

    public ImportProblem problem() {
        return problem;
    }

    /** The row (as Excel counts) where reading stopped; 0 when the whole file is the problem. */
    public int row() {
        return row;
    }
}
