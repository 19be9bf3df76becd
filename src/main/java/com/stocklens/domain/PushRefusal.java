package com.stocklens.domain;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * Why one SKU × warehouse figure is not sent to TikTok, or was not taken by it (issue 21, docs/guide/push.md):
 * refused when the plan is made, re-checked before sending, or answered by TikTok. Each kind has an
 * English sentence with {@code {0}}-style arguments (the window has the same sentence in both languages
 * under {@code stockpush.refusal.<KIND>}).
 */
public enum PushRefusal {
    /** {0} warehouse name. */
    NOT_LINKED("{0} is not linked to a TikTok warehouse, so there is no TikTok figure to set"),
    /** {0} TikTok warehouse id. */
    NOT_ASSIGNED("TikTok does not list this SKU in its warehouse {0}: assign it in Seller Center first"),
    /** {0} warehouse name. */
    NO_WAREHOUSE_SNAPSHOT("{0} has no complete snapshot yet: sync or import it first"),
    NO_TIKTOK_SNAPSHOT("TikTok has no complete snapshot yet: sync first"),
    /** {0} warehouse name, {1} age in minutes, {2} window in minutes. */
    STALE_WAREHOUSE("the stock of {0} is {1} min old, older than the {2}-min sync window: sync or import a fresh "
            + "file first"),
    /** {0} age in minutes, {1} window in minutes. */
    STALE_TIKTOK("TikTok''s figures are {0} min old, older than the {1}-min sync window: sync first"),
    /** {0} warehouse name, {1} the error. */
    WAREHOUSE_SYNC_FAILED("the last sync of {0} failed, so its figures may be out of date ({1})"),
    /** {0} the error. */
    TIKTOK_SYNC_FAILED("the last sync of TikTok failed, so its figures may be out of date ({0})"),
    /** {0} the warehouse's code, {1} source id. */
    MAPPING_CONFLICT("the code {0} of {1} could also be this SKU (a SKU mapping conflict): resolve it in SKU "
            + "mapping first"),
    /** {0} warehouse name. */
    AVAILABLE_UNKNOWN("{0} does not report how many units of this SKU are available"),
    TIKTOK_UNKNOWN("TikTok gives no figure for this SKU in that warehouse"),
    ZERO_NOT_ACCEPTED("this shop does not accept 0 through the API (learnt from TikTok''s answer): set the SKU "
            + "out of stock in Seller Center instead"),
    /** {0} the plan's figure, {1} the figure now. */
    CHANGED_SINCE_PLAN("the warehouse''s figure changed since the plan ({0} → {1}): plan again"),
    /** {0} TikTok's figure in the plan, {1} TikTok's figure now. */
    TIKTOK_MOVED("TikTok''s figure moved since the plan ({0} → {1}), probably an order: plan again"),
    /** {0} TikTok's figure now, {1} what the push set. */
    UNDO_MOVED("TikTok''s figure is {0} now, no longer the {1} this push set: undoing would overwrite newer "
            + "changes"),
    NOT_ON_TIKTOK("TikTok no longer lists this SKU"),
    /** TikTok 12052393. */
    PROMOTION_LOCKED("TikTok holds this stock for a promotion and will not go below it: change the promotion in "
            + "Seller Center or push a higher figure"),
    /** TikTok 12052531. */
    WAREHOUSE_DISABLED("the TikTok warehouse is disabled (holiday or order-limit mode)"),
    /** TikTok 12052097. */
    WAREHOUSE_GONE("the TikTok warehouse no longer exists"),
    /** TikTok 12019028 / 12052533. */
    WAREHOUSES_CHANGED("the SKU''s TikTok warehouses changed since StockLens read them: sync and plan again"),
    /** TikTok 12052141, 12052850, 12052921. */
    NOT_EDITABLE("TikTok does not let this SKU''s stock be set here (a global, combo or shared-stock product): "
            + "change it where TikTok says"),
    /** TikTok 12052901. */
    PRODUCT_NOT_ACTIVE("the product is not active on TikTok, so its stock cannot be set"),
    SCOPE_MISSING("StockLens may not change stock in this shop: the Product Modify scope (seller.product.write) "
            + "was not granted or was revoked; authorize the shop again with it"),
    /** {0} the problem in TikTok's words. */
    NOT_AUTHORIZED("TikTok refused StockLens'' credentials: {0}"),
    /** {0} what went wrong. */
    TIKTOK_UNAVAILABLE("TikTok could not be reached or was busy; nothing was changed for this SKU ({0})"),
    /** {0} TikTok's code, {1} TikTok's message. */
    TIKTOK_REFUSED("TikTok refused it (code {0}): {1}"),
    NOT_SENT_AFTER_REFUSAL("not sent: the automatic push stops at the first refusal"),
    /** {0} units already changed today, {1} units this push would change, {2} the cap. */
    DAILY_CAP("the automatic push would change {1} units on top of {0} today, above the daily cap of {2}"),
    /** {0} the desk holding the TikTok lease. */
    NOT_THIS_DESK("only the desk holding the TikTok lease pushes ({0} now)");

    private final String english;

    PushRefusal(String english) {
        this.english = english;
    }

    /** The English pattern, {@link MessageFormat} style. */
    public String pattern() {
        return english;
    }

    /** The sentence with {@code args} filled in. */
    public String english(List<String> args) {
        return new MessageFormat(english, Locale.ROOT).format(args.toArray());
    }
}
