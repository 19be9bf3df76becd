/**
 * The sync engine: reads each {@link com.stocklens.connector.StockSource} on its cadence and
 * commits each complete reading as one snapshot through {@link com.stocklens.store.SnapshotRepository},
 * publishing one {@link com.stocklens.service.SyncEvent} per finished run; and the
 * {@link com.stocklens.sync.FlagEngine}, which judges the red-flag rules after those runs, stores the
 * outcome through {@link com.stocklens.store.FlagRepository} and publishes one
 * {@link com.stocklens.service.FlagsChanged} per evaluation or action.
 */
package com.stocklens.sync;
