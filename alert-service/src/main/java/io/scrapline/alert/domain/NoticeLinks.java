package io.scrapline.alert.domain;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The links an alert carries, under the public base URL people reach the API at
 * ({@code scrapline.alert.public-base-url}).
 */
public final class NoticeLinks {

    private final String base;

    /**
     * @throws IllegalArgumentException
     *             unless {@code publicBaseUrl} is an absolute http or https URL
     */
    public NoticeLinks(String publicBaseUrl) {
        URI uri = URI.create(publicBaseUrl.strip());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("the public base URL must be an absolute http or https URL");
        }
        String text = uri.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** The event's explanation: {@code GET /api/v1/costed-events/{id}}. */
    public String costedEvent(long eventId) {
        return base + "/api/v1/costed-events/" + eventId;
    }

    /**
     * Where an NCR is read. The API has no NCR resource: this lists the plant's costed events that name the NCR.
     */
    public String ncr(String plant, String ncr) {
        return base + "/api/v1/costed-events?plant=" + query(plant) + "&ncr=" + query(ncr);
    }

    /** The alert log. */
    public String alerts() {
        return base + "/api/v1/alerts";
    }

    /** The alert itself. */
    public String alert(String alertId) {
        return base + "/api/v1/alerts/" + segment(alertId);
    }

    /** Where the alert is acknowledged, with a {@code POST}. */
    public String acknowledge(String alertId) {
        return alert(alertId) + "/acknowledge";
    }

    /** The open costing exceptions of a plant (costing-service's listing). */
    public String openExceptions(String plant) {
        return base + "/api/v1/exceptions?plant=" + query(plant) + "&status=open";
    }

    /** A path of the API, such as a cross-reference's, under the base URL. */
    public String api(String path) {
        return base + path;
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
