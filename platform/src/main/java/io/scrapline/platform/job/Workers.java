package io.scrapline.platform.job;

import java.util.Optional;
import java.util.UUID;

/** Names of workers in the job tables' {@code claimed_by} and the cluster leases' {@code holder}. */
public final class Workers {

    private Workers() {
    }

    /**
     * This replica: the pod name in Kubernetes ({@code HOSTNAME}), or {@code fallback} outside it, made unique per
     * start so that a restarted pod does not take its predecessor's claims for its own.
     */
    public static String id(String fallback) {
        return Optional.ofNullable(System.getenv("HOSTNAME")).orElse(fallback) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
