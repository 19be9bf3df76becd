/**
 * The outside world on loopback, for demo mode, tests and benchmarks (docs/ARCHITECTURE.md "The sandbox").
 *
 * <p>{@link com.stocklens.sandbox.SimulatedWorld} is a seeded, deterministic simulation of a
 * seller's stock in three ShipBob fulfilment centres behind a US and a GB TikTok shop;
 * {@link com.stocklens.sandbox.SandboxServer} serves it at the real API paths in the TikTok Shop
 * and ShipBob dialects, with their auth, signing, paging and rate limits, plus
 * {@link com.stocklens.sandbox.Faults} on demand. Only the composition root and tests may import
 * this package: the app's connectors must not know they are talking to a sandbox.
 */
package com.stocklens.sandbox;
