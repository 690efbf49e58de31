package org.wuyi.region.internal;

import org.springframework.stereotype.Component;
import org.wuyi.identity.KnownRegions;
import org.wuyi.shared.RegionCode;

/** Tells identity which divisions exist (for an account's region). */
@Component
class RegionsKnownToIdentity implements KnownRegions {

    private final RegionRepository regions;

    RegionsKnownToIdentity(RegionRepository regions) {
        this.regions = regions;
    }

    @Override
    public boolean exists(RegionCode code) {
        return regions.find(code).isPresent();
    }
}
