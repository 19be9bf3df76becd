package com.stocklens.service;

import java.time.Instant;

/**
 * What an import did: either stored every row as one snapshot, or nothing (the check says why).
 *
 * @param imported   true when the snapshot was stored
 * @param check      the validation the decision was based on
 * @param snapshotId the stored snapshot, or 0
 * @param takenAt    the snapshot's time (the file's time), or null
 */
public record ImportOutcome(boolean imported, ImportCheck check, long snapshotId, Instant takenAt) {
}
