package org.wuyi.party;

import java.util.List;

/**
 * The party organisation below a region as a tree: street/town (working) committees → community
 * committees → grid branches. Each node counts the grids below it, the branches, and the branches with
 * a secretary; a community node lists its branches when the tree is asked for a street or a community.
 */
public record PartyTree(String regionCode, String regionName, String committeeName, int grids, int branches,
                        int branchesWithSecretary, List<PartyTree> children, List<BranchLine> branchList) {

    public record BranchLine(String gridCode, String gridKind, String name, Long secretaryId, String secretaryName) {
    }
}
