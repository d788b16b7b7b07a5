package io.scrapline.alert.config;

import java.time.Duration;
import java.util.Optional;

import io.scrapline.alert.domain.DeliverySchedule;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How alert-service evaluates rules and how alerts reach people: the links they carry and each channel's provider. */
@ConfigMapping(prefix = "scrapline.alert")
public interface AlertConfig {

    /**
     * The URL people reach the API at, under which an alert's links are written (each costed event's explanation, the
     * NCRs, the acknowledgement), e.g. {@code https://scrapline.example.com}: an ingress that routes {@code /api/v1} to
     * the services. Required in production ({@code SCRAPLINE_ALERT_PUBLIC_BASE_URL}).
     */
    String publicBaseUrl();

    /**
     * How often one replica of the cluster evaluates every rule of every tenant, so that an alert a lost prompt missed
     * still goes out; {@code off} to leave alerts to the prompts.
     */
    @WithDefault("30s")
    String sweepEvery();

    /**
     * How long after a window of time (a shift, a day, a week) has ended events that occurred in it may still open an
     * alert; older ones, as a load of history brings, alert nobody. Rolling windows end now; the period to date is the
     * period costing books in.
     */
    @WithDefault("7d")
    Duration maxWindowAge();

    /** Connect timeout of an outbound webhook or SMS provider request. */
    @WithDefault("5s")
    Duration connectTimeout();

    Email email();

    Delivery delivery();

    Escalation escalation();

    Webhook webhook();

    Sms sms();

    /** Scheduled distribution of reports to the audiences that subscribe to them. */
    Distribution distribution();

    interface Email {

        /**
         * Longest wait for the SMTP server to accept a message; after it the attempt counts as timed out and may be
         * retried (the server may still have taken it, so a retry can deliver it twice).
         */
        @WithDefault("60s")
        Duration timeout();
    }

    /**
     * The queue of deliveries (one per alert, recipient and channel), which every replica works on: a failed attempt is
     * retried after a back-off that doubles from {@code first-delay} up to {@code max-delay}, until
     * {@code give-up-after} has passed since the delivery came due; then, or after a permanent failure, it goes to the
     * dead letter, from which it can be sent again through the API.
     */
    interface Delivery {

        /** How often each replica claims the deliveries that are due; {@code off} leaves them to the prompts. */
        @WithDefault("5s")
        String workEvery();

        /** The wait after a delivery's first failed attempt; doubled after each further one. */
        @WithDefault("30s")
        Duration firstDelay();

        /** The longest wait between two attempts, however many failed before. */
        @WithDefault("2h")
        Duration maxDelay();

        /**
         * How long a delivery that keeps failing is retried, from when it first came due, before it goes to the dead
         * letter. An outage of the SMTP server or a receiver shorter than this loses nothing.
         */
        @WithDefault("24h")
        Duration giveUpAfter();

        /**
         * How long a claim is a worker's before another replica may take the delivery over (the worker died): longer
         * than the slowest attempt, so that an attempt in progress is not made twice.
         */
        @WithDefault("5m")
        Duration lease();

        /** How many deliveries of a tenant one replica attempts at the same time. */
        @WithDefault("4")
        int concurrency();

        default DeliverySchedule schedule() {
            return new DeliverySchedule(firstDelay(), maxDelay(), giveUpAfter());
        }
    }

    /** The escalation timers: an alert not acknowledged within a step's delay goes to the next step's audiences. */
    interface Escalation {

        /** How often each replica claims the escalation timers that are due; {@code off} stops escalation. */
        @WithDefault("10s")
        String workEvery();

        /** How long a claimed timer is a worker's before another replica may take it over. */
        @WithDefault("1m")
        Duration lease();
    }

    interface Webhook {

        /** Longest wait for a webhook receiver's answer; Standard Webhooks suggests 15 to 30 seconds. */
        @WithDefault("15s")
        Duration timeout();
    }

    /**
     * The SMS provider, an HTTP API in the shape of Twilio's Messages API: {@code POST
     * {base-url}/2010-04-01/Accounts/{account-sid}/Messages.json} with HTTP Basic authentication. SMS is off until the
     * account, the token and a sender ({@code from} or {@code messaging-service-sid}) are set.
     */
    interface Sms {

        /** The provider's API root; it passes the egress policy like any destination. */
        @WithDefault("https://api.twilio.com")
        String baseUrl();

        /** The account SID: the Basic user name and part of the path. */
        Optional<String> accountSid();

        /**
         * The account's auth token, the Basic password. Give it from a Secret through the environment
         * ({@code SCRAPLINE_ALERT_SMS_AUTH_TOKEN}) or as a reference ({@code ${TWILIO_AUTH_TOKEN}}); it is never
         * logged.
         */
        Optional<String> authToken();

        /**
         * The sending number in E.164 ({@code +15005550006}); {@code messaging-service-sid} is used instead when set.
         */
        Optional<String> from();

        /** A messaging service that picks the sender ({@code MG...}); takes precedence over {@code from}. */
        Optional<String> messagingServiceSid();

        /** Longest wait for the provider's answer. */
        @WithDefault("15s")
        Duration timeout();
    }

    /**
     * How subscribed reports go out (docs/architecture.md, "Distribution"): runs are queued once per cluster as they
     * fall due in each plant's time zone, and claimed and sent by every replica.
     */
    interface Distribution extends MailingQueueConfig {

        /**
         * How often one replica of the cluster queues the daily and weekly runs that have fallen due, and the month-end
         * runs of closes whose prompt was lost; {@code off} to queue none (a close's prompt still queues its month-end
         * runs).
         */
        @WithDefault("1m")
        String scheduleEvery();
    }
}
