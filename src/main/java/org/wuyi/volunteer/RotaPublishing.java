package org.wuyi.volunteer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.CompoundService;
import org.wuyi.grid.CompoundView;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Roles;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.volunteer.internal.DutyNotices;
import org.wuyi.volunteer.internal.DutyBlocks;
import org.wuyi.volunteer.internal.DutyStore;
import org.wuyi.volunteer.internal.GatePostRepository;
import org.wuyi.volunteer.internal.RotaJobStore;
import org.wuyi.volunteer.internal.VolunteerRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing a solved rota: its seats become the compound's published rota from the current hour on (what was published
 * there before and not yet stood is replaced), and each volunteer on it is told their hours with their personal link.
 * Only those who keep the roster publish; publishing the same job twice changes nothing more.
 */
@Service
public class RotaPublishing {

    /** What publishing wrote: seats, of them gaps, volunteers told. */
    public record Published(long jobId, int seats, int gaps, int volunteers) {
    }

    private final RotaJobStore jobs;
    private final RotaJobs rotaJobs;
    private final DutyStore duties;
    private final GatePostRepository posts;
    private final VolunteerRepository volunteers;
    private final CompoundService compounds;
    private final DutyNotices notices;
    private final RegionScope scope;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;
    private final JsonMapper json = JsonMapper.builder().build();

    RotaPublishing(RotaJobStore jobs, RotaJobs rotaJobs, DutyStore duties, GatePostRepository posts, VolunteerRepository volunteers,
                   CompoundService compounds, DutyNotices notices, RegionScope scope, AuditLog audit, Clock clock,
                   @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.jobs = jobs;
        this.rotaJobs = rotaJobs;
        this.duties = duties;
        this.posts = posts;
        this.volunteers = volunteers;
        this.compounds = compounds;
        this.notices = notices;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    @Transactional
    public Published publish(long jobId) {
        RotaJobView job = rotaJobs.job(jobId);
        CompoundView compound = compounds.compound(job.compoundId());
        scope.checkChange(compound.gridCode(), Roles.KEEPERS);
        if (!"DONE".equals(job.status())) {
            throw new TranslatedProblem(HttpStatus.CONFLICT, "rota.publish-not-done");
        }
        duties.lockCompound(compound.id());
        if (jobs.publishedAt(jobId).isPresent()) {
            List<DutyStore.Row> rows = duties.ofCompound(compound.id(), job.from().atStartOfDay(zone).toInstant(),
                    job.to().plusDays(1).atStartOfDay(zone).toInstant()).stream().filter(row -> row.jobId() == jobId).toList();
            return new Published(jobId, rows.size(), (int) rows.stream().filter(row -> row.volunteerId() == null).count(),
                    (int) rows.stream().map(DutyStore.Row::volunteerId).filter(java.util.Objects::nonNull).distinct().count());
        }
        Map<Long, String> gateOfPost = new LinkedHashMap<>();
        Map<Long, String> gateNames = compound.gates().stream().collect(Collectors.toMap(CompoundView.Gate::id, CompoundView.Gate::name));
        posts.ofCompounds(List.of(compound.id())).forEach(post -> gateOfPost.put(post.id(), gateNames.getOrDefault(post.gateId(), "")));
        List<DutyStore.NewDuty> seats = new ArrayList<>();
        Map<Long, Boolean> approved = new java.util.HashMap<>();
        for (JsonNode seat : json.readTree(jobs.seats(jobId).orElseThrow())) {
            String[] key = seat.get("seat").asString().split("/");
            long post = Long.parseLong(key[0]);
            if (!gateOfPost.containsKey(post)) {
                continue; // the post was removed since the rota was solved
            }
            LocalDate date = LocalDate.parse(key[1]);
            int hour = Integer.parseInt(key[2]);
            JsonNode volunteer = seat.get("volunteer");
            Long standing = volunteer == null || volunteer.isNull() ? null : volunteer.asLong();
            if (standing != null && !approved.computeIfAbsent(standing, id -> volunteers.find(id)
                    .filter(row -> row.state() == VolunteerState.APPROVED).isPresent())) {
                standing = null; // withdrew (or was declined) since the rota was solved: a gap, not a seat for someone gone
            }
            seats.add(new DutyStore.NewDuty(post, gateOfPost.get(post), date, hour, Integer.parseInt(key[3]),
                    date.atTime(hour, 0).atZone(zone).toInstant(), standing));
        }
        java.time.Instant next = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        if (seats.stream().noneMatch(seat -> !seat.startsAt().isBefore(next))) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "rota.publish-past");
        }
        duties.publish(jobId, compound.id(), compound.gridCode().substring(0, 12), next, seats);
        jobs.published(jobId, clock.instant());
        List<DutyStore.Row> rows = duties.ofCompound(compound.id(), next, job.to().plusDays(1).atStartOfDay(zone).toInstant()).stream()
                .filter(row -> row.jobId() == jobId).toList();
        Map<Long, List<DutyStore.Row>> byVolunteer = new LinkedHashMap<>();
        rows.stream().filter(row -> row.volunteerId() != null)
                .forEach(row -> byVolunteer.computeIfAbsent(row.volunteerId(), id -> new ArrayList<>()).add(row));
        byVolunteer.forEach((id, own) -> volunteers.find(id).ifPresent(volunteer -> notices.published(jobId, volunteer, DutyBlocks.of(own))));
        int gaps = (int) rows.stream().filter(row -> row.volunteerId() == null).count();
        int written = rows.size();
        audit.record("volunteer.rota-published", compound.gridCode().substring(0, 12),
                "job=%d compound=%d seats=%d gaps=%d volunteers=%d".formatted(jobId, compound.id(), written, gaps, byVolunteer.size()));
        return new Published(jobId, written, gaps, byVolunteer.size());
    }
}
