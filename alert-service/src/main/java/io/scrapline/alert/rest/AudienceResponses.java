package io.scrapline.alert.rest;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.alert.domain.IssuedSecret;

/** Response bodies of the audience endpoints. */
@RegisterForReflection(targets = { AudienceResponses.Written.class, AudienceResponses.Secret.class,
        AudienceResponses.Audience.class, AudienceResponses.Member.class, AudienceRequests.Quiet.class })
public final class AudienceResponses {

    private AudienceResponses() {
    }

    /** The answer to a write that made webhook secrets: each shown here once, and never again. */
    public record Written(List<Secret> webhookSecrets) {

        static Written of(List<IssuedSecret> issued) {
            return new Written(issued.stream()
                    .map(secret -> new Secret(secret.row(), secret.name(), secret.webhookUrl(), secret.secret()))
                    .toList());
        }
    }

    /** The signing secret ({@code whsec_...}) of the webhook of the member in {@code row} (from 1). */
    public record Secret(int row, String name, String webhookUrl, String secret) {
    }

    public record Audience(String audience, List<Member> members) {
    }

    /** A member as stored; a webhook's secret shows only as {@code webhook_secret_set}. */
    public record Member(String name, String role, String email, String phone, String webhookUrl, String webhookFormat,
            boolean webhookSecretSet, AudienceRequests.Quiet quietHours, String digest, List<String> lines) {

        static Member of(io.scrapline.alert.domain.Member member) {
            return new Member(member.name(), member.role(), member.email(), member.phone(), member.webhookUrl(),
                    member.webhookFormat() == null ? null : member.webhookFormat().code(),
                    member.webhookSecret() != null,
                    member.quietHours() == null ? null
                            : new AudienceRequests.Quiet(member.quietHours().zone().getId(),
                                    member.quietHours().start().toString(), member.quietHours().end().toString()),
                    member.hourlyDigest() ? "hourly" : "off", member.lines());
        }
    }
}
