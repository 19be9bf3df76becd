package com.stocklens.service;

import com.stocklens.domain.PushRefusal;
import java.util.List;
import java.util.Objects;

/**
 * What became of one line of a push.
 *
 * @param line          the planned line (before, after and why)
 * @param outcome       accepted by TikTok, refused (by TikTok or by the checks just before sending), or not sent
 * @param refusal       why not, when not accepted
 * @param args          the refusal's arguments
 * @param tiktokCode    TikTok's own code when TikTok refused it, else null
 * @param tiktokMessage TikTok's own words when it refused it, else null
 */
public record PushedLine(PushLine line, Outcome outcome, PushRefusal refusal, List<String> args, String tiktokCode,
                         String tiktokMessage) {
    /** What became of a line. */
    public enum Outcome {
        /** Sending (or the process stopped while it was being sent). */
        PENDING,
        ACCEPTED,
        REFUSED,
        NOT_SENT
    }

    public PushedLine {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(outcome, "outcome");
        args = List.copyOf(args);
    }

    /** The refusal in plain English, with TikTok's own words after it; "" when accepted. */
    public String problem() {
        if (refusal == null) {
            return "";
        }
        String plain = refusal.english(args);
        return tiktokMessage == null || plain.contains(tiktokMessage) ? plain
                : plain + " (TikTok: " + tiktokMessage + ")";
    }
}
