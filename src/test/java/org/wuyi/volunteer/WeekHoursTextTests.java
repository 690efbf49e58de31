package org.wuyi.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The hours of a week in words, as paper forms write them, read and written back. */
class WeekHoursTextTests {

    @Test
    void theFormsPeopleWriteAreRead() {
        WeekHours hours = WeekHoursText.parse("周一至周五 18-21；周六 08:00-12:00、14-17\n周日 9-10").orElseThrow();
        assertThat(hours.hours()).isEqualTo(5 * 3 + 4 + 3 + 1);
        assertThat(hours.has(java.time.DayOfWeek.FRIDAY, 20)).isTrue();
        assertThat(hours.has(java.time.DayOfWeek.FRIDAY, 21)).as("the end hour is not included").isFalse();
        assertThat(WeekHoursText.parse("每天 19-21").orElseThrow().hours()).isEqualTo(14);
        assertThat(WeekHoursText.parse("周六、周日 08-12").orElseThrow().hours()).isEqualTo(8);
        assertThat(WeekHoursText.parse("周六至周一 22-24").orElseThrow().hours()).as("across the week's end").isEqualTo(6);
    }

    @Test
    void whatCannotBeReadIsRefusedNotGuessed() {
        for (String bad : new String[] {"", "随时", "周八 08-11", "周一 11-08", "周一 08-25", "周一", "周一 8点到11点", "每天 08-12；明天"}) {
            assertThat(WeekHoursText.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        WeekHours hours = WeekHoursText.parse("周一至周三 08-11、14-17；周日 19-22").orElseThrow();
        String text = WeekHoursText.format(hours);
        assertThat(text).isEqualTo("周一 08-11、14-17；周二 08-11、14-17；周三 08-11、14-17；周日 19-22");
        assertThat(WeekHoursText.parse(text)).contains(hours);
    }
}
