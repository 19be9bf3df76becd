package com.stocklens.notify;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.service.NoticeKind;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Words notices for the team's chat: Chinese line first, English second, because the groups are
 * Chinese-speaking teams that often include overseas staff. Every title carries "StockLens" so a
 * DingTalk robot guarded by the custom keyword "StockLens" accepts it.
 */
final class NoticeText {
    private static final DateTimeFormatter BEIJING_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);

    private NoticeText() {
    }

    /** A calibration notice: opened, or 30 / 10 minutes left. */
    static TeamMessage calibration(NoticeKind kind, CalibrationTask task, String warehouseName, Instant now) {
        String where = task.sellerSku() + " @ " + (warehouseName != null ? warehouseName : task.warehouseId());
        String left = hms(task.timeLeft(now));
        String gap = String.format(Locale.ROOT, "%+d", task.gap());
        String deadline = BEIJING_TIME.format(task.deadline().atZone(BeijingTime.ZONE));
        String figures = "TikTok " + task.tiktokQuantity();
        String zh;
        String en;
        String title;
        switch (kind) {
            case CALIBRATION_DUE_30, CALIBRATION_DUE_10 -> {
                String minutes = kind == NoticeKind.CALIBRATION_DUE_30 ? "30" : "10";
                title = "StockLens 校准即将到期 · calibration due in " + minutes + " min";
                zh = "【校准提醒】" + where + "：差异 " + gap + "（" + figures + " / 仓库 " + task.warehouseQuantity()
                        + "），剩余 " + left + "，截止 北京时间 " + deadline + "，逾期 TikTok 将暂停该 SKU 接单";
                en = "Calibration due: " + where + ", gap " + gap + " (" + figures + " / warehouse "
                        + task.warehouseQuantity() + "), " + left + " left (deadline " + deadline
                        + " Beijing time); after that TikTok stops new orders for this SKU";
            }
            default -> {
                title = "StockLens 新校准任务 · new calibration task";
                zh = "【库存校准】" + where + "：差异 " + gap + "（" + figures + " / 仓库 " + task.warehouseQuantity()
                        + "），剩余 " + left + "，截止 北京时间 " + deadline + "，请在截止前申报原因";
                en = "Calibration task: " + where + ", gap " + gap + " (" + figures + " / warehouse "
                        + task.warehouseQuantity() + "), " + left + " left to declare a cause (deadline " + deadline
                        + " Beijing time)";
            }
        }
        return new TeamMessage(title, zh + "\n" + en);
    }

    /** A new alert. */
    static TeamMessage alert(Alert alert, String warehouseName) {
        String where;
        if (alert.sellerSku() != null) {
            String wh = warehouseName != null ? warehouseName : alert.warehouseId();
            where = wh == null ? alert.sellerSku() : alert.sellerSku() + " @ " + wh;
        } else {
            where = alert.sourceId() != null ? alert.sourceId() : alert.key();
        }
        String zh = "【" + chinese(alert.kind()) + "】" + where;
        String en = english(alert.kind()) + ": " + where;
        String figures = alert.actual() != null && alert.limit() != null
                ? alert.actual() + " / " + alert.limit() : null;
        if (figures != null) {
            zh += "（实际 " + figures.replace(" / ", "，阈值 ") + "）";
            en += " (actual " + figures.replace(" / ", ", limit ") + ")";
        }
        StringBuilder text = new StringBuilder(zh).append('\n').append(en);
        if (alert.detail() != null) {
            // The working in both languages, Chinese first like the lines above (once when they are the same).
            String detailZh = alert.detail().in(Locale.SIMPLIFIED_CHINESE);
            String detailEn = alert.detail().english();
            text.append('\n').append(detailZh);
            if (!detailEn.equals(detailZh)) {
                text.append('\n').append(detailEn);
            }
        }
        return new TeamMessage("StockLens 新预警 · new alert: " + english(alert.kind()), text.toString());
    }

    /** One message for many new alerts of one kind raised together (e.g. the first evaluation of a shop). */
    static TeamMessage burst(AlertKind kind, int count) {
        String zh = "【" + chinese(kind) + "】共 " + count + " 个 SKU × 仓库";
        String en = english(kind) + ": " + count + " SKU × warehouse pairs";
        return new TeamMessage("StockLens 新预警 · new alerts: " + english(kind), zh + "\n" + en);
    }

    static String chinese(AlertKind kind) {
        return switch (kind) {
            case OVERSELL_RISK -> "超卖风险";
            case MISSING_PREALLOCATION -> "订单未预占";
            case STALE_SOURCE -> "数据源未同步";
            case BELOW_SAFETY_STOCK -> "低于安全库存";
            case SLOW_MOVING -> "滞销库存";
            case RETURN_QC_OVERDUE -> "退货质检超时";
            case OVERSOLD -> "已超卖";
            case SKU_SYNC_LAG -> "SKU 同步滞后";
            case RETURN_NOT_RESTOCKED -> "退货质检通过未回填可售";
        };
    }

    static String english(AlertKind kind) {
        return switch (kind) {
            case OVERSELL_RISK -> "Oversell risk";
            case MISSING_PREALLOCATION -> "Orders not pre-allocated";
            case STALE_SOURCE -> "Source not synced";
            case BELOW_SAFETY_STOCK -> "Below safety stock";
            case SLOW_MOVING -> "Slow-moving stock";
            case RETURN_QC_OVERDUE -> "Return QC overdue";
            case OVERSOLD -> "Already oversold";
            case SKU_SYNC_LAG -> "SKU sync lag";
            case RETURN_NOT_RESTOCKED -> "Passed returns not back in available";
        };
    }

    /** {@code HH:MM:SS}, hours unbounded; negative durations read as 00:00:00. */
    static String hms(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
