/**
 * Stock files of warehouses without an API: reading, checking and committing an import as one snapshot.
 */
package com.stocklens.app.imports;
