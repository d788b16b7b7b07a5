package io.scrapline.alert.rest;

import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.alert.domain.AlertState;

/** Response bodies of the delivery endpoints, and of an alert with its deliveries. */
@RegisterForReflection(targets = { DeliveryResponses.Delivery.class, DeliveryResponses.Attempt.class,
        DeliveryResponses.AlertDetail.class, DeliveryResponses.Response.class, DeliveryResponses.Escalation.class })
public final class DeliveryResponses {

    private DeliveryResponses() {
    }

    /**
     * A delivery: an alert ({@code kind} {@code alert}) or a digest of a recipient's warnings of an hour
     * ({@code digest}) to one recipient on one {@code channel} ({@code email}, {@code sms}, {@code webhook}; a
     * webhook's destination shows only its scheme and host); {@code status} {@code queued} (due at {@code due_at}),
     * {@code running}, {@code delivered} or {@code dead} (the dead letter, which can be sent again); the last attempt's
     * status code, error class, error and the provider's message id; {@code attempts} every attempt, in the answer for
     * one delivery only.
     */
    public record Delivery(long id, String kind, List<Long> alerts, String audience, Integer step, String recipient,
            String role, String channel, String destination, String level, String status, int attemptCount,
            OffsetDateTime dueAt, Integer lastStatusCode, String lastErrorClass, String lastError,
            String providerMessageId, OffsetDateTime createdAt, OffsetDateTime finishedAt, String resentBy,
            OffsetDateTime resentAt, List<Attempt> attempts) {

        static Delivery of(io.scrapline.alert.domain.Delivery delivery) {
            return new Delivery(delivery.id(), delivery.kind(), delivery.alerts(), delivery.audience(), delivery.step(),
                    delivery.recipient(), delivery.role(), delivery.channel().code(), delivery.destination(),
                    delivery.level(), delivery.status(), delivery.attemptCount(), delivery.dueAt(),
                    delivery.lastStatusCode(), delivery.lastErrorClass(), delivery.lastError(),
                    delivery.providerMessageId(), delivery.createdAt(), delivery.finishedAt(), delivery.resentBy(),
                    delivery.resentAt(),
                    delivery.attempts().stream()
                            .map(a -> new Attempt(a.attempt(), a.startedAt(), a.finishedAt(), a.result(),
                                    a.statusCode(), a.providerMessageId(), a.errorClass(), a.summary(), a.outcome(),
                                    a.nextAttemptAt()))
                            .toList());
        }
    }

    /**
     * One attempt: {@code result} {@code delivered}, {@code failed_retryable} or {@code failed_permanent} with the
     * provider's answer; {@code outcome} {@code delivered}, {@code retry} (at {@code next_attempt_at}) or {@code dead}.
     */
    public record Attempt(int attempt, OffsetDateTime startedAt, OffsetDateTime finishedAt, String result,
            Integer statusCode, String providerMessageId, String errorClass, String summary, String outcome,
            OffsetDateTime nextAttemptAt) {
    }

    /**
     * An alert with what became of it: its {@code level}, who acknowledged and resolved it, its escalation (null
     * without a policy) and its deliveries.
     */
    public record AlertDetail(AlertResponses.Alert alert, String level, Response acknowledged, Response resolved,
            Escalation escalation, List<Delivery> deliveries) {

        static AlertDetail of(AlertState state) {
            AlertState.Escalation e = state.escalation();
            return new AlertDetail(AlertResponses.Alert.of(state.alert()), state.level(),
                    Response.of(state.acknowledged()), Response.of(state.resolved()),
                    e == null ? null
                            : new Escalation(e.policy(), e.steps(), e.nextStep(), e.status(), e.nextAt(), e.stoppedBy(),
                                    e.lastError()),
                    state.deliveries().stream().map(Delivery::of).toList());
        }
    }

    /** Who acknowledged or resolved the alert, when, and their comment. */
    public record Response(String by, OffsetDateTime at, String comment) {

        static Response of(AlertState.Response response) {
            return response == null ? null : new Response(response.by(), response.at(), response.comment());
        }
    }

    /**
     * The escalation by {@code policy} ({@code steps} steps): {@code status} {@code waiting} for {@code next_step} at
     * {@code next_at}, {@code running}, {@code stopped} ({@code stopped_by} {@code acknowledged}, {@code resolved} or
     * {@code last_step}) or {@code failed}.
     */
    public record Escalation(String policy, int steps, Integer nextStep, String status, OffsetDateTime nextAt,
            String stoppedBy, String lastError) {
    }
}
