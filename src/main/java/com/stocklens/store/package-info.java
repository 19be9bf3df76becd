/**
 * The store: the workspace database and its repositories.
 *
 * <p>{@link com.stocklens.store.Database} opens the embedded H2 file in {@code <dataDir>/db/} (with
 * H2's file lock, so a second process gets {@link com.stocklens.store.WorkspaceInUseException})
 * and migrates it with Flyway from {@code db/migration/V<n>__<what>.sql}. The SQL is portable so
 * the same scripts can run on PostgreSQL in team mode.
 *
 * <p>Invariant: a {@code snapshot} row, all its {@code stock_row}/{@code channel_row} rows and the
 * update marking its {@code sync_run} COMPLETE are written in one transaction
 * ({@link com.stocklens.store.SnapshotRepository#commit}); "now" is the snapshot with the highest
 * id per source. {@code CrashRecoveryTest} checks this survives kill -9.
 */
package com.stocklens.store;
