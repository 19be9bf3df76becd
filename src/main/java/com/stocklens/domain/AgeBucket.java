package com.stocklens.domain;

/** Inventory age buckets of docs/DOMAIN.md (days since receipt, receipt day = day 1). */
public enum AgeBucket {
    D0_30(0, 30, "0–30"),
    D31_60(31, 60, "31–60"),
    D61_90(61, 90, "61–90"),
    D91_180(91, 180, "91–180"),
    D181_270(181, 270, "181–270"),
    D271_365(271, 365, "271–365"),
    D365_PLUS(366, Integer.MAX_VALUE, "365+");

    private final int fromDay;
    private final int toDay;
    private final String label;

    AgeBucket(int fromDay, int toDay, String label) {
        this.fromDay = fromDay;
        this.toDay = toDay;
        this.label = label;
    }

    public int fromDay() {
        return fromDay;
    }

    public int toDay() {
        return toDay;
    }

    public String label() {
        return label;
    }

    /** The bucket of an age in days (day 1 = the receipt day; 0 is treated as day 1). */
    public static AgeBucket of(int ageDays) {
        for (AgeBucket b : values()) {
            if (ageDays <= b.toDay) {
                return b;
            }
        }
        return D365_PLUS;
    }
}
