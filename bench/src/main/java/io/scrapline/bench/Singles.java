package io.scrapline.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * Single defect events sent through ingest one at a time, at a steady pace, while a bulk load runs; each is timed from
 * its commit, which is when ingest answered 201 (the batch's transaction commits before the answer is written).
 */
final class Singles {

    private static final String HEADER = "source_id,plant,line,work_center,part,defect_code,quantity,disposition,"
            + "occurred_at,shift,operation\n";

    private Singles() {
    }

    /** A CSV body of one scrapped defect on line L1 at WC-110, shift A, operation 0030. */
    static String csv(String id, String plant, String part, String code, int quantity, String occurredAt) {
        return HEADER + String.format(Locale.ROOT, "%s,%s,L1,WC-110,%s,%s,%d,scrap,%s,A,0030\n", id, plant, part, code,
                quantity, occurredAt);
    }

    /**
     * Calls {@code post} with 1 to {@code count}, one call every {@code every} (from the start of one to the start of
     * the next, unless a call takes longer); {@code post} sends the event, checks the answer and returns the event's
     * id. Returns when each id was committed, as a {@link System#nanoTime()}.
     */
    static Map<String, Long> send(int count, Duration every, IntFunction<String> post) {
        Map<String, Long> committed = new ConcurrentHashMap<>();
        for (int i = 1; i <= count; i++) {
            long sent = System.nanoTime();
            String id = post.apply(i);
            committed.put(id, System.nanoTime());
            long next = sent + every.toNanos() - System.nanoTime();
            if (next > 0) {
                LocalStack.sleep(next / 1_000_000);
            }
        }
        return committed;
    }

    /**
     * Milliseconds from each id's time in {@code from} to its time in {@code to}; ids not in {@code to} are left out.
     */
    static double[] millis(Map<String, Long> from, Map<String, Long> to) {
        return from.keySet().stream().filter(to::containsKey).mapToDouble(id -> (to.get(id) - from.get(id)) / 1e6)
                .map(ms -> Math.max(ms, 0)).toArray();
    }
}
