package io.scrapline.platform.metrics;

import java.util.List;

/**
 * Queued work a service exposes as a gauge, counted across all tenants by an owner-rights {@code backlog_*} function of
 * the schema (the application role sees one tenant at a time). The function takes {@code by_tenant boolean} and returns
 * {@code (tenant_id text, state text, backlog bigint)} rows: the tenant only when asked, the state null for a backlog
 * without states. A service declares its backlogs as beans of this type; {@link BacklogGauges} keeps their gauges.
 *
 * @param name
 *            the gauge's name as Micrometer writes it, e.g. {@code scrapline.recosting.parts} (Prometheus:
 *            {@code scrapline_recosting_parts})
 * @param description
 *            what the gauge counts
 * @param function
 *            the {@code backlog_*} function that counts it
 * @param stateTag
 *            the tag the function's states go in, or null for a backlog without states
 * @param states
 *            the states that are always shown, at zero when nothing is in them
 */
public record Backlog(String name, String description, String function, String stateTag, List<String> states) {

    public Backlog {
        if (!function.matches("backlog_[a-z_]+")) {
            throw new IllegalArgumentException("not a backlog function: " + function);
        }
        if ((stateTag == null) != states.isEmpty()) {
            throw new IllegalArgumentException("states need their tag, and a tag its states: " + name);
        }
        states = List.copyOf(states);
    }

    /** A backlog of one count. */
    public static Backlog of(String name, String description, String function) {
        return new Backlog(name, description, function, null, List.of());
    }

    /** A backlog counted by state, each state in tag {@code stateTag}. */
    public static Backlog byState(String name, String description, String function, String stateTag, String... states) {
        return new Backlog(name, description, function, stateTag, List.of(states));
    }
}
