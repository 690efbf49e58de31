package org.wuyi.volunteer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A rota job as the API shows it: its state ({@code QUEUED}, {@code SOLVING}, {@code DONE}, {@code FAILED}), the best
 * score so far (hard rules broken, empty hours, soft), the fairness figure (most-loaded household's minutes ÷ the
 * median's), the gaps in words, the account rule by rule, and when it was published (if it was).
 */
public record RotaJobView(long id, long compoundId, LocalDate from, LocalDate to, String status, Long hardScore, Long mediumScore,
                          Long softScore, Double fairness, List<String> gaps, List<Rule> rules, Instant requestedAt, Instant startedAt,
                          Instant finishedAt, Instant expiresAt, Instant publishedAt, String error) {

    /** One rule of the account: its title, level and what it costs. */
    public record Rule(String id, String title, String level, long penalty) {
    }
}
