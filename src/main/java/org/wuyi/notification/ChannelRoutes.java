package org.wuyi.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.notification.internal.RouteRepository;

/**
 * Which robots and SMS gateway serve a grid, for modules that write messages to its people: the grid's own group
 * robots, else its community's; the SMS gateway of the grid, else of its community, street or district (the most
 * specific one configured). Only enabled routes count. No scope check: callers have checked theirs.
 */
@Service
@Transactional(readOnly = true)
public class ChannelRoutes {

    /** The routes serving one grid: robot route ids (a group chat each) and the SMS route id, if any. */
    public record Routing(List<Long> robots, Long sms) {

        public static final Routing NONE = new Routing(List.of(), null);
    }

    private final RouteRepository routes;

    ChannelRoutes(RouteRepository routes) {
        this.routes = routes;
    }

    /** The routing of each of these grids (16-digit codes), in one query. */
    public Map<String, Routing> forGrids(Collection<String> gridCodes) {
        Set<String> codes = new LinkedHashSet<>();
        for (String grid : gridCodes) {
            codes.addAll(ladder(grid));
        }
        Map<String, List<RouteRepository.Row>> byCode = new HashMap<>();
        routes.enabledAt(codes).forEach(row -> byCode.computeIfAbsent(row.regionCode(), code -> new ArrayList<>()).add(row));
        Map<String, Routing> routing = new HashMap<>();
        if (byCode.isEmpty()) {
            gridCodes.forEach(grid -> routing.put(grid, Routing.NONE));
            return routing;
        }
        for (String grid : gridCodes) {
            List<Long> robots = new ArrayList<>();
            Long sms = null;
            for (String code : ladder(grid)) {
                List<RouteRepository.Row> here = byCode.getOrDefault(code, List.of());
                if (robots.isEmpty() && code.length() >= 12) {
                    here.stream().filter(row -> row.kind().robot()).forEach(row -> robots.add(row.id()));
                }
                if (sms == null) {
                    sms = here.stream().filter(row -> row.kind() == ChannelKind.SMS).map(RouteRepository.Row::id).findFirst().orElse(null);
                }
            }
            routing.put(grid, new Routing(List.copyOf(robots), sms));
        }
        return routing;
    }

    /** The grid code and the regions above it, most specific first: grid, community, street, district. */
    private static List<String> ladder(String grid) {
        List<String> codes = new ArrayList<>();
        for (int length : new int[] {16, 12, 9, 6}) {
            if (grid.length() >= length) {
                codes.add(grid.substring(0, length));
            }
        }
        return codes;
    }
}
