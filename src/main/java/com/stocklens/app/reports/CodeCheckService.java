package com.stocklens.app.reports;

import com.stocklens.domain.CodeCheckResult;
import com.stocklens.domain.CodeRecord;
import com.stocklens.rules.ThreeCodeCheck;
import com.stocklens.service.CodeChecks;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link CodeChecks} over the workspace: the store gathers the code records, {@link ThreeCodeCheck}
 * judges them. Lives here because the store may not import the rules.
 */
public final class CodeCheckService implements CodeChecks {
    private final Supplier<List<CodeRecord>> records;

    /** @param records the current code records, e.g. {@code JdbiCodeRecords::records}; may block on I/O */
    public CodeCheckService(Supplier<List<CodeRecord>> records) {
        this.records = records;
    }

    @Override
    public CodeCheckResult checkCurrent() {
        return ThreeCodeCheck.check(records.get());
    }
}
