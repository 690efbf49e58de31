package org.wuyi.identity;

import java.util.List;

/**
 * What identity needs to know about who leads which grid without depending on the module that keeps it: a grid
 * leader's account is tied to the person who leads the grid. The party module implements it (the grid leader is
 * the grid branch's secretary).
 */
public interface GridLeaders {

    /** The codes of the grids this person leads now; empty when none. */
    List<String> gridsLedBy(long personId);
}
