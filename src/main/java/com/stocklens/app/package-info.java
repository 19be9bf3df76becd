/**
 * The application layer: the composition root ({@link com.stocklens.app.AppRuntime}) that the window and the
 * command line share, and in its sub-packages the application services that combine the store, the rules and
 * the connectors. It knows neither its entry points ({@code com.stocklens}, {@code cli}) nor the window
 * ({@code ui}); the window sees it only through the {@code service} interfaces.
 */
package com.stocklens.app;
