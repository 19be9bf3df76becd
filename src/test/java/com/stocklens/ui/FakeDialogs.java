package com.stocklens.ui;

import com.stocklens.service.ReportFormat;
import com.stocklens.ui.flags.DeclarationFormViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A DialogService that answers the save dialog with {@link #answer} (null: cancelled) and records the offer. */
public final class FakeDialogs implements DialogService {
    public volatile Path answer;
    public final List<String> suggested = new CopyOnWriteArrayList<>();

    public FakeDialogs(Path answer) {
        this.answer = answer;
    }

    @Override
    public CompletionStage<Boolean> editDeclaration(DeclarationFormViewModel form) {
        throw new AssertionError("report screens never declare");
    }

    @Override
    public CompletionStage<Optional<Path>> chooseSaveFile(String titleKey, String suggestedName, ReportFormat format) {
        suggested.add(suggestedName);
        return CompletableFuture.completedFuture(Optional.ofNullable(answer));
    }
}
