package org.wuyi.request;

import java.time.Instant;

/**
 * A request as the API shows it: where it was routed (grid, role, whether to the grid leader for want of anyone in the
 * role), its state and owner, and its clock (the deadlines, and when each step happened). The mobile is masked.
 */
public record RequestView(long id, String category, boolean urgent, String communityCode, String gridCode, String role,
                          boolean routedToLeader, Long compoundId, String building, String room, Double lon, Double lat, String name,
                          String mobile, String description, RequestState state, Long ownerPersonId, String ownerName,
                          String ownerMobile, Instant createdAt, Instant acceptDue, Instant arriveDue, Instant resolveDue,
                          Instant acceptedAt, Instant arrivedAt, Instant resolvedAt, Instant closedAt, int recipients,
                          String callback, int reopened, int passBacks, int escalations) {
}
