package org.wuyi.volunteer;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.CompoundService;
import org.wuyi.grid.CompoundView;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Roles;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.volunteer.internal.GatePostRepository;

/**
 * A compound's gate posts, inside the user's region: who sees them (everyone who sees the compound) and who keeps them
 * (community secretary and above). Refused in words, nothing saved: a gate of another compound, hours or days that are
 * not hours or days, a headcount outside 1–10, an overlap with another post of the same gate, a stale edit (409).
 */
@Service
public class PostService {

    /** What a post is made of, as a form or the API gives it. */
    public record PostForm(Long gateId, Integer headcount, Integer fromHour, Integer toHour, String days, Boolean suitsOlder,
                           String requiredSkill, Integer version) {
    }

    private final GatePostRepository posts;
    private final CompoundService compounds;
    private final RegionScope scope;
    private final AuditLog audit;

    PostService(GatePostRepository posts, CompoundService compounds, RegionScope scope, AuditLog audit) {
        this.posts = posts;
        this.compounds = compounds;
        this.scope = scope;
        this.audit = audit;
    }

    /** The posts of a compound (403 outside the user's region, 404 unknown compound). */
    @Transactional(readOnly = true)
    public List<GatePost> posts(long compoundId) {
        CompoundView compound = compounds.compound(compoundId);
        return views(compound, posts.ofCompounds(List.of(compoundId)));
    }

    public boolean mayChange(long compoundId) {
        return scope.mayChange(compounds.compound(compoundId).gridCode(), Roles.KEEPERS);
    }

    @Transactional
    public GatePost add(long compoundId, PostForm form) {
        CompoundView compound = keepable(compoundId);
        GatePostRepository.Row row = checked(compound, 0, form, 0);
        long id = posts.insert(row, scope.currentUser().orElseThrow().username());
        audit.record("volunteer.post-added", compound.gridCode().substring(0, 12), "post=%d compound=%d gate=%d".formatted(id, compoundId,
                row.gateId()));
        return posts(compoundId).stream().filter(post -> post.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public GatePost change(long id, PostForm form) {
        GatePostRepository.Row current = posts.find(id).orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "post.not-found"));
        CompoundView compound = keepable(current.compoundId());
        GatePostRepository.Row row = checked(compound, id, form, form.version() == null ? -1 : form.version());
        if (!posts.update(row, scope.currentUser().orElseThrow().username())) {
            throw new TranslatedProblem(HttpStatus.CONFLICT, "post.stale");
        }
        audit.record("volunteer.post-changed", compound.gridCode().substring(0, 12), "post=%d compound=%d".formatted(id, compound.id()));
        return posts(compound.id()).stream().filter(post -> post.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public void remove(long id, int version) {
        GatePostRepository.Row current = posts.find(id).orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "post.not-found"));
        CompoundView compound = keepable(current.compoundId());
        if (!posts.delete(id, version)) {
            throw new TranslatedProblem(HttpStatus.CONFLICT, "post.stale");
        }
        audit.record("volunteer.post-removed", compound.gridCode().substring(0, 12), "post=%d compound=%d".formatted(id, compound.id()));
    }

    private CompoundView keepable(long compoundId) {
        CompoundView compound = compounds.compound(compoundId);
        scope.checkChange(compound.gridCode(), Roles.KEEPERS);
        return compound;
    }

    private GatePostRepository.Row checked(CompoundView compound, long id, PostForm form, int version) {
        if (form.gateId() == null || compound.gates().stream().noneMatch(gate -> gate.id() == form.gateId())) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "post.gate", compound.name());
        }
        if (form.headcount() == null || form.headcount() < 1 || form.headcount() > 10) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "post.headcount");
        }
        if (form.fromHour() == null || form.toHour() == null || form.fromHour() < 0 || form.toHour() > 24 || form.fromHour() >= form.toHour()) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "post.hours");
        }
        String days = form.days() == null ? "" : form.days().strip();
        if (!days.matches("[01]{7}") || !days.contains("1")) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "post.days");
        }
        Skill skill = null;
        if (form.requiredSkill() != null && !form.requiredSkill().isBlank()) {
            try {
                skill = Skill.valueOf(form.requiredSkill().strip());
            } catch (IllegalArgumentException unknown) {
                throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "post.skill");
            }
        }
        GatePostRepository.Row row = new GatePostRepository.Row(id, compound.id(), form.gateId(), form.headcount(), form.fromHour(),
                form.toHour(), days, !Boolean.FALSE.equals(form.suitsOlder()), skill, version);
        for (GatePostRepository.Row other : posts.ofCompounds(List.of(compound.id()))) {
            boolean sameDay = false;
            for (int d = 0; d < 7; d++) {
                sameDay |= other.days().charAt(d) == '1' && days.charAt(d) == '1';
            }
            if (other.id() != id && other.gateId() == row.gateId() && sameDay && other.fromHour() < row.toHour() && row.fromHour() < other.toHour()) {
                throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "post.overlap", other.fromHour(), other.toHour());
            }
        }
        return row;
    }

    static List<GatePost> views(CompoundView compound, List<GatePostRepository.Row> rows) {
        Map<Long, String> gates = compound.gates().stream().collect(Collectors.toMap(CompoundView.Gate::id, CompoundView.Gate::name));
        return rows.stream().map(row -> new GatePost(row.id(), row.compoundId(), row.gateId(), gates.getOrDefault(row.gateId(), "?"),
                row.headcount(), row.fromHour(), row.toHour(), row.days(), row.suitsOlder(), row.requiredSkill(), row.version())).toList();
    }
}
