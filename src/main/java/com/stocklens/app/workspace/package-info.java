/**
 * Opening a workspace (its own H2 file, the team database or a snapshot file), its backups and snapshot
 * files, and the one exception that says why a workspace could not be opened.
 */
package com.stocklens.app.workspace;
