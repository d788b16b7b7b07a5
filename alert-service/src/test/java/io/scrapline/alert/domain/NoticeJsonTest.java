package io.scrapline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A notice is stored as JSON with its alert and read back, for each delivery, exactly as it was. */
class NoticeJsonTest {

    @Test
    void aNoticeReadsBackEqualWithItsEventsNcrsAndTheWindowsZone() {
        Notice notice = Notices.shiftCost();

        Notice read = NoticeJson.read(NoticeJson.write(notice));

        assertThat(read).isEqualTo(notice);
        assertThat(read.window().start().getZone()).isEqualTo(Notices.DAYTON);
        assertThat(read.ncrs()).containsExactly("NCR-1042", "NCR-1043");
    }

    @Test
    void absentValuesStayAbsentAndDecimalsKeepTheirScale() {
        Notice notice = Notices.rollingQuantity();

        Notice read = NoticeJson.read(NoticeJson.write(notice));

        assertThat(read).isEqualTo(notice);
        assertThat(read.line()).isNull();
        assertThat(read.ruleName()).isNull();
        assertThat(read.measure().threshold().toPlainString()).isEqualTo("1000");
        assertThat(NoticeJson.write(Notices.shiftCost())).contains("\"figure\":\"4215.50\"");
    }

    @Test
    void textThatIsNoNoticeIsRefused() {
        assertThatThrownBy(() -> NoticeJson.read("not json")).isInstanceOf(IllegalArgumentException.class);
    }
}
