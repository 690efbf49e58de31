package org.wuyi.party;

import java.util.List;

/**
 * A grid's party branch: who formed it (the street committee for a residential grid, an industry
 * authority for a work-unit grid), its secretary — for a residential grid also the grid leader (网格长),
 * the same stored fact — and its committee members with their source and four-haves assessment (四有).
 * Mobiles are in full only for the roles that call people ({@code mobilesMasked} says which).
 */
public record BranchView(String gridCode, String gridName, String gridKind, String name, String formedByCommittee,
                         String formedByCommitteeName, String authority, String founded, Person secretary,
                         boolean secretaryIsGridLeader, List<Member> members, int version, boolean mobilesMasked) {

    public record Person(long id, String name, String mobile, boolean partyMember) {
    }

    public record Member(Person person, MemberSource source, FourHaves fourHaves) {
    }

    /** The four haves: capability, standing, public spirit, enthusiasm (有能力、有威望、有公心、有热情). */
    public record FourHaves(boolean capability, boolean standing, boolean publicSpirit, boolean enthusiasm) {
        public boolean all() {
            return capability && standing && publicSpirit && enthusiasm;
        }
    }
}
