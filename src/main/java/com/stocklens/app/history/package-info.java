/**
 * Snapshot history kept within the retention policy: compaction after syncs, at most hourly.
 */
package com.stocklens.app.history;
