package org.wuyi.grid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.locationtech.jts.geom.Geometry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.internal.CoverageChecker;
import org.wuyi.grid.internal.Geo;
import org.wuyi.grid.internal.GridIndex;
import org.wuyi.grid.internal.GridRepository;
import org.wuyi.grid.internal.PlacePoint;
import org.wuyi.grid.internal.ShapeReader;
import org.wuyi.grid.internal.StoredGrid;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Role;
import org.wuyi.identity.Roles;
import org.wuyi.region.Region;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;

/** Grids as the signed-in user may see them: lookups, the coverage check, the map's layers. */
@Service
@Transactional(readOnly = true)
public class GridService {

    private final GridRepository grids;
    private final GridIndex index;
    private final RegionService regions;
    private final RegionScope scope;
    private final CoverageChecker checker;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    /** Who may change a community's grids: its secretary and those above. */
    static final Set<Role> EDITORS = Roles.KEEPERS;

    GridService(GridRepository grids, GridIndex index, RegionService regions, RegionScope scope, AuditLog audit,
                ApplicationEventPublisher events, CoverageChecker checker) {
        this.grids = grids;
        this.index = index;
        this.regions = regions;
        this.scope = scope;
        this.audit = audit;
        this.events = events;
        this.checker = checker;
    }

    /**
     * The grid at a point, if the point lies in an active grid inside the user's region. A grid
     * outside the region is reported as no grid, so lookups reveal nothing beyond it.
     */
    public Optional<GridLocation> locate(double lon, double lat) {
        return index.locate(lon, lat)
                .filter(entry -> scope.covers(entry.code().value()))
                .map(entry -> location(entry.code(), entry.name(), entry.kind()));
    }

    /**
     * The grid at a point within a region, without a user: for a client acting for that region (an Open311 hotline
     * keyed to it). A grid outside the region is reported as no grid.
     */
    public Optional<GridLocation> locateIn(RegionCode region, double lon, double lat) {
        return index.locate(lon, lat)
                .filter(entry -> region.containsCode(entry.code().value()))
                .map(entry -> location(entry.code(), entry.name(), entry.kind()));
    }

    /**
     * The grid of an address typed as a person would within a community ("河南新村 3座"): the
     * compound whose name the address contains (the longest such name), and the building, if one of
     * its buildings is named after the compound name (digits and the usual 座/栋/号楼 are compared
     * loosely). Empty when no compound of the community is named.
     */
    public Optional<AddressMatch> locateAddress(RegionCode community, String address) {
        regions.get(community);
        String text = address == null ? "" : address.replaceAll("\\s+", "");
        GridRepository.CompoundName best = null;
        for (GridRepository.CompoundName compound : grids.compoundsOf(community)) {
            if (text.contains(compound.name()) && (best == null || compound.name().length() > best.name().length())) {
                best = compound;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String rest = buildingKey(text.substring(text.indexOf(best.name()) + best.name().length()));
        String building = null;
        if (!rest.isEmpty()) {
            for (String name : grids.buildingsOf(best.id())) {
                if (buildingKey(name).equals(rest)) {
                    building = name;
                }
            }
        }
        StoredGrid grid = grids.find(best.gridCode()).orElseThrow();
        return Optional.of(new AddressMatch(location(grid.code(), grid.name(), grid.kind()), best.name(), building));
    }

    private static final Pattern LEADING_DIGITS = Pattern.compile("^(\\d+)");

    /** "3座", "3栋", "3号楼", "3 号楼" and "3" all name building 3. */
    private static String buildingKey(String text) {
        Matcher digits = LEADING_DIGITS.matcher(text);
        return digits.find() ? digits.group(1) : text;
    }

    /** Checks every community at or below the region (403 outside the user's region, 404 unknown). */
    public CoverageReport coverage(RegionCode code) {
        regions.get(code);
        Map<RegionCode, Geometry> boundaries = grids.communityBoundaries(code);
        Map<RegionCode, List<StoredGrid>> byCommunity = grids.activeIn(code).stream()
                .collect(Collectors.groupingBy(grid -> grid.code().community(), TreeMap::new, Collectors.toList()));
        Map<GridCode, List<PlacePoint>> placesByGrid = grids.placesIn(code).stream()
                .collect(Collectors.groupingBy(PlacePoint::gridCode));
        Set<RegionCode> communities = new TreeSet<>(boundaries.keySet());
        communities.addAll(byCommunity.keySet());
        List<CoverageFinding> findings = new ArrayList<>();
        List<StoredGrid> everyGrid = byCommunity.values().stream().flatMap(List::stream).toList();
        int gridCount = 0;
        for (RegionCode community : communities) {
            List<StoredGrid> communityGrids = byCommunity.getOrDefault(community, List.of());
            gridCount += communityGrids.size();
            List<PlacePoint> places = communityGrids.stream()
                    .flatMap(grid -> placesByGrid.getOrDefault(grid.code(), List.of()).stream()).toList();
            findings.addAll(checker.check(community, boundaries.get(community), communityGrids, places));
        }
        findings.addAll(checker.crossCommunityOverlaps(everyGrid));
        return new CoverageReport(code.value(), communities.size(), gridCount, findings.isEmpty(), findings);
    }

    /**
     * The grids below a region as a GeoJSON FeatureCollection (longitude/latitude), each feature's
     * properties holding {@code code}, {@code name}, {@code kind} and {@code community}.
     */
    public GeoJson.FeatureCollection gridsGeoJson(RegionCode code) {
        regions.get(code);
        List<GeoJson.Feature> features = new ArrayList<>();
        for (StoredGrid grid : grids.activeIn(code)) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("code", grid.code().value());
            properties.put("name", grid.name());
            properties.put("kind", grid.kind().name());
            properties.put("community", grid.code().community().value());
            features.add(GeoJson.feature(grid.boundary(), properties));
        }
        return new GeoJson.FeatureCollection(features);
    }

    /** The community boundaries below a region, properties {@code code} and {@code name}. */
    public GeoJson.FeatureCollection communitiesGeoJson(RegionCode code) {
        regions.get(code);
        List<GeoJson.Feature> features = new ArrayList<>();
        grids.communityBoundaries(code).forEach((community, boundary) -> {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("code", community.value());
            properties.put("name", nameOf(community));
            features.add(GeoJson.feature(boundary, properties));
        });
        return new GeoJson.FeatureCollection(features);
    }

    /** Compounds and work units below a region as points, properties {@code name}, {@code kind}, {@code grid}. */
    public GeoJson.FeatureCollection placesGeoJson(RegionCode code) {
        regions.get(code);
        List<GeoJson.Feature> features = new ArrayList<>();
        for (PlacePoint place : grids.placesIn(code)) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("name", place.name());
            properties.put("kind", place.compound() ? "COMPOUND" : "WORK_UNIT");
            properties.put("grid", place.gridCode().value());
            features.add(GeoJson.feature(Geo.point(place.lon(), place.lat()), properties));
        }
        return new GeoJson.FeatureCollection(features);
    }

    /** Whether the signed-in user may change the grids of this region (for showing or hiding the tools). */
    public boolean mayChange(RegionCode region) {
        return scope.mayChange(region.value(), EDITORS);
    }

    /** One grid inside the user's region (403 outside, 404 unknown). */
    public GridView grid(GridCode code) {
        scope.check(code.value());
        StoredGrid grid = grids.find(code).orElseThrow(() -> new GridNotFoundException(code.value()));
        return new GridView(grid.code().value(), grid.name(), grid.kind(), grid.active() ? GridStatus.ACTIVE : GridStatus.RETIRED,
                grid.version(), grid.code().community().value(), GeoJson.feature(grid.boundary(), Map.of()).geometry());
    }

    /**
     * Renames and redraws a grid, if the caller read it at {@code expectedVersion}; its old shape is kept in
     * its history. Only its community's secretary and those above may do it (403 otherwise).
     */
    @Transactional
    public GridChangeResult redraw(GridCode code, String name, String geoJsonGeometry, int expectedVersion) {
        scope.checkChange(code.value(), EDITORS);
        StoredGrid current = grids.find(code).orElseThrow(() -> new GridNotFoundException(code.value()));
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 100 || cleanName.chars().anyMatch(Character::isISOControl)) {
            return new GridChangeResult.Refused("grid.change.bad-name", null, null);
        }
        ShapeReader.Outcome shape = ShapeReader.read(geoJsonGeometry);
        if (!shape.ok()) {
            return new GridChangeResult.Refused(shape.problem(), shape.at() == null ? null : shape.at().x,
                    shape.at() == null ? null : shape.at().y);
        }
        if (current.version() != expectedVersion) {
            return new GridChangeResult.Stale(code.value(), current.version());
        }
        String by = scope.currentUser().orElseThrow().username();
        if (!grids.redraw(code, cleanName, shape.polygon(), expectedVersion, by)) {
            int now = grids.find(code).map(StoredGrid::version).orElse(expectedVersion);
            return new GridChangeResult.Stale(code.value(), now);
        }
        audit.record("grid.redrawn", code.value(), "version %d -> %d, name=%s, area=%.0f m2".formatted(expectedVersion,
                expectedVersion + 1, cleanName, Geo.areaM2(shape.polygon())));
        events.publishEvent(new GridsChanged(code.community()));
        return new GridChangeResult.Changed(code.value(), expectedVersion + 1);
    }

    /**
     * Retires a grid the caller read at {@code expectedVersion}: it leaves the map, the lookups and the
     * counts, and its last shape stays in its history. Refused while compounds or work units are in it.
     */
    @Transactional
    public GridChangeResult retire(GridCode code, int expectedVersion) {
        scope.checkChange(code.value(), EDITORS);
        StoredGrid current = grids.find(code).orElseThrow(() -> new GridNotFoundException(code.value()));
        if (!current.active()) {
            return new GridChangeResult.Refused("grid.change.already-retired", null, null);
        }
        long places = grids.placesIn(code);
        if (places > 0) {
            return new GridChangeResult.Refused("grid.change.has-places", null, null);
        }
        if (current.version() != expectedVersion
                || !grids.retire(code, expectedVersion, scope.currentUser().orElseThrow().username())) {
            return new GridChangeResult.Stale(code.value(), grids.find(code).map(StoredGrid::version).orElse(expectedVersion));
        }
        audit.record("grid.retired", code.value(), "version %d, name=%s".formatted(expectedVersion, current.name()));
        events.publishEvent(new GridsChanged(code.community()));
        return new GridChangeResult.Changed(code.value(), expectedVersion + 1);
    }

    private GridLocation location(GridCode code, String name, GridKind kind) {
        RegionCode community = code.community();
        RegionCode street = community.parent().orElseThrow();
        return new GridLocation(code.value(), name, kind, community.value(), nameOf(community), street.value(), nameOf(street));
    }

    private String nameOf(RegionCode code) {
        return regions.find(code).map(Region::name).orElse(code.value());
    }
}
