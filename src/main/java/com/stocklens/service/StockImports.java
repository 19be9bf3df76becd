package com.stocklens.service;

import com.stocklens.domain.Market;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Stock files for warehouses without an API: the CSV warehouses, their remembered column mappings, and
 * the all-or-nothing import. Blocking (file and database work): call it off the FX thread.
 */
public interface StockImports {
    /** The CSV warehouses, by name. */
    List<CsvWarehouse> warehouses();

    /**
     * Creates (or renames) a CSV warehouse; its id is derived from the name when {@code id} is null.
     *
     * @throws IllegalArgumentException in one sentence when the id, name or region is too long or has control
     *                                  characters ({@link CsvWarehouse#MAX_ID_LENGTH})
     */
    CsvWarehouse saveWarehouse(String id, String name, Market market, String region, ZoneId zone);

    /**
     * Links a CSV warehouse to the TikTok warehouse it stocks ({@code null} or blank unlinks it), so TikTok's
     * figure stands beside its stock from its next import and it can be pushed (docs/guide/push.md).
     *
     * @throws IllegalArgumentException when there is no such CSV warehouse
     */
    default CsvWarehouse linkTikTok(String warehouseId, String tiktokWarehouseId) {
        throw new UnsupportedOperationException("linking is not available here");
    }

    /** The mapping names remembered for a warehouse ("default" first when it exists). */
    List<String> mappingNames(String warehouseId);

    /** The mapping last used for the warehouse, if any. */
    Optional<String> lastMappingName(String warehouseId);

    /** A remembered mapping. */
    Optional<ColumnMapping> mapping(String warehouseId, String name);

    /**
     * Reads a file and validates it: under {@code mapping} when given, else under the remembered mapping
     * {@code mappingName} (its headers that exist in the file), completed by suggestions from the header
     * names. Stores nothing.
     */
    ImportCheck check(Path file, String warehouseId, String mappingName, ColumnMapping mapping);

    /**
     * Validates and, when every row is valid, stores the file as one snapshot of the warehouse in one
     * transaction and remembers the mapping under {@code mappingName}. Nothing is stored otherwise.
     */
    ImportOutcome importFile(Path file, String warehouseId, String mappingName, ColumnMapping mapping);

    /**
     * {@link #importFile} into a warehouse this import creates: the warehouse is stored in the same transaction
     * as the file's snapshot, so a rejected file creates nothing.
     *
     * @throws IllegalArgumentException in one sentence when the warehouse cannot be created (as
     *                                  {@link #saveWarehouse}), or the id is taken
     */
    ImportOutcome importIntoNew(Path file, CsvWarehouse warehouse, String mappingName);
}
