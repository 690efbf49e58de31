package org.wuyi.request;

import java.time.Duration;
import java.util.List;

import org.wuyi.staff.StaffRole;

/**
 * A kind of need, as the district keeps it: its name, the roles it goes to first (in order), whether a life may be at
 * stake (the form then says to call 120 / 110 first), and its clock's targets, urgent and not. A null arrival target
 * means nobody needs to come (e.g. supplies left at the door).
 */
public record Category(String code, String nameZh, String nameEn, List<StaffRole> firstRoles, boolean lifeSafety, Targets normal,
                       Targets urgent) {

    /** Minutes from the moment the request is made to acceptance, arrival (may be null) and resolution. */
    public record Targets(Duration accept, Duration arrive, Duration resolve) {
    }

    public Targets targets(boolean isUrgent) {
        return isUrgent ? urgent : normal;
    }

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
