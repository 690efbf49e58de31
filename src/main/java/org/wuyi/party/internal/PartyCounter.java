package org.wuyi.party.internal;

import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wuyi.region.RegionCounter;
import org.wuyi.shared.RegionCode;

/** Adds {@code branches} (grid party branches) to a region's summary. */
@Component
@Order(30)
class PartyCounter implements RegionCounter {

    private final JdbcClient jdbc;

    PartyCounter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> countBelow(RegionCode code) {
        return Map.of("branches", jdbc.sql("SELECT count(*) FROM grid_branch WHERE grid_code >= ? AND grid_code < ?")
                .params(code.value(), code.upperBound()).query(Long.class).single());
    }
}
