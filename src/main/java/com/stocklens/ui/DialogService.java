package com.stocklens.ui;

import com.stocklens.service.ReportFormat;
import com.stocklens.ui.connections.ConnectionFormViewModel;
import com.stocklens.ui.flags.DeclarationFormViewModel;
import com.stocklens.ui.push.PushHistoryViewModel;
import com.stocklens.ui.push.PushPlanViewModel;
import com.stocklens.ui.scores.ProfileFormViewModel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The dialogs view models may open. An interface so a view model can be tested without a toolkit:
 * tests answer with a completed stage, the app with {@link FxDialogService}. Dialogs edit a form view
 * model in place; the view model validates it and decides what happens on OK.
 */
public interface DialogService {
    /**
     * Lets the person fill in the cause, note and name for a calibration task. Non-blocking: the stage
     * completes with {@code true} on OK, {@code false} on cancel, on the FX thread.
     */
    CompletionStage<Boolean> editDeclaration(DeclarationFormViewModel form);

    /**
     * Asks where to save a report. Completes on the FX thread with the chosen file (its extension
     * matching {@code format}), or empty when the person cancels.
     *
     * @param titleKey      message key of the dialog title
     * @param suggestedName file name offered first, with its extension
     */
    CompletionStage<Optional<Path>> chooseSaveFile(String titleKey, String suggestedName, ReportFormat format);

    /**
     * Asks where to save a calibration task's evidence picture (PNG; its text goes beside it). Completes on
     * the FX thread with the chosen file, or empty when the person cancels.
     */
    default CompletionStage<Optional<Path>> chooseEvidenceFile(String suggestedName) {
        throw new UnsupportedOperationException("this dialog service cannot save evidence");
    }

    /**
     * Lets the person fill in a connection's form (add or edit). Completes on the FX thread with
     * {@code true} on Save, {@code false} on cancel.
     */
    default CompletionStage<Boolean> editConnection(ConnectionFormViewModel form) {
        throw new UnsupportedOperationException("this dialog service cannot edit connections");
    }

    /**
     * Lets the person fill in a warehouse profile (a new candidate, or editing one on the scorecard board).
     * Completes on the FX thread with {@code true} on Save (only possible while the form is valid),
     * {@code false} on cancel.
     */
    default CompletionStage<Boolean> editProfile(ProfileFormViewModel form) {
        throw new UnsupportedOperationException("this dialog service cannot edit warehouse profiles");
    }

    /**
     * Asks a yes/no question (e.g. "Remove this connection?"). Completes on the FX thread with {@code true}
     * when the person confirms.
     *
     * @param titleKey   message key of the title
     * @param messageKey message key of the question, formatted with {@code args}
     */
    default CompletionStage<Boolean> confirm(String titleKey, String messageKey, Object... args) {
        throw new UnsupportedOperationException("this dialog service cannot ask for confirmation");
    }

    /** Opens "Push to TikTok" for {@code plan}'s scope (non-blocking; the dialog plans, applies and shows the outcome). */
    default void showPushPlan(PushPlanViewModel plan) {
        throw new UnsupportedOperationException("this dialog service cannot show a push plan");
    }

    /** Opens the push audit and settings (non-blocking). */
    default void showPushHistory(PushHistoryViewModel history) {
        throw new UnsupportedOperationException("this dialog service cannot show the push audit");
    }
}
