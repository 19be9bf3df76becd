package com.stocklens.connector;

import com.stocklens.domain.Market;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Market and time zone of a warehouse when the provider does not state them and the seller has not
 * set {@link WarehouseOverrides}: only what is obvious. A warehouse code that starts with a market's
 * country code ({@code UKBH}, {@code USEA}, {@code MYKL}) names that market; a market with one time zone
 * gives that zone. Anything else stays unknown (null market, UTC).
 */
public final class WarehouseGuesses {
    private WarehouseGuesses() {
    }

    /** The market whose ISO code ("UK" for GB too) starts {@code code}, or null. */
    public static Market marketOfCode(String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (c.length() < 3 || !Character.isLetter(c.charAt(0)) || !Character.isLetter(c.charAt(1))) {
            return null;
        }
        return Market.fromCode(c.substring(0, 2)).orElse(null);
    }

    private static final Map<String, Market> COUNTRY_WORDS = new LinkedHashMap<>();

    static {
        COUNTRY_WORDS.put("united kingdom", Market.GB);
        COUNTRY_WORDS.put("great britain", Market.GB);
        COUNTRY_WORDS.put("england", Market.GB);
        COUNTRY_WORDS.put("英国", Market.GB);
        COUNTRY_WORDS.put("united states", Market.US);
        COUNTRY_WORDS.put("usa", Market.US);
        COUNTRY_WORDS.put("美国", Market.US);
        COUNTRY_WORDS.put("美东", Market.US);
        COUNTRY_WORDS.put("美西", Market.US);
        COUNTRY_WORDS.put("malaysia", Market.MY);
        COUNTRY_WORDS.put("马来西亚", Market.MY);
        COUNTRY_WORDS.put("singapore", Market.SG);
        COUNTRY_WORDS.put("新加坡", Market.SG);
        COUNTRY_WORDS.put("philippines", Market.PH);
        COUNTRY_WORDS.put("菲律宾", Market.PH);
        COUNTRY_WORDS.put("thailand", Market.TH);
        COUNTRY_WORDS.put("泰国", Market.TH);
        COUNTRY_WORDS.put("vietnam", Market.VN);
        COUNTRY_WORDS.put("viet nam", Market.VN);
        COUNTRY_WORDS.put("越南", Market.VN);
        COUNTRY_WORDS.put("indonesia", Market.ID);
        COUNTRY_WORDS.put("印度尼西亚", Market.ID);
        COUNTRY_WORDS.put("印尼", Market.ID);
    }

    /**
     * The market a warehouse name or address names in words ("英国仓", "…, United Kingdom"), or null
     * when it names none or more than one.
     */
    public static Market marketOfText(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.toLowerCase(Locale.ROOT);
        Market found = null;
        for (Map.Entry<String, Market> e : COUNTRY_WORDS.entrySet()) {
            String k = e.getKey();
            boolean hit = k.chars().allMatch(c -> c < 128)
                    ? Pattern.compile("\\b" + k + "\\b").matcher(t).find()
                    : t.contains(k);
            if (hit) {
                if (found != null && found != e.getValue()) {
                    return null;
                }
                found = e.getValue();
            }
        }
        return found;
    }

    /** The market's zone when it has only one in practice; UTC for the US and unknown markets. */
    public static ZoneId zoneOf(Market market) {
        if (market == null) {
            return ZoneOffset.UTC;
        }
        return switch (market) {
            case GB -> ZoneId.of("Europe/London");
            case MY -> ZoneId.of("Asia/Kuala_Lumpur");
            case SG -> ZoneId.of("Asia/Singapore");
            case PH -> ZoneId.of("Asia/Manila");
            case TH -> ZoneId.of("Asia/Bangkok");
            case VN -> ZoneId.of("Asia/Ho_Chi_Minh");
            // Indonesia and the US span several zones: no guess.
            case ID, US -> ZoneOffset.UTC;
        };
    }
}
