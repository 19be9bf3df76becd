package com.stocklens.service;

/**
 * Why a stock file (or one of its rows) cannot be imported. The window shows the bundle text of
 * {@code import.problem.<name>}; the command line prints {@link #english()}.
 */
public enum ImportProblem {
    UNREADABLE("the file cannot be read"),
    FILE_TOO_LARGE("the file is larger than a stock file can be (64 MB); split it"),
    TOO_MANY_ROWS("the file has more stock rows than one import takes (200,000); split it"),
    ROW_TOO_LONG("a row longer than 1,000,000 characters (an unclosed quote?); the file was not read further"),
    NOT_TEXT("the file is neither UTF-8, UTF-16 nor GBK text; save it as CSV UTF-8 or XLSX"),
    NO_HEADER("no header row found"),
    NO_ROWS("the file has a header but no stock rows"),
    MISSING_COLUMN("required column missing"),
    NO_QUANTITY_COLUMN("no quantity column mapped: map at least one stock bucket"),
    SKU_MISSING("SKU is blank"),
    SKU_FORMAT("unknown SKU format"),
    DUPLICATE_SKU("duplicate SKU"),
    BARCODE_TOO_LONG("barcode longer than 40 characters (a UPC, EAN or GTIN has at most 14 digits)"),
    NOT_A_NUMBER("not a whole number"),
    NEGATIVE("negative quantity"),
    TOO_LARGE("quantity too large"),
    FORMULA("formula without a saved value");

    private final String english;

    ImportProblem(String english) {
        this.english = english;
    }

    public String english() {
        return english;
    }
}
