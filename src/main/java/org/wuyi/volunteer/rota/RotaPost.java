package org.wuyi.volunteer.rota;

import org.wuyi.volunteer.Skill;

/**
 * A gate post: a gate of a compound and what standing there asks of a volunteer. {@code suitsOlder} false keeps
 * volunteers of 60 and over away (a busy main gate, lifting barriers); {@code requiredSkill} (may be null) binds the
 * post to trained people (a health-code check needs {@link Skill#HEALTH_CHECK}). Night hours (22:00–06:00) never suit
 * older volunteers, whatever the post.
 */
public record RotaPost(long id, long compoundId, boolean compoundManaged, double lon, double lat, String gateName,
                       boolean suitsOlder, Skill requiredSkill, long gateId) {

    /** A post whose gate nobody names as preferred (tests, benchmarks). */
    public RotaPost(long id, long compoundId, boolean compoundManaged, double lon, double lat, String gateName, boolean suitsOlder,
                    Skill requiredSkill) {
        this(id, compoundId, compoundManaged, lon, lat, gateName, suitsOlder, requiredSkill, -id);
    }

    public static boolean night(int hour) {
        return hour >= 22 || hour < 6;
    }

    @Override
    public String toString() {
        return gateName + "#" + id;
    }
}
