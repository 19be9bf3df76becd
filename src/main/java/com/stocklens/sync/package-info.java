/**
 * The sync engine: reads each {@link com.stocklens.connector.StockSource} on its cadence and
 * commits each complete reading as one snapshot through {@link com.stocklens.store.SnapshotRepository},
 * publishing one {@link com.stocklens.service.SyncEvent} per finished run; the orders-and-returns poll
 * ({@link com.stocklens.sync.ActivitySync}); and, in team mode, the {@link com.stocklens.sync.SharedFollower}
 * that keeps this desk in step with the others. The sync knows ports, the store and the domain, not the
 * rules: judging what was synced is the application layer's ({@code com.stocklens.app}).
 */
package com.stocklens.sync;
