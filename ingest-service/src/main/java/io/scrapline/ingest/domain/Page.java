package io.scrapline.ingest.domain;

import java.util.List;
import java.util.Map;

/**
 * One page fetched from a source: its records, already mapped to record fields, and the cursor that fetches the page
 * after it — null when the source says there is none (yet).
 */
public record Page(List<Map<String, String>> rows, String nextCursor) {
}
