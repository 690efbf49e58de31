package org.wuyi.identity;

import org.wuyi.shared.RegionCode;

/**
 * What identity needs to know about divisions without depending on the module that keeps them: whether a
 * division exists (an account's region must). The region module implements it, so the arrow keeps pointing down.
 */
public interface KnownRegions {

    boolean exists(RegionCode code);
}
