package org.wuyi.region;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.RegionScope;
import org.wuyi.region.internal.RegionRepository;
import org.wuyi.shared.RegionCode;

/**
 * Reads the division tree for the signed-in user. Every method that takes a code refuses (403) a
 * region outside the user's subtree before it looks the region up, so a code outside it is never
 * told apart from one that does not exist.
 */
@Service
@Transactional(readOnly = true)
public class RegionService {

    private final RegionRepository repository;
    private final RegionScope scope;
    private final List<RegionCounter> counters;

    RegionService(RegionRepository repository, RegionScope scope, List<RegionCounter> counters) {
        this.repository = repository;
        this.scope = scope;
        this.counters = counters;
    }

    /** Parses a code typed by a person or sent in a URL: 400 when it is not a division code. */
    public static RegionCode parseCode(String text) {
        return RegionCode.parse(text).orElseThrow(InvalidRegionCodeException::new);
    }

    /** The region, without a scope check; for other modules validating a code they hold. */
    public Optional<Region> find(RegionCode code) {
        return repository.find(code);
    }

    /**
     * The divisions of one level below a region, in code order, without a scope check: for work that
     * no user started (demo data, background jobs). User-facing reads use the scoped methods.
     */
    public List<Region> descendantsUnscoped(RegionCode code, RegionLevel level) {
        return repository.descendants(code, level);
    }

    /**
     * A community named on a public page (a poster's address), without a scope check: 404 unless the text is the
     * code of an existing community.
     */
    public Region publicCommunity(String code) {
        RegionCode region = RegionCode.parse(code).filter(parsed -> parsed.value().length() == 12)
                .orElseThrow(() -> new RegionNotFoundException(String.valueOf(code)));
        return repository.find(region).filter(found -> found.level() == RegionLevel.COMMUNITY)
                .orElseThrow(() -> new RegionNotFoundException(region.value()));
    }

    /** The region inside the user's subtree: 403 outside it, 404 when it does not exist. */
    public Region get(RegionCode code) {
        scope.check(code);
        return repository.find(code).orElseThrow(() -> new RegionNotFoundException(code.value()));
    }

    public List<Region> children(RegionCode code) {
        get(code);
        return repository.children(code);
    }

    /** The path from the top of the user's own region down to this region, for breadcrumbs. */
    public List<Region> lineageWithinScope(RegionCode code) {
        Region region = get(code);
        RegionCode root = scope.root();
        List<Region> lineage = new ArrayList<>();
        for (RegionCode ancestor : code.lineage()) {
            if (root.contains(ancestor) && !ancestor.equals(code)) {
                repository.find(ancestor).ifPresent(lineage::add);
            }
        }
        lineage.add(region);
        return lineage;
    }

    public RegionSummary summary(RegionCode code) {
        return summarise(get(code));
    }

    /** The summaries of each child of the region, for the region browser. */
    public List<RegionSummary> childSummaries(RegionCode code) {
        get(code);
        return repository.children(code).stream().map(this::summarise).toList();
    }

    private RegionSummary summarise(Region region) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (RegionCounter counter : counters) {
            counts.putAll(counter.countBelow(region.code()));
        }
        return new RegionSummary(region, counts);
    }
}
