package com.stocklens.notify;

import java.util.Objects;

/**
 * What to post to the team's chat, platform-neutral: each {@link TeamPushClient} lays it out in its
 * own message type. Bilingual by convention, Chinese line first, English second.
 *
 * @param title one short line; DingTalk shows it in the chat list, others as the first line
 * @param text  the body, plain text lines separated by {@code \n}
 */
public record TeamMessage(String title, String text) {
    public TeamMessage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
    }

    /** Title and body as one plain-text block. */
    public String plain() {
        return title + "\n" + text;
    }
}
