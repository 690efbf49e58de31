package org.wuyi.lockdown;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.RegionScope;
import org.wuyi.lockdown.internal.TestingStore;

/**
 * What supervision needs to know of testing rounds, without reading lockdown's tables: the rounds started in a period
 * below a place (a grid, community, street or the district), with their households, those marked, and when each
 * started and closed — how long a round took to finish.
 */
@Service
@Transactional(readOnly = true)
public class TestingFacts {

    /** A round; {@code closedAt} null while it is open. */
    public record Round(long id, String gridCode, java.time.LocalDate day, int households, long marked, Instant startedAt, Instant closedAt) {

        /** Minutes from start to close, null while open. */
        public Long minutes() {
            return closedAt == null ? null : java.time.Duration.between(startedAt, closedAt).toMinutes();
        }
    }

    /** Rounds a period of a district holds at most (a round a grid a day for a year is 420,000; the figures read this many). */
    public static final int LIMIT = 200_000;

    private final TestingStore store;
    private final RegionScope scope;

    TestingFacts(TestingStore store, RegionScope scope) {
        this.store = store;
        this.scope = scope;
    }

    public List<Round> rounds(String code, Instant from, Instant to, int limit) {
        scope.check(code);
        return store.started(code, code + "~", from, to, Math.min(limit, LIMIT)).stream()
                .map(round -> new Round(round.id(), round.gridCode(), round.day(), round.households(), round.marked(), round.startedAt(),
                        round.closedAt())).toList();
    }
}
