package org.wuyi.volunteer.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.wuyi.grid.CompoundView;
import org.wuyi.grid.GridDirectory;
import org.wuyi.shared.RegionCode;
import org.wuyi.volunteer.Skill;
import org.wuyi.volunteer.VolunteerState;
import org.wuyi.volunteer.rota.DutySlot;
import org.wuyi.volunteer.rota.Household;
import org.wuyi.volunteer.rota.Rota;
import org.wuyi.volunteer.rota.RotaPost;
import org.wuyi.volunteer.rota.RotaRules;
import org.wuyi.volunteer.rota.RotaVolunteer;

/**
 * A compound's rota problem from what is stored: its gate posts over the days asked, one seat per person per hour;
 * the community's approved volunteers (the compound's own, and neighbours who offered, whom only a compound without
 * property management may draw on); the compound's households with the minutes they stood in the published rotas of
 * the 28 days before the first day (the fairness rule's starting load, so a rota is fair over weeks).
 */
@Component
public class RotaProblems {

    private final GridDirectory grids;
    private final GatePostRepository posts;
    private final VolunteerRepository volunteers;
    private final DutyStore duties;
    private final ZoneId zone;

    RotaProblems(GridDirectory grids, GatePostRepository posts, VolunteerRepository volunteers, DutyStore duties,
                 @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.grids = grids;
        this.posts = posts;
        this.volunteers = volunteers;
        this.duties = duties;
        this.zone = zone;
    }

    /** The 28 days whose published hours are a rota's starting load. */
    public static final int HISTORY_DAYS = 28;

    /** The problem, and for each seat its stable key ({@code post/date/hour/seat}). */
    public Optional<Rota> build(long compoundId, LocalDate from, LocalDate to) {
        Optional<CompoundView> found = grids.compound(compoundId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CompoundView compound = found.get();
        RegionCode community = RegionCode.parse(compound.gridCode().substring(0, 12)).orElseThrow();
        Map<Long, CompoundView> compounds = grids.compounds(community).stream()
                .collect(Collectors.toMap(CompoundView::id, each -> each, (a, b) -> a, LinkedHashMap::new));
        Map<Long, CompoundView.Gate> gates = compound.gates().stream().collect(Collectors.toMap(CompoundView.Gate::id, gate -> gate));
        List<RotaPost> rotaPosts = new ArrayList<>();
        List<DutySlot> slots = new ArrayList<>();
        long seat = 1;
        for (GatePostRepository.Row post : posts.ofCompounds(List.of(compoundId))) {
            CompoundView.Gate gate = gates.get(post.gateId());
            if (gate == null) {
                continue;
            }
            RotaPost rotaPost = new RotaPost(post.id(), compoundId, compound.hasPropertyManagement(), gate.lon(), gate.lat(), gate.name(),
                    post.suitsOlder(), post.requiredSkill(), gate.id());
            rotaPosts.add(rotaPost);
            for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
                if (post.days().charAt(date.getDayOfWeek().getValue() - 1) != '1') {
                    continue;
                }
                int day = (int) ChronoUnit.DAYS.between(from, date);
                for (int hour = post.fromHour(); hour < post.toHour(); hour++) {
                    for (int s = 0; s < post.headcount(); s++) {
                        slots.add(new DutySlot(seat++, rotaPost, date, hour, s, day * 24 + hour));
                    }
                }
            }
        }
        List<RotaVolunteer> people = new ArrayList<>();
        java.util.Set<String> households = new java.util.LinkedHashSet<>();
        for (VolunteerRepository.Row row : volunteers.within(community, VolunteerState.APPROVED)) {
            CompoundView home = compounds.get(row.compoundId());
            if (home == null || (row.compoundId() != compoundId && !row.helpNeighbours())) {
                continue;
            }
            String household = row.compoundId() + "/" + row.building() + "/" + row.room();
            if (row.compoundId() == compoundId) {
                households.add(household);
            }
            people.add(new RotaVolunteer(row.id(), row.name(), row.compoundId(), home.lon(), home.lat(), household, row.age(),
                    row.skills().isEmpty() ? EnumSet.noneOf(Skill.class) : EnumSet.copyOf(row.skills()), row.availability(),
                    new HashSet<>(row.unavailableDates()), row.maxHoursPerWeek(), row.helpNeighbours(), row.preferredGateId()));
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Map<String, Long> served = duties.minutesByHousehold(List.of(compoundId), from.minusDays(HISTORY_DAYS).atStartOfDay(zone).toInstant(), start);
        List<Household> homes = households.stream().map(key -> new Household(key, served.getOrDefault(key, 0L))).toList();
        return Optional.of(new Rota(RotaRules.DEFAULT, people, homes, rotaPosts, slots));
    }

    /** A seat's stable key. */
    public static String key(DutySlot slot) {
        return slot.getPost().id() + "/" + slot.getDate() + "/" + slot.getHour() + "/" + slot.getSeat();
    }
}
