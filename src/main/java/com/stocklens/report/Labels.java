package com.stocklens.report;

import com.stocklens.domain.Coverage;
import com.stocklens.domain.HealthIndicator;
import com.stocklens.domain.Verdict;
import com.stocklens.domain.Wording;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The exported reports' words in one language (com/stocklens/report/labels*.properties; zh and en). */
public final class Labels {
    private final ResourceBundle bundle;
    private final Locale locale;

    private Labels(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** Chinese for any zh locale, else English; never the JVM default locale's bundle by accident. */
    public static Labels of(Locale locale) {
        Locale l = locale != null && "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        ResourceBundle b = ResourceBundle.getBundle("com.stocklens.report.labels", new Locale(l.getLanguage()),
                Labels.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Labels(b, l);
    }

    public Locale locale() {
        return locale;
    }

    public boolean chinese() {
        return "zh".equals(locale.getLanguage());
    }

    public String get(String key) {
        return bundle.getString(key);
    }

    /** The words of a rule (a figure's working, a finding) in this language; "" for none. */
    public String words(Wording wording) {
        return wording == null ? "" : wording.in(locale);
    }

    public String indicator(HealthIndicator i) {
        return get("indicator." + i.name());
    }

    public String verdict(Verdict v) {
        return get("verdict." + v.name());
    }

    /**
     * What a figure rests on in words ("1 of 66 days of history", "age known for 72 % of units (…)"), empty when
     * it states nothing (a reading of the stock at the close).
     */
    public String coverage(Coverage c) {
        if (c == null) {
            return "";
        }
        if (c.days() != null) {
            return MessageFormat.format(get("coverage.days"), String.valueOf(c.days()), String.valueOf(c.ofDays()));
        }
        Double known = c.unitPercent();
        return known == null ? "" : MessageFormat.format(get("coverage.units"),
                String.format(Locale.ROOT, "%.0f", known), String.valueOf(c.knownUnits()), String.valueOf(c.ofUnits()));
    }

    /** The band in words ("≤ 45"), empty for informational indicators. */
    public String band(HealthIndicator i, Double band) {
        if (band == null || !bundle.containsKey("band." + i.name())) {
            return "";
        }
        String n = band == Math.rint(band) ? String.valueOf(band.longValue()) : String.valueOf(band);
        return MessageFormat.format(get("band." + i.name()), n);
    }
}
