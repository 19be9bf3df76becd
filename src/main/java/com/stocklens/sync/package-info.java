/**
 * The sync engine: reads each {@link com.stocklens.connector.StockSource} on its cadence and
 * commits each complete reading as one snapshot through {@link com.stocklens.store.SnapshotRepository},
 * publishing one {@link com.stocklens.service.SyncEvent} per finished run.
 */
package com.stocklens.sync;
