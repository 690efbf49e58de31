package org.wuyi.volunteer;

/** What a volunteer can do beyond standing at a gate; some posts need one (a health-code check needs {@code HEALTH_CHECK}). */
public enum Skill {
    FIRST_AID, DRIVING, MEDICAL, HEALTH_CHECK, PSYCHOLOGICAL, REPAIRS
}
