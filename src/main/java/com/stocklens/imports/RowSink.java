package com.stocklens.imports;

import java.util.List;

/** Takes a stock file's rows one at a time, in file order (row i, 0-based, is row i + 1 in Excel). */
@FunctionalInterface
interface RowSink {
    /**
     * @param cells the row's cell texts ("" for an empty cell; an empty list for a blank row)
     * @return false to stop reading (the rest of the file is never read)
     */
    boolean row(List<String> cells);
}
