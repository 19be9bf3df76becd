package com.stocklens.app.reports;

import com.stocklens.domain.CodeCheckResult;
import com.stocklens.domain.CodeRecord;
import com.stocklens.rules.ThreeCodeCheck;
import com.stocklens.service.CodeChecks;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link CodeChecks} over the workspace: the store gathers the code records, {@link ThreeCodeCheck}
 * judges them. Lives here because the store may not import the rules.
 */
public final class CodeCheckService implements CodeChecks {
    private final Supplier<List<CodeRecord>> records;
    private final Supplier<Map<String, String>> warehouseNames;

    /**
     * @param records        the current code records, e.g. {@code JdbiCodeRecords::records}; may block on I/O
     * @param warehouseNames warehouse id → display name, so findings name warehouses as the seller knows them
     */
    public CodeCheckService(Supplier<List<CodeRecord>> records, Supplier<Map<String, String>> warehouseNames) {
        this.records = records;
        this.warehouseNames = warehouseNames;
    }

    @Override
    public CodeCheckResult checkCurrent() {
        return ThreeCodeCheck.check(records.get(), warehouseNames.get());
    }
}
