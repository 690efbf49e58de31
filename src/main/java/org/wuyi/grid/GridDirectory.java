package org.wuyi.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.internal.CompoundRepository;
import org.wuyi.grid.internal.GridRepository;
import org.wuyi.grid.internal.StoredGrid;
import org.wuyi.shared.RegionCode;

/**
 * Facts about grids <em>without a scope check</em>, for other modules' services that have checked their
 * caller's region themselves, and for work no user started (demo data, escalation). Never for a controller:
 * {@code ArchitectureTests} fails the build when a web class depends on a {@code *Directory}. What a user
 * asks for goes through {@link GridService}, which checks the scope.
 */
@Service
@Transactional(readOnly = true)
public class GridDirectory {

    private final GridRepository grids;
    private final CompoundRepository compounds;

    GridDirectory(GridRepository grids, CompoundRepository compounds) {
        this.grids = grids;
        this.compounds = compounds;
    }

    /** The compounds below a region with their buildings and gates (for public pages such as the volunteer sign-up). */
    public List<CompoundView> compounds(RegionCode region) {
        return compounds.within(region);
    }

    /** The compounds of one grid with their buildings and gates (a grid's work in wartime: each building of it). */
    public List<CompoundView> compoundsOf(String gridCode) {
        return RegionCode.parse(gridCode.substring(0, 12)).map(community -> compounds.within(community).stream()
                .filter(compound -> compound.gridCode().equals(gridCode)).toList()).orElse(List.of());
    }

    /** One compound with its buildings and gates. */
    public Optional<CompoundView> compound(long id) {
        return compounds.find(id);
    }

    /** A building by its id (for a risk area drawn on a building). */
    public Optional<BuildingRef> building(long id) {
        return compounds.building(id);
    }

    /** A compound's buildings by name, with their ids (households name their building by id), in the buildings' order. */
    public java.util.Map<String, Long> buildingIds(long compoundId) {
        return compounds.buildingIds(compoundId);
    }

    /** The codes of the active grids of one kind below a region, in code order. */
    public List<String> gridCodesIn(RegionCode region, GridKind kind) {
        return grids.activeCodes(region, kind);
    }

    /** The compounds of each residential grid below a region (grid code → compound names, in id order). */
    public Map<String, List<String>> compoundNamesByGrid(RegionCode region) {
        Map<String, List<String>> names = new TreeMap<>();
        grids.compoundsOf(region).forEach(compound ->
                names.computeIfAbsent(compound.gridCode().value(), grid -> new ArrayList<>()).add(compound.name()));
        return names;
    }

    /** The industry authority of each work-unit grid below a region (that of its first registered unit). */
    public Map<String, String> workUnitAuthorities(RegionCode region) {
        return grids.firstAuthorities(region);
    }

    /** The names of grids by code. */
    public Map<String, String> gridNames(List<String> codes) {
        return grids.names(codes);
    }

    /** The name of an active or retired grid. */
    public Optional<String> gridName(GridCode code) {
        return grids.find(code).map(StoredGrid::name);
    }
}
