package org.wuyi.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.OutsideRegionException;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Role;
import org.wuyi.identity.RoleNotAllowedException;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.region.RegionService;
import org.wuyi.request.RequestFacts;
import org.wuyi.shared.CellText;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.PersonCard;
import org.wuyi.staff.StaffDirectory;
import org.wuyi.wartime.AcknowledgementFacts;

/**
 * Bulletins and accountability (督查通报, 问责). The district sets thresholds (a drill's acknowledgement within the target,
 * requests accepted within their target, as percentages; the days a grid may be without its leader); a period's draft lists each community under a threshold with
 * the fact behind the line and where its rows are; the district edits it (which lines, their words, a title and a note)
 * and publishes it (a printable page and xlsx). Accountability records (批评教育, 约谈, 问责) name a person, the reason and
 * the evidence; the district and streets keep them, supervisors read them, and a person sees their own. All audited.
 */
@Service
public class Bulletins {

    /** Percentages (0–100) for the first two; days (1–365) a grid may be without its leader before it is a line. */
    public record Thresholds(double drillAcknowledged, double requestsInTime, int leaderlessDays, int version) {
    }

    /** A bulletin's line: the unit, the fact (in words, with numerator and denominator) and where to see the rows. */
    public record Line(String unitCode, String unitName, String fact, String evidence) {
    }

    public record Draft(String region, Period period, Thresholds thresholds, List<Line> lines) {
    }

    public record Published(long id, String region, LocalDate from, LocalDate to, String title, String note, Instant publishedAt,
                            String publishedBy, List<Line> lines) {
    }

    public record Record(long id, long personId, String personName, String regionCode, String kind, String reason, String evidence,
                         Long bulletinId, Instant recordedAt, String recordedBy) {
    }

    public static final Thresholds DEFAULTS = new Thresholds(80, 90, 7, 0);
    public static final Set<String> KINDS = Set.of("CRITICISM", "TALK", "ACCOUNTABILITY");
    private static final Set<Role> KEEPERS = Set.of(Role.DISTRICT_ADMIN, Role.STREET_OFFICER);
    private static final Set<Role> READERS = Set.of(Role.DISTRICT_ADMIN, Role.STREET_OFFICER, Role.SUPERVISOR);

    private final org.wuyi.supervision.internal.BulletinStore store;
    private final AcknowledgementFacts acknowledgements;
    private final RequestFacts requests;
    private final RegionService regions;
    private final StaffDirectory staff;
    private final RegionScope scope;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration target;
    private final org.springframework.context.MessageSource messages;
    private final List<org.wuyi.staff.GridLeadership> leadership;
    private final org.wuyi.grid.GridDirectory grids;

    Bulletins(org.wuyi.supervision.internal.BulletinStore store, AcknowledgementFacts acknowledgements, RequestFacts requests,
              RegionService regions, StaffDirectory staff, RegionScope scope, AuditLog audit, Clock clock,
              @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone, @Value("${wuyi.supervision.acknowledge-within:PT15M}") Duration target,
              org.springframework.context.MessageSource messages, List<org.wuyi.staff.GridLeadership> leadership,
              org.wuyi.grid.GridDirectory grids) {
        this.messages = messages;
        this.leadership = leadership;
        this.grids = grids;
        this.store = store;
        this.acknowledgements = acknowledgements;
        this.requests = requests;
        this.regions = regions;
        this.staff = staff;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
        this.target = target;
    }

    /** The district's thresholds (the defaults until it sets its own). */
    @Transactional(readOnly = true)
    public Thresholds thresholds(RegionCode region) {
        scope.check(region);
        return store.thresholds(district(region)).orElse(DEFAULTS);
    }

    /** Sets the district's thresholds (its administrator only), naming the version read; each in 0–100. */
    @Transactional
    public Thresholds setThresholds(RegionCode region, Double drill, Double requestsInTime, Integer leaderlessDays, int version) {
        scope.checkChange(region.value(), Set.of(Role.DISTRICT_ADMIN));
        if (drill == null || requestsInTime == null || !(drill >= 0 && drill <= 100) || !(requestsInTime >= 0 && requestsInTime <= 100)) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "bulletin.error.threshold");
        }
        int days = leaderlessDays == null ? thresholds(region).leaderlessDays() : leaderlessDays;
        if (days < 1 || days > 365) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "bulletin.error.leaderless");
        }
        if (!store.saveThresholds(district(region), drill, requestsInTime, days, version, clock.instant(), user())) {
            throw new TranslatedProblem(HttpStatus.CONFLICT, "bulletin.error.stale");
        }
        audit.record("bulletin.thresholds", district(region), "drill=%s requests=%s leaderless=%s".formatted(drill, requestsInTime, days));
        return store.thresholds(district(region)).orElseThrow();
    }

    /** Whether the signed-in user may set the thresholds (the district's administrator). */
    public boolean mayEditThresholds(RegionCode region) {
        return scope.mayChange(region.value(), Set.of(Role.DISTRICT_ADMIN));
    }

    /** The draft of a period: a line for each community under a threshold, none for those above it. */
    @Transactional(readOnly = true)
    public Draft draft(RegionCode region, Period period) {
        readers();
        Thresholds thresholds = thresholds(region);
        Map<String, String> names = new LinkedHashMap<>();
        regions.descendantsUnscoped(region, org.wuyi.region.RegionLevel.COMMUNITY).forEach(community -> names.put(community.code().value(),
                community.name()));
        List<Line> lines = new ArrayList<>();
        for (AcknowledgementFacts.Unit unit : acknowledgements.units(region, period.start(zone), period.end(zone), true, target)) {
            if (unit.code().length() == 12 && unit.called() > 0 && percent(unit.withinTarget(), unit.called()) < thresholds.drillAcknowledged()) {
                lines.add(new Line(unit.code(), names.getOrDefault(unit.code(), unit.code()), zh("bulletin.fact.drill", unit.withinTarget(),
                        unit.called(), format(percent(unit.withinTarget(), unit.called())), format(thresholds.drillAcknowledged())),
                        "/performance/calls?unit=%s&from=%s&to=%s&drills=true".formatted(unit.code(), period.from(), period.to())));
            }
        }
        Map<String, long[]> byCommunity = new java.util.TreeMap<>();
        for (RequestFacts.Grid grid : requests.grids(region, period.start(zone), period.end(zone))) {
            long[] sums = byCommunity.computeIfAbsent(grid.gridCode().substring(0, 12), code -> new long[2]);
            sums[0] += grid.acceptedInTime();
            sums[1] += grid.requests();
        }
        byCommunity.forEach((code, sums) -> {
            if (code.length() == 12 && sums[1] > 0 && percent(sums[0], sums[1]) < thresholds.requestsInTime()) {
                lines.add(new Line(code, names.getOrDefault(code, code), zh("bulletin.fact.requests", sums[0], sums[1],
                        format(percent(sums[0], sums[1])), format(thresholds.requestsInTime())),
                        "/performance/rows?kind=requests&unit=%s&from=%s&to=%s".formatted(code, period.from(), period.to())));
            }
        });
        lines.addAll(leaderless(region, period, thresholds.leaderlessDays()));
        return new Draft(region.value(), period, thresholds, lines);
    }

    /** A line for each grid whose leader's post, by the period's end (or today), had stood empty more than {@code days} days. */
    private List<Line> leaderless(RegionCode region, Period period, int days) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate until = period.to().isAfter(today) ? today : period.to();
        Map<String, LocalDate> since = new java.util.TreeMap<>();
        leadership.forEach(source -> since.putAll(source.leaderlessSince(region)));
        since.values().removeIf(day -> java.time.temporal.ChronoUnit.DAYS.between(day, until) <= days);
        Map<String, String> names = grids.gridNames(List.copyOf(since.keySet()));
        return since.entrySet().stream().map(entry -> new Line(entry.getKey(), names.getOrDefault(entry.getKey(), entry.getKey()),
                zh("bulletin.fact.leaderless", java.time.temporal.ChronoUnit.DAYS.between(entry.getValue(), until), entry.getValue(), days),
                "/grids/" + entry.getKey())).toList();
    }

    /** Publishes a bulletin as edited (the district's administrator); audited. */
    @Transactional
    public Published publish(RegionCode region, Period period, String title, String note, List<Line> lines) {
        scope.checkChange(region.value(), Set.of(Role.DISTRICT_ADMIN));
        String heading = text(title, 100, true, "bulletin.error.title");
        String words = text(note, 2000, false, "bulletin.error.note");
        List<Line> checked = new ArrayList<>();
        for (Line line : lines == null ? List.<Line>of() : lines) {
            if (line.unitCode() == null || !scope.covers(line.unitCode())) {
                throw new OutsideRegionException();
            }
            checked.add(new Line(line.unitCode(), text(line.unitName(), 100, true, "bulletin.error.line"), text(line.fact(), 500, true,
                    "bulletin.error.line"), evidence(line.evidence())));
        }
        long id = store.publish(region.value(), period.from(), period.to(), heading, words, checked, clock.instant(), user());
        audit.record("bulletin.published", region.value(), "bulletin=%d lines=%d from=%s to=%s".formatted(id, checked.size(), period.from(),
                period.to()));
        return store.bulletin(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Published bulletin(long id) {
        Published found = store.bulletin(id).orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "bulletin.error.not-found"));
        scope.check(found.region());
        return found;
    }

    @Transactional(readOnly = true)
    public List<Published> bulletins(RegionCode region) {
        scope.check(region);
        return store.bulletins(region.value());
    }

    /** Records an accountability measure for a person of the region (the district or the person's street); audited. */
    @Transactional
    public Record record(long personId, String kind, String reason, String evidence, Long bulletinId) {
        PersonCard person = staff.card(personId).orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "bulletin.error.person"));
        scope.checkChange(person.regionCode(), KEEPERS);
        if (kind == null || !KINDS.contains(kind)) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "bulletin.error.kind");
        }
        String why = text(reason, 500, true, "bulletin.error.reason");
        String proof = text(evidence, 500, false, "bulletin.error.evidence");
        if (bulletinId != null) {
            bulletin(bulletinId);
        }
        long id = store.record(personId, person.regionCode(), kind, why, proof, bulletinId, clock.instant(), user());
        audit.record("accountability.recorded", person.regionCode(), "record=%d person=%d kind=%s".formatted(id, personId, kind));
        return named(store.records(person.regionCode(), personId)).stream().filter(record -> record.id() == id).findFirst().orElseThrow();
    }

    /** The records below a region, for those who keep or read them (not for the people they are about). */
    @Transactional(readOnly = true)
    public List<Record> records(RegionCode region) {
        scope.check(region);
        readers();
        return named(store.records(region.value(), null));
    }

    /** The signed-in person's own records, and nobody else's. */
    @Transactional(readOnly = true)
    public List<Record> mine() {
        long person = scope.personId().orElseThrow(RoleNotAllowedException::new);
        return named(store.records("", person));
    }

    private void readers() {
        if (!scope.hasRole(READERS)) {
            throw new RoleNotAllowedException();
        }
    }

    private List<Record> named(List<Record> records) {
        Map<Long, PersonCard> cards = staff.cards(records.stream().map(Record::personId).distinct().toList());
        return records.stream().map(record -> new Record(record.id(), record.personId(),
                cards.containsKey(record.personId()) ? cards.get(record.personId()).name() : "#" + record.personId(), record.regionCode(),
                record.kind(), record.reason(), record.evidence(), record.bulletinId(), record.recordedAt(), record.recordedBy())).toList();
    }

    /** A bulletin is an official document in Chinese, whoever drafts it: its facts are worded in Chinese. */
    private String zh(String key, Object... args) {
        return messages.getMessage(key, java.util.Arrays.stream(args).map(String::valueOf).toArray(), java.util.Locale.SIMPLIFIED_CHINESE);
    }

    /** Where a line's rows are: a path of this site only (not another site's address, not a script). */
    private static String evidence(String path) {
        return path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\") || path.length() > 300 ? "" : path;
    }

    private String user() {
        return scope.currentUser().orElseThrow().username();
    }

    private static String district(RegionCode region) {
        return region.value().substring(0, Math.min(6, region.value().length()));
    }

    private static double percent(long numerator, long denominator) {
        return 100.0 * numerator / denominator;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : "%.1f".formatted(value);
    }

    private static String text(String value, int max, boolean required, String code) {
        String text = value == null ? "" : value.strip();
        if (CellText.check(text, max, required).isPresent()) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, code, max);
        }
        return text;
    }
}
