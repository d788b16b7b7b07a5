package io.scrapline.platform.api;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** costing-service to alert-service: these rollups changed; evaluate the rules that watch them. */
@RegisterForReflection
public record AlertPrompt(String plant, String period, List<String> defectCodes) {
}
