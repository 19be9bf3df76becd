/**
 * SKU identities: which warehouse code is which seller SKU, decided by the matching rules or by hand, and
 * the re-keying of every warehouse reading before it is stored.
 */
package com.stocklens.app.mapping;
