package com.stocklens.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * How one push to one robot ended. Never an exception: a failed push is a value the app shows and
 * moves on from.
 */
public sealed interface PushOutcome permits PushOutcome.Delivered, PushOutcome.Failed {

    /** {@link TeamRobot#id()} of the robot. */
    String robotId();

    TeamRobot.Platform platform();

    Instant at();

    default boolean ok() {
        return this instanceof Delivered;
    }

    /** The platform answered success. */
    record Delivered(String robotId, TeamRobot.Platform platform, Instant at) implements PushOutcome {
        public Delivered {
            Objects.requireNonNull(robotId, "robotId");
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The push did not arrive (or we cannot tell that it did).
     *
     * @param platformCode the platform's own error code ({@code errcode} for WeCom and DingTalk,
     *                     {@code code} for Feishu), or the HTTP status for {@link Cause#HTTP_STATUS};
     *                     null when there is none
     * @param reason       plain words, Chinese then English, safe to show and log (never a credential)
     */
    record Failed(String robotId, TeamRobot.Platform platform, Instant at, Cause cause, Integer platformCode,
                  String reason) implements PushOutcome {
        public Failed {
            Objects.requireNonNull(robotId, "robotId");
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a push failed, coarse enough for the UI to pick a hint. */
    enum Cause {
        /** The platform answered HTTP 200 with an error code (bad key, sign mismatch, rate limit …). */
        PLATFORM_ERROR,
        /** The platform answered a non-2xx HTTP status. */
        HTTP_STATUS,
        /** No answer: DNS, connect, TLS, timeout. */
        NETWORK,
        /** An answer we cannot read. */
        MALFORMED_RESPONSE,
        /** Held back on our side so the robot stays under the platform's per-minute limit. */
        RATE_LIMITED,
        /** Too many pushes waiting; the oldest were dropped. */
        QUEUE_FULL
    }
}
