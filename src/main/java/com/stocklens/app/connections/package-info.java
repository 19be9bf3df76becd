/**
 * Connections: which connector a connection kind gets ({@link com.stocklens.app.connections.SourceFactory}),
 * the connections screen's service with its secrets, the environment's connections, TikTok Shop's
 * authorization and token storage, and the assembly of what a session polls (demo, live or a snapshot file).
 */
package com.stocklens.app.connections;
