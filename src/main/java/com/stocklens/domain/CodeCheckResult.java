package com.stocklens.domain;

import java.util.List;

/**
 * The outcome of a three-code check.
 *
 * @param skus        distinct seller SKUs checked
 * @param flaggedSkus distinct seller SKUs with at least one finding
 */
public record CodeCheckResult(List<CodeFinding> findings, int skus, int flaggedSkus) {
    public CodeCheckResult {
        findings = List.copyOf(findings);
    }

    public boolean isClean() {
        return findings.isEmpty();
    }

    /** Share of SKUs flagged, in percent (0 when nothing was checked). */
    public double mismatchRate() {
        return skus == 0 ? 0 : 100.0 * flaggedSkus / skus;
    }
}
