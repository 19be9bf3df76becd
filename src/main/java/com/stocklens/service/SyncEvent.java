package com.stocklens.service;

import com.stocklens.domain.SyncRun;

/** One sync run finished (complete or failed). Delivered once per run, never per row. */
public record SyncEvent(SyncRun run) {
}
