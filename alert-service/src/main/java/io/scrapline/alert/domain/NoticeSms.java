package io.scrapline.alert.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * An alert, or a digest, as an SMS of at most {@link #MAX_LENGTH} characters (two concatenated segments): level, plant
 * and line, code, the figure against the threshold, the window, the NCR ids and one link. When it does not fit, NCR ids
 * beyond the first are counted instead of listed, then the text before them is shortened; the link stays.
 */
public final class NoticeSms {

    public static final int MAX_LENGTH = 320;
    private static final String ELLIPSIS = "...";

    private NoticeSms() {
    }

    public static String render(Notice notice, NoticeLinks links) {
        String core = "Scrapline " + notice.level().name() + " " + compactWhere(notice)
                + (notice.what() == null ? "" : " " + notice.what()) + ": " + notice.measure().metric().code() + " "
                + notice.figureText() + " > " + notice.thresholdText() + " (" + notice.window().kind().words()
                + (notice.window().label() == null ? "" : " " + notice.window().label()) + ").";
        List<String> ncrs = notice.ncrs();
        String link = " " + links.alert(notice.alertId());
        for (int listed = ncrs.size(); listed >= 1; listed--) {
            String text = core + ncrText(ncrs, listed) + link;
            if (NoticeText.oneLine(text).length() <= MAX_LENGTH) {
                return NoticeText.oneLine(text);
            }
        }
        String ncrPart = ncrs.isEmpty() ? "" : ncrText(ncrs, 1);
        return fit(core, ncrPart + link);
    }

    public static String render(Digest digest, NoticeLinks links) {
        String head = "Scrapline " + digest.headline() + ".";
        List<String> items = new ArrayList<>();
        for (Notice notice : digest.notices()) {
            items.add(" " + notice.level().name() + " " + compactWhere(notice)
                    + (notice.what() == null ? "" : " " + notice.what()) + " " + notice.figureText()
                    + (notice.ncrs().isEmpty() ? "" : " NCR " + String.join(",", notice.ncrs())) + ";");
        }
        String link = " " + links.alerts();
        StringBuilder text = new StringBuilder(head);
        int shown = 0;
        for (String item : items) {
            int after = items.size() - shown - 1;
            String more = after > 0 ? " +" + after + " more." : "";
            if (text.length() + item.length() + more.length() + link.length() > MAX_LENGTH) {
                break;
            }
            text.append(item);
            shown++;
        }
        if (shown == 0) {
            return fit(head + items.get(0), (items.size() > 1 ? " +" + (items.size() - 1) + " more." : "") + link);
        }
        if (shown < items.size()) {
            text.append(" +").append(items.size() - shown).append(" more.");
        }
        return NoticeText.oneLine(text + link);
    }

    /** {@code DAY1/L2/WC-40}. */
    private static String compactWhere(Notice notice) {
        return notice.where().replace(" / ", "/");
    }

    /** {@code NCR NCR-1042, NCR-1043 +2 more.} with the first {@code listed} ids. */
    private static String ncrText(List<String> ncrs, int listed) {
        int more = ncrs.size() - listed;
        return " NCR " + String.join(", ", ncrs.subList(0, listed)) + (more > 0 ? " +" + more + " more" : "") + ".";
    }

    /** {@code head} shortened with an ellipsis so that it and {@code tail} fit; the tail too if it alone is over. */
    private static String fit(String head, String tail) {
        String oneHead = NoticeText.oneLine(head);
        String oneTail = NoticeText.oneLine(tail);
        int room = MAX_LENGTH - oneTail.length();
        if (room < ELLIPSIS.length() + 1) {
            return oneTail.strip().substring(0, Math.min(MAX_LENGTH, oneTail.strip().length()));
        }
        return (oneHead.length() <= room ? oneHead : oneHead.substring(0, room - ELLIPSIS.length()) + ELLIPSIS)
                + oneTail;
    }
}
