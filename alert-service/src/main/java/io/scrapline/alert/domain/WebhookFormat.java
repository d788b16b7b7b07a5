package io.scrapline.alert.domain;

import java.util.Locale;
import java.util.function.BiFunction;

/** The payload a webhook endpoint takes, chosen per endpoint. */
public enum WebhookFormat {

    /** {@code scrapline.alert.v1}: see {@link AlertPayload}. */
    GENERIC(AlertPayload::render, AlertPayload::render),
    /** A Slack incoming webhook: see {@link SlackMessage}. */
    SLACK(SlackMessage::render, SlackMessage::render),
    /** A Microsoft Teams incoming webhook or Workflows trigger: see {@link TeamsMessage}. */
    TEAMS(TeamsMessage::render, TeamsMessage::render);

    private final BiFunction<Notice, NoticeLinks, String> notice;
    private final BiFunction<Digest, NoticeLinks, String> digest;

    WebhookFormat(BiFunction<Notice, NoticeLinks, String> notice, BiFunction<Digest, NoticeLinks, String> digest) {
        this.notice = notice;
        this.digest = digest;
    }

    public String render(Notice alert, NoticeLinks links) {
        return notice.apply(alert, links);
    }

    public String render(Digest alerts, NoticeLinks links) {
        return digest.apply(alerts, links);
    }

    /** As written in settings: {@code generic}, {@code slack}, {@code teams}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException
     *             for a name that is no format
     */
    public static WebhookFormat of(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
