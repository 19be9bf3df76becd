package com.stocklens.ui.skudetail;

import com.stocklens.domain.AgeBucket;
import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.CalibrationState;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.Declaration;
import com.stocklens.domain.DeclaredCause;
import com.stocklens.domain.Lot;
import com.stocklens.service.BoardRow;
import com.stocklens.service.SkuDetail;
import com.stocklens.service.SkuDetails;
import com.stocklens.service.TaskRow;
import com.stocklens.ui.FakeBoards;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** SKU details made from {@link FakeBoards#small()}: its rows of the SKU, one open and one resolved task, ages, lots, 30 days. */
public final class FakeSkuDetails implements SkuDetails {
    public final AtomicInteger reads = new AtomicInteger();
    public volatile Instant lastAt;

    @Override
    public SkuDetail detail(String sellerSku, Instant at) {
        reads.incrementAndGet();
        lastAt = at;
        List<BoardRow> lines = FakeBoards.small().rows().stream().filter(r -> r.sku().sellerSku().equals(sellerSku))
                .toList();
        if (lines.isEmpty()) {
            return SkuDetails.NONE.detail(sellerSku, at);
        }
        BoardRow first = lines.get(0);
        Instant now = FakeBoards.NOW;
        CalibrationTask open = new CalibrationTask(7, sellerSku, first.warehouse().id(), now.minus(Duration.ofHours(2)),
                now.plus(Duration.ofHours(22)), 80, 88, CalibrationState.OPEN, null, null, List.of());
        CalibrationTask resolved = new CalibrationTask(3, sellerSku, first.warehouse().id(),
                now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)), 40, 47, CalibrationState.RESOLVED,
                new Declaration(DeclaredCause.SYNC_MISS, "late feed", "Li Na", now.minus(Duration.ofDays(9))),
                now.minus(Duration.ofDays(8)), List.of());
        Map<AgeBucket, Integer> units = new EnumMap<>(AgeBucket.class);
        for (AgeBucket b : AgeBucket.values()) {
            units.put(b, 0);
        }
        units.put(AgeBucket.D0_30, 60);
        units.put(AgeBucket.D181_270, 40);
        List<SkuDetail.Day> days = new ArrayList<>();
        LocalDate today = LocalDate.of(2026, 3, 2);
        for (int i = SkuDetails.DAYS - 1; i >= 0; i--) {
            days.add(new SkuDetail.Day(today.minusDays(i), 100 + i * 3, i % 4 + 1));
        }
        return new SkuDetail(sellerSku, first.sku().name(), at, lines, List.of(),
                List.of(new TaskRow(open, first.sku().name(), first.warehouse()),
                        new TaskRow(resolved, first.sku().name(), first.warehouse())),
                List.of(new AgeProfile(sellerSku, first.warehouse().id(), units, 220, 0)),
                List.of(new Lot(sellerSku, first.warehouse().id(), today.minusDays(220), 40, Lot.LotSource.PROVIDER),
                        new Lot(sellerSku, first.warehouse().id(), today.minusDays(12), 60, Lot.LotSource.PROVIDER)),
                days);
    }
}
