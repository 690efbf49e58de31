package org.wuyi.volunteer;

/** Where a sign-up stands: waiting for the community, approved (in the roster), declined, or withdrawn by the volunteer. */
public enum VolunteerState {
    PENDING, APPROVED, DECLINED, WITHDRAWN
}
