package org.wuyi.grid;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.internal.CompoundRepository;
import org.wuyi.identity.RegionScope;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;

/** Compounds with their buildings and gates, as a signed-in user may see them: only inside their region. */
@Service
@Transactional(readOnly = true)
public class CompoundService {

    private final CompoundRepository compounds;
    private final RegionService regions;
    private final RegionScope scope;

    CompoundService(CompoundRepository compounds, RegionService regions, RegionScope scope) {
        this.compounds = compounds;
        this.regions = regions;
        this.scope = scope;
    }

    /** The compounds below a region (403 outside the user's region, 404 unknown region). */
    public List<CompoundView> compounds(RegionCode region) {
        scope.check(region);
        regions.get(region);
        return compounds.within(region);
    }

    /** One compound (404 unknown; 403 when its grid is outside the user's region). */
    public CompoundView compound(long id) {
        CompoundView compound = compounds.find(id).orElseThrow(() -> new CompoundNotFoundException(id));
        scope.check(compound.gridCode());
        return compound;
    }
}
