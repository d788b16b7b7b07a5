package io.scrapline.alert.domain;

import java.util.Locale;

/** How a delivery reaches its recipient. */
public enum Channel {

    /** An email to the member's address, through the SMTP server. */
    EMAIL,
    /** An SMS to the member's E.164 number, through the SMS provider. */
    SMS,
    /** A signed POST to the member's webhook endpoint. */
    WEBHOOK;

    /** As stored and shown: {@code email}, {@code sms}, {@code webhook}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException
     *             for a name that is no channel
     */
    public static Channel of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
