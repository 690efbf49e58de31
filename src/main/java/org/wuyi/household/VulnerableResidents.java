package org.wuyi.household;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.GridCode;
import org.wuyi.household.internal.HouseholdStore;
import org.wuyi.household.internal.VulnerableStore;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.OutsideRegionException;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Role;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.shared.CellText;
import org.wuyi.staff.StaffDirectory;
import org.wuyi.staff.StaffRole;

/**
 * A grid's vulnerable residents (重点人群). Sensitive beyond other personal data: only the grid's own leader (网格长), its
 * community's party secretary and the grid's medical staff (医务人员, from their wartime link) read them — not the street or
 * the district above, not another grid's leader — and every read is in the audit log. The leader and the secretary keep
 * them. Other work (the supplies group putting their orders first) learns only which households, never who or why.
 */
@Service
public class VulnerableResidents {

    /** The kinds, in the order lists show them. */
    public static final List<String> KINDS = List.of("ALONE_ELDERLY", "CHRONIC_MEDICINE", "DIALYSIS", "PREGNANCY", "DISABILITY", "INFANT");

    /** A vulnerable resident as the page or the API writes one: the household by building id and room. */
    public record Form(Long buildingId, String room, String name, List<String> kinds, String needs, String carer) {
    }

    private final VulnerableStore store;
    private final HouseholdStore households;
    private final StaffDirectory staff;
    private final RegionScope scope;
    private final AuditLog audit;

    VulnerableResidents(VulnerableStore store, HouseholdStore households, StaffDirectory staff, RegionScope scope, AuditLog audit) {
        this.store = store;
        this.households = households;
        this.staff = staff;
        this.scope = scope;
        this.audit = audit;
    }

    /** Whether the signed-in user may read (and keep) this grid's vulnerable residents: its leader or its community's secretary. */
    public boolean mayRead(String gridCode) {
        return scope.leads(gridCode) || (scope.covers(gridCode) && scope.currentUser().map(user -> user.role() == Role.COMMUNITY_SECRETARY
                && user.regionCode().value().length() == 12).orElse(false));
    }

    /** The grid's vulnerable residents for its leader or secretary (403 for anyone else); the read is audited. */
    @Transactional
    public List<VulnerableResident> ofGrid(String gridCode) {
        check(gridCode);
        List<VulnerableResident> list = store.ofGrid(gridCode);
        audit.record("vulnerable.viewed", gridCode, "count=%d".formatted(list.size()));
        return list;
    }

    /**
     * The grid's vulnerable residents for one of its medical staff, identified by the caller from their own wartime link
     * (the medical support group's board); refused for anyone who is not the grid's medical staff today. Audited as them.
     */
    @Transactional
    public List<VulnerableResident> forMedicalStaff(String gridCode, long personId) {
        if (!isMedicalStaff(gridCode, personId)) {
            throw new OutsideRegionException();
        }
        List<VulnerableResident> list = store.ofGrid(gridCode);
        audit.recordAs("person:" + personId, "vulnerable.viewed", gridCode, "count=%d medical=true".formatted(list.size()));
        return list;
    }

    /** True when this person is one of the grid's medical staff (医务人员) today. */
    public boolean isMedicalStaff(String gridCode, long personId) {
        return GridCode.parse(gridCode).map(grid -> staff.membersOf(grid).stream()
                .anyMatch(member -> member.personId() == personId && member.role() == StaffRole.MEDICAL)).orElse(false);
    }

    /** The households of a grid with a vulnerable resident: ids only, for work that puts them first without knowing why. */
    @Transactional(readOnly = true)
    public Set<Long> households(String gridCode) {
        return store.households(gridCode);
    }

    /** Adds one ({@code id} null) or changes one at the version read; audited. */
    @Transactional
    public VulnerableResident save(String gridCode, Long id, Integer version, Form form) {
        check(gridCode);
        String by = scope.currentUser().orElseThrow().username();
        String name = text(form.name(), 30, true, "vulnerable.error.name");
        String needs = text(form.needs(), 200, false, "vulnerable.error.needs");
        String carer = text(form.carer(), 60, false, "vulnerable.error.carer");
        List<String> kinds = new ArrayList<>(form.kinds() == null ? List.of() : form.kinds().stream().distinct().toList());
        if (kinds.isEmpty() || !KINDS.containsAll(kinds)) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "vulnerable.error.kinds");
        }
        kinds.sort((a, b) -> KINDS.indexOf(a) - KINDS.indexOf(b));
        if (id == null) {
            String room = form.room() == null ? "" : form.room().strip();
            Household household = (form.buildingId() == null ? java.util.Optional.<Household>empty() : households.findRoom(form.buildingId(), room))
                    .filter(found -> found.gridCode().equals(gridCode))
                    .orElseThrow(() -> new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "vulnerable.error.household"));
            long made = store.insert(household.id(), gridCode, name, kinds, needs, carer, by);
            audit.record("vulnerable.added", gridCode, "resident=%d household=%d kinds=%s".formatted(made, household.id(), kinds));
            return store.find(made).orElseThrow();
        }
        VulnerableResident found = store.find(id).filter(resident -> resident.gridCode().equals(gridCode))
                .orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "vulnerable.error.not-found"));
        if (version == null || !store.update(found.id(), version, name, kinds, needs, carer, by)) {
            throw new TranslatedProblem(HttpStatus.CONFLICT, "vulnerable.error.stale");
        }
        audit.record("vulnerable.changed", gridCode, "resident=%d kinds=%s".formatted(id, kinds));
        return store.find(id).orElseThrow();
    }

    /** Removes one (moved away, no longer needs looking after) at the version read; audited. */
    @Transactional
    public void remove(String gridCode, long id, int version) {
        check(gridCode);
        store.find(id).filter(resident -> resident.gridCode().equals(gridCode))
                .orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "vulnerable.error.not-found"));
        if (!store.delete(id, version)) {
            throw new TranslatedProblem(HttpStatus.CONFLICT, "vulnerable.error.stale");
        }
        audit.record("vulnerable.removed", gridCode, "resident=%d".formatted(id));
    }

    private void check(String gridCode) {
        if (!mayRead(gridCode)) {
            throw new OutsideRegionException();
        }
    }

    private static String text(String value, int max, boolean required, String code) {
        String text = value == null ? "" : value.strip();
        if (CellText.check(text, max, required).isPresent()) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, code, max);
        }
        return text;
    }
}
