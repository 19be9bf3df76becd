package com.stocklens.service;

import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.Lot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One seller SKU across the workspace.
 *
 * @param name         the product name, null when unknown
 * @param asOf         the past moment described, null for now
 * @param lines        one per warehouse holding the SKU: the warehouse's buckets and reading time beside
 *                     TikTok's figures and reading time
 * @param alerts       its red-flag alerts not cleared (active, acknowledged or snoozed)
 * @param calibrations every calibration task it ever had, newest first (open and declared ones included)
 * @param ageing       how old its units are, per warehouse
 * @param lots         the receipt lots behind the ages, per warehouse (empty where a provider gives none)
 * @param days         the last {@link SkuDetails#DAYS} Beijing days, oldest first
 */
public record SkuDetail(String sellerSku, String name, Instant asOf, List<BoardRow> lines, List<AlertRow> alerts,
                        List<TaskRow> calibrations, List<AgeProfile> ageing, List<Lot> lots, List<Day> days) {
    public SkuDetail {
        Objects.requireNonNull(sellerSku, "sellerSku");
        lines = List.copyOf(lines);
        alerts = List.copyOf(alerts);
        calibrations = List.copyOf(calibrations);
        ageing = List.copyOf(ageing);
        lots = List.copyOf(lots);
        days = List.copyOf(days);
    }

    /**
     * One Beijing day of the SKU.
     *
     * @param onHand    on hand over every warehouse at the day's close (each source's last snapshot that
     *                  day); null when no snapshot of that day reports it
     * @param unitsSold units sold on TikTok that day; null when no order history covers it
     */
    public record Day(LocalDate day, Integer onHand, Integer unitsSold) {
        public Day {
            Objects.requireNonNull(day, "day");
        }
    }
}
