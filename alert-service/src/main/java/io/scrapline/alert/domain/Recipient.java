package io.scrapline.alert.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A member of a subscribed audience as a recipient of one plant's report, with the view their role gets: a controller
 * the controller view, quality the quality view, a supervisor the supervisor view of each of their lines, any other
 * role (an administrator, a plant manager) every section. A member limited to lines gets one report per line, of the
 * lines the plant has; a supervisor, or a member limited to lines, without one of the plant's lines gets none.
 *
 * @param limited
 *            whether the member is limited to lines (some of which the plant may not have)
 */
public record Recipient(String email, String name, String role, String view, List<String> lines, boolean limited) {

    /** The view of every section: the report without {@code ?view=}. */
    public static final String FULL = "full";
    public static final String SUPERVISOR = "supervisor";

    public Recipient {
        lines = List.copyOf(lines);
    }

    /** One report of the recipient's view, of one line or (line null) of the whole plant. */
    public record ReportView(String view, String line) {

        /** The view as the report's {@code view} parameter: none for every section. */
        public String parameter() {
            return FULL.equals(view) ? null : view;
        }

        /** How a file name or a message names it: controller, supervisor-L1, full. */
        public String label() {
            return line == null ? view : view + "-" + line;
        }
    }

    /**
     * The members with an email address as recipients for a plant whose lines are {@code plantLines}, one per address
     * (the first member of it): a person listed twice gets one email.
     */
    public static List<Recipient> all(List<Member> members, Set<String> plantLines) {
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        for (Member member : members) {
            if (member.email() != null && !member.email().isBlank()) {
                byAddress.putIfAbsent(member.email(),
                        of(member.email(), member.name(), member.role(), member.lines(), plantLines));
            }
        }
        return List.copyOf(byAddress.values());
    }

    /** The recipient a member is for a plant whose lines are {@code plantLines}. */
    public static Recipient of(String email, String name, String role, List<String> memberLines,
            Set<String> plantLines) {
        String view = switch (role == null ? "" : role) {
            case "controller", "quality", SUPERVISOR -> role;
            default -> FULL;
        };
        List<String> lines = memberLines == null ? List.of()
                : memberLines.stream().filter(plantLines::contains).distinct().sorted().toList();
        return new Recipient(email, name, role, view, lines, memberLines != null && !memberLines.isEmpty());
    }

    /** The reports the recipient gets; none when the plant has none of the lines the recipient needs. */
    public List<ReportView> views() {
        if (lines.isEmpty()) {
            return limited || SUPERVISOR.equals(view) ? List.of() : List.of(new ReportView(view, null));
        }
        return lines.stream().map(line -> new ReportView(view, line)).toList();
    }
}
