package com.stocklens.service;

import com.stocklens.domain.CodeCheckResult;

/** Runs the three-code check over the codes the store holds (TikTok, barcodes, each warehouse's ids). Blocking I/O. */
public interface CodeChecks {
    CodeCheckResult checkCurrent();
}
