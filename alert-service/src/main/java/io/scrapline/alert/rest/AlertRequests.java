package io.scrapline.alert.rest;

import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Request bodies of the alert endpoints. */
@RegisterForReflection(targets = { AlertRequests.Comment.class })
public final class AlertRequests {

    private AlertRequests() {
    }

    /** An acknowledgement or resolution of an alert, with an optional comment. */
    public record Comment(@Size(max = 2000) String comment) {
    }
}
