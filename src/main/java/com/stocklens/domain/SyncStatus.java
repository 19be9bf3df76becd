package com.stocklens.domain;

/** Outcome of one sync run. */
public enum SyncStatus {
    RUNNING,
    COMPLETE,
    FAILED
}
