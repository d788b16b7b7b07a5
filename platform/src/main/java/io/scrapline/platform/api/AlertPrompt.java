package io.scrapline.platform.api;

import java.util.List;

/** costing-service to alert-service: these rollups changed; evaluate the rules that watch them. */
public record AlertPrompt(String plant, String period, List<String> defectCodes) {
}
