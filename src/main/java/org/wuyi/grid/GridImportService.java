package org.wuyi.grid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.internal.CoverageChecker;
import org.wuyi.grid.internal.FeatureCollectionReader;
import org.wuyi.grid.internal.Geo;
import org.wuyi.grid.internal.GridRepository;
import org.wuyi.grid.internal.PlacePoint;
import org.wuyi.grid.internal.StoredGrid;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Role;
import org.wuyi.identity.Roles;
import org.wuyi.region.Region;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;
import tools.jackson.databind.JsonNode;

/**
 * Imports grids from a GeoJSON FeatureCollection (each feature a Polygon with {@code code}, {@code name},
 * {@code kind}), always in two steps: a preview that checks every feature, lists what would change and
 * runs the coverage check on the result; then, only for a file with no problem, an all-or-nothing apply
 * that is refused if any affected grid changed since the preview.
 */
@Service
public class GridImportService {

    /** One feature that cannot be imported: its position in the file (1-based), its code if readable, why. */
    public record FeatureProblem(int feature, String code, String reason, Object... args) {
    }

    public enum ChangeKind { NEW, REDRAWN, RENAMED, UNCHANGED }

    public record Change(String code, String name, GridKind kind, ChangeKind change, double areaM2) {
    }

    /**
     * What an import would do. {@code basis} fingerprints the current versions of the grids it touches;
     * the apply step must send it back unchanged.
     */
    public record Preview(int features, List<FeatureProblem> problems, List<Change> changes, String basis,
                          List<CoverageFinding> coverageAfter) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public sealed interface ApplyResult {
        record Applied(int created, int redrawn, int renamed) implements ApplyResult {
        }

        record Refused(Preview preview) implements ApplyResult {
        }

        /** A grid in the file changed after the preview; nothing was saved. */
        record Stale() implements ApplyResult {
        }
    }

    private record Candidate(GridCode code, String name, GridKind kind, Geometry shape) {
    }

    private final GridRepository grids;
    private final RegionService regions;
    private final RegionScope scope;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final CoverageChecker checker;

    GridImportService(GridRepository grids, RegionService regions, RegionScope scope, AuditLog audit,
                      ApplicationEventPublisher events, CoverageChecker checker) {
        this.grids = grids;
        this.regions = regions;
        this.scope = scope;
        this.audit = audit;
        this.events = events;
        this.checker = checker;
    }

    /** Checks a file for a region the user may change grids in (403 otherwise) and says what it would do. */
    @Transactional(readOnly = true)
    public Preview preview(RegionCode region, String geoJson) {
        scope.checkChange(region.value(), GridService.EDITORS);
        regions.get(region);
        List<FeatureProblem> problems = new ArrayList<>();
        Map<GridCode, Candidate> candidates = read(region, geoJson, problems);
        if (!problems.isEmpty()) {
            return new Preview(FeatureCollectionReader.count(geoJson), problems, List.of(), "", List.of());
        }
        List<Change> changes = new ArrayList<>();
        Map<GridCode, StoredGrid> current = new HashMap<>();
        for (Candidate candidate : candidates.values()) {
            StoredGrid stored = grids.find(candidate.code()).orElse(null);
            ChangeKind change;
            if (stored == null) {
                change = ChangeKind.NEW;
            } else {
                current.put(candidate.code(), stored);
                // norm(): the same polygon whatever vertex its ring starts at and whichever way it runs (GeoJSON is counter-clockwise)
                boolean sameShape = stored.boundary().norm().equalsExact(candidate.shape().norm());
                change = !sameShape ? ChangeKind.REDRAWN
                        : stored.name().equals(candidate.name()) ? ChangeKind.UNCHANGED : ChangeKind.RENAMED;
            }
            changes.add(new Change(candidate.code().value(), candidate.name(), candidate.kind(), change,
                    Math.round(Geo.areaM2(candidate.shape()) * 10) / 10.0));
        }
        return new Preview(candidates.size(), List.of(), changes, basis(current), coverageAfter(candidates));
    }

    /** Applies a file whose preview had no problem, if nothing it touches changed since ({@code basis}). */
    @Transactional
    public ApplyResult apply(RegionCode region, String geoJson, String basis) {
        Preview preview = preview(region, geoJson);
        if (!preview.ok()) {
            return new ApplyResult.Refused(preview);
        }
        if (!preview.basis().equals(basis)) {
            return new ApplyResult.Stale();
        }
        String by = scope.currentUser().orElseThrow().username();
        Map<GridCode, Candidate> candidates = read(region, geoJson, new ArrayList<>());
        int created = 0;
        int redrawn = 0;
        int renamed = 0;
        for (Change change : preview.changes()) {
            Candidate candidate = candidates.get(new GridCode(change.code()));
            switch (change.change()) {
                case NEW -> {
                    grids.insert(candidate.code(), candidate.kind(), candidate.name(), candidate.shape(), by);
                    created++;
                }
                case REDRAWN, RENAMED -> {
                    int version = grids.find(candidate.code()).orElseThrow().version();
                    if (!grids.redraw(candidate.code(), candidate.name(), candidate.shape(), version, by)) {
                        throw new IllegalStateException("grid changed during import: " + candidate.code());
                    }
                    if (change.change() == ChangeKind.REDRAWN) {
                        redrawn++;
                    } else {
                        renamed++;
                    }
                }
                case UNCHANGED -> {
                }
            }
        }
        if (created + redrawn + renamed > 0) {
            audit.record("grid.imported", region.value(), "features=%d created=%d redrawn=%d renamed=%d"
                    .formatted(preview.features(), created, redrawn, renamed));
            events.publishEvent(new GridsChanged(region));
        }
        return new ApplyResult.Applied(created, redrawn, renamed);
    }

    /** Who may draw community boundaries: the district and the streets (the survey's results), not the communities. */
    static final Set<Role> BOUNDARY_EDITORS = Roles.ORGANISERS;

    /**
     * Previews community boundaries from a FeatureCollection whose features carry the community's 12-digit
     * {@code code}: which are new, redrawn or unchanged, and the problems feature by feature.
     */
    @Transactional(readOnly = true)
    public Preview previewBoundaries(RegionCode region, String geoJson) {
        scope.checkChange(region.value(), BOUNDARY_EDITORS);
        regions.get(region);
        List<FeatureProblem> problems = new ArrayList<>();
        Map<RegionCode, Geometry> boundaries = readBoundaries(region, geoJson, problems);
        if (!problems.isEmpty()) {
            return new Preview(FeatureCollectionReader.count(geoJson), problems, List.of(), "", List.of());
        }
        Map<RegionCode, Geometry> stored = grids.communityBoundaries(region);
        Map<RegionCode, Integer> versions = grids.communityBoundaryVersions(region);
        List<Change> changes = new ArrayList<>();
        StringBuilder fingerprint = new StringBuilder();
        boundaries.forEach((community, shape) -> {
            Geometry current = stored.get(community);
            ChangeKind change = current == null ? ChangeKind.NEW
                    : current.norm().equalsExact(shape.norm()) ? ChangeKind.UNCHANGED : ChangeKind.REDRAWN;
            if (current != null) {
                fingerprint.append(community.value()).append(':').append(versions.get(community)).append(';');
            }
            changes.add(new Change(community.value(), regions.find(community).map(Region::name).orElse(""),
                    null, change, Math.round(Geo.areaM2(shape) * 10) / 10.0));
        });
        return new Preview(boundaries.size(), List.of(), changes, digest(fingerprint.toString()), List.of());
    }

    /** Applies community boundaries whose preview had no problem, if none changed since ({@code basis}). */
    @Transactional
    public ApplyResult applyBoundaries(RegionCode region, String geoJson, String basis) {
        Preview preview = previewBoundaries(region, geoJson);
        if (!preview.ok()) {
            return new ApplyResult.Refused(preview);
        }
        if (!preview.basis().equals(basis)) {
            return new ApplyResult.Stale();
        }
        Map<RegionCode, Geometry> boundaries = readBoundaries(region, geoJson, new ArrayList<>());
        int created = 0;
        int redrawn = 0;
        for (Change change : preview.changes()) {
            if (change.change() == ChangeKind.UNCHANGED) {
                continue;
            }
            RegionCode community = RegionCode.of(change.code());
            grids.saveCommunityBoundary(community, boundaries.get(community));
            if (change.change() == ChangeKind.NEW) {
                created++;
            } else {
                redrawn++;
            }
        }
        if (created + redrawn > 0) {
            audit.record("grid.boundaries-imported", region.value(),
                    "features=%d created=%d redrawn=%d".formatted(preview.features(), created, redrawn));
            events.publishEvent(new GridsChanged(region));
        }
        return new ApplyResult.Applied(created, redrawn, 0);
    }

    private Map<RegionCode, Geometry> readBoundaries(RegionCode region, String geoJson, List<FeatureProblem> problems) {
        return FeatureCollectionReader.read(geoJson, problems, RegionCode::value, new FeatureCollectionReader.Features<RegionCode, Geometry>() {
            @Override
            public RegionCode key(int position, JsonNode properties, List<FeatureProblem> problems) {
                RegionCode community = RegionCode.parse(properties.path("code").asString(""))
                        .filter(code -> code.depth() == 4).orElse(null);
                if (community == null) {
                    problems.add(new FeatureProblem(position, null, "grid.import.bad-community-code"));
                } else if (!region.contains(community)) {
                    problems.add(new FeatureProblem(position, community.value(), "grid.import.outside-region", region.value()));
                } else if (regions.find(community).isEmpty()) {
                    problems.add(new FeatureProblem(position, community.value(), "grid.import.unknown-community",
                            community.value()));
                } else {
                    return community;
                }
                return null;
            }

            @Override
            public Geometry value(RegionCode community, JsonNode properties, Polygon shape) {
                return shape;
            }
        });
    }

    private Map<GridCode, Candidate> read(RegionCode region, String geoJson, List<FeatureProblem> problems) {
        return FeatureCollectionReader.read(geoJson, problems, GridCode::value, new FeatureCollectionReader.Features<GridCode, Candidate>() {
            @Override
            public GridCode key(int position, JsonNode properties, List<FeatureProblem> problems) {
                GridCode code = GridCode.parse(properties.path("code").asString("")).orElse(null);
                String name = properties.path("name").asString("").strip();
                if (code == null) {
                    problems.add(new FeatureProblem(position, null, "grid.import.bad-code"));
                } else if (!region.containsCode(code.value())) {
                    problems.add(new FeatureProblem(position, code.value(), "grid.import.outside-region", region.value()));
                } else if (regions.find(code.community()).isEmpty()) {
                    problems.add(new FeatureProblem(position, code.value(), "grid.import.unknown-community",
                            code.community().value()));
                } else if (!properties.path("kind").asString("").equals(code.kind().name())) {
                    problems.add(new FeatureProblem(position, code.value(), "grid.import.kind-mismatch", code.kind().name()));
                } else if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
                    problems.add(new FeatureProblem(position, code.value(), "grid.change.bad-name"));
                } else {
                    return code;
                }
                return null;
            }

            @Override
            public Candidate value(GridCode code, JsonNode properties, Polygon shape) {
                return new Candidate(code, properties.path("name").asString("").strip(), code.kind(), shape);
            }
        });
    }

    /** The coverage findings of the communities the file touches, as they would be after the import. */
    private List<CoverageFinding> coverageAfter(Map<GridCode, Candidate> candidates) {
        Set<RegionCode> communities = new TreeSet<>();
        candidates.keySet().forEach(code -> communities.add(code.community()));
        List<CoverageFinding> findings = new ArrayList<>();
        for (RegionCode community : communities) {
            Map<GridCode, StoredGrid> after = new TreeMap<>(Comparator.comparing(GridCode::value));
            grids.activeIn(community).forEach(grid -> after.put(grid.code(), grid));
            candidates.values().stream().filter(candidate -> candidate.code().community().equals(community))
                    .forEach(candidate -> after.put(candidate.code(), new StoredGrid(candidate.code(), candidate.kind(),
                            candidate.name(), candidate.shape(), true, 0)));
            List<PlacePoint> places = grids.placesIn(community);
            findings.addAll(checker.check(community, grids.communityBoundaries(community).get(community),
                    new ArrayList<>(after.values()), places));
        }
        return findings;
    }

    private static String basis(Map<GridCode, StoredGrid> current) {
        StringBuilder text = new StringBuilder();
        current.values().stream().sorted(Comparator.comparing(grid -> grid.code().value()))
                .forEach(grid -> text.append(grid.code().value()).append(':').append(grid.version()).append(';'));
        return digest(text.toString());
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

}
