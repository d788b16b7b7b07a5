package io.scrapline.alert.domain;

import java.util.ArrayList;
import java.util.List;

/** How a scope reads in a message. */
final class Scopes {

    private Scopes() {
    }

    /** Plant, line and work center as far as they are given: {@code DAY1/L2/WC-40}. */
    static String where(String plant, String line, String workCenter) {
        List<String> parts = new ArrayList<>(List.of(plant));
        if (line != null) {
            parts.add(line);
        }
        if (workCenter != null) {
            parts.add(workCenter);
        }
        return String.join("/", parts);
    }
}
