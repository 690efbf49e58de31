package org.wuyi.household;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.CompoundService;
import org.wuyi.grid.CompoundView;
import org.wuyi.grid.GridDirectory;
import org.wuyi.household.internal.HouseholdStore;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Roles;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.shared.CellText;
import org.wuyi.shared.MobileNumber;

/**
 * A compound's households: read by anyone whose region holds the compound (contact mobiles masked), kept by the
 * community secretary and above — one at a time on the page (naming the version read: a stale edit is refused) or by the
 * compound's import. A volunteer's sign-up finds or makes its household ({@link #ensure}), never a second one.
 */
@Service
public class Households {

    /** A household as the page or the API writes it; {@code mobile} blank keeps the stored one. */
    public record Form(String building, String room, Integer people, String mobile, String notes) {
    }

    public static final int MAX_PEOPLE = 30;

    private final HouseholdStore store;
    private final CompoundService compounds;
    private final GridDirectory grids;
    private final RegionScope scope;
    private final AuditLog audit;

    Households(HouseholdStore store, CompoundService compounds, GridDirectory grids, RegionScope scope, AuditLog audit) {
        this.store = store;
        this.compounds = compounds;
        this.grids = grids;
        this.scope = scope;
        this.audit = audit;
    }

    /** The compound and its households, building by building (403 outside the reader's region, 404 unknown). */
    @Transactional(readOnly = true)
    public List<Household> ofCompound(long compoundId) {
        compounds.compound(compoundId);
        return store.ofCompound(compoundId);
    }

    /** A grid's households, building by building, unchecked: for a service that checked its caller (a testing round). */
    @Transactional(readOnly = true)
    public List<Household> inGrid(String gridCode) {
        return store.ofGrid(gridCode);
    }

    /** A room of a grid's building, unchecked: for a group's work in that grid, whose caller has checked the grid. */
    @Transactional(readOnly = true)
    public Optional<Household> inGrid(String gridCode, long buildingId, String room) {
        return store.findRoom(buildingId, room == null ? "" : room.strip()).filter(household -> household.gridCode().equals(gridCode));
    }

    /**
     * A compound's household named by building and room whose recorded contact mobile is this one: how a resident
     * without an account shows it is their household (an order on their phone). Empty when anything differs — the
     * answer does not tell which.
     */
    @Transactional(readOnly = true)
    public Optional<Household> byContact(long compoundId, String building, String room, String mobile) {
        Long buildingId = grids.buildingIds(compoundId).get(building == null ? "" : building.strip());
        Optional<MobileNumber> number = MobileNumber.parse(mobile == null ? "" : mobile.strip());
        if (buildingId == null || number.isEmpty()) {
            return Optional.empty();
        }
        return store.findRoom(buildingId, room == null ? "" : room.strip())
                .filter(household -> store.contactIs(household.id(), number.get().value()));
    }

    /** Whether the signed-in user may keep this compound's households. */
    public boolean mayKeep(CompoundView compound) {
        return scope.mayChange(compound.gridCode().substring(0, 12), Roles.KEEPERS);
    }

    /**
     * The household of a room of a compound's building, made if it is not recorded yet (a sign-up, which has no
     * account: no region check here, the caller has checked the compound and building); its id, or empty when the
     * building is not the compound's.
     */
    @Transactional
    public Optional<Long> ensure(long compoundId, String building, String room, String by) {
        Optional<CompoundView> compound = grids.compound(compoundId);
        Long buildingId = compound.isEmpty() ? null : grids.buildingIds(compoundId).get(building);
        if (buildingId == null) {
            return Optional.empty();
        }
        HouseholdStore.Key key = new HouseholdStore.Key(compoundId, buildingId, compound.get().gridCode(), building, room);
        return Optional.ofNullable(store.ensure(List.of(key), by).get(key));
    }

    /** A room as a sign-up names it. */
    public record Room(long compoundId, String building, String room) {
    }

    /** {@link #ensure} for many rooms at once (the demo's sign-ups); rooms in a building the compound lacks are left out. */
    @Transactional
    public Map<Room, Long> ensureAll(List<Room> rooms, String by) {
        Map<Long, Map<String, Long>> buildings = new java.util.HashMap<>();
        Map<Long, String> gridOf = new java.util.HashMap<>();
        Map<HouseholdStore.Key, Room> keys = new java.util.LinkedHashMap<>();
        for (Room room : rooms) {
            Map<String, Long> ids = buildings.computeIfAbsent(room.compoundId(), grids::buildingIds);
            String grid = gridOf.computeIfAbsent(room.compoundId(), id -> grids.compound(id).map(CompoundView::gridCode).orElse(null));
            Long buildingId = ids.get(room.building());
            if (buildingId != null && grid != null) {
                keys.put(new HouseholdStore.Key(room.compoundId(), buildingId, grid, room.building(), room.room()), room);
            }
        }
        Map<Room, Long> found = new java.util.HashMap<>();
        store.ensure(new ArrayList<>(keys.keySet()), by).forEach((key, id) -> found.put(keys.get(key), id));
        return found;
    }

    /** Adds a household to the compound or changes one ({@code id} and {@code version} of what was read). */
    @Transactional
    public Household save(long compoundId, Long id, Integer version, Form form) {
        CompoundView compound = compounds.compound(compoundId);
        scope.checkChange(compound.gridCode().substring(0, 12), Roles.KEEPERS);
        String by = scope.currentUser().orElseThrow().username();
        HouseholdStore.Fields fields = fields(form);
        if (id == null) {
            Long buildingId = grids.buildingIds(compoundId).get(form.building() == null ? "" : form.building().strip());
            if (buildingId == null) {
                throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "household.error.building", compound.name());
            }
            String room = form.room() == null ? "" : form.room().strip();
            if (!room.matches("[0-9A-Za-z-]{1,10}")) {
                throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "household.error.room");
            }
            long made = store.insert(new HouseholdStore.Key(compoundId, buildingId, compound.gridCode(), form.building().strip(), room),
                    new HouseholdStore.Fields(fields.people(), fields.keepMobile() ? null : fields.mobile(), false, fields.notes()), by)
                    .orElseThrow(() -> new TranslatedProblem(HttpStatus.CONFLICT, "household.error.exists"));
            audit.record("household.added", compound.gridCode().substring(0, 12), "household=%d compound=%d".formatted(made, compoundId));
            return store.find(made).orElseThrow();
        }
        Household found = store.find(id).filter(household -> household.compoundId() == compoundId)
                .orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "household.error.not-found"));
        if (version == null || !store.update(found.id(), version, fields, by)) {
            throw new TranslatedProblem(HttpStatus.CONFLICT, "household.error.stale");
        }
        audit.record("household.changed", compound.gridCode().substring(0, 12), "household=%d compound=%d mobile=%s".formatted(id, compoundId,
                fields.keepMobile() ? "kept" : "changed"));
        return store.find(id).orElseThrow();
    }

    /** Per compound: households recorded, those with their people counted, and the people counted. */
    @Transactional(readOnly = true)
    public Map<Long, long[]> counts(List<Long> compoundIds) {
        return store.counts(new ArrayList<>(compoundIds));
    }

    private static HouseholdStore.Fields fields(Form form) {
        Integer people = form.people();
        if (people != null && (people < 0 || people > MAX_PEOPLE)) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "household.error.people", MAX_PEOPLE);
        }
        String mobileText = form.mobile() == null ? "" : form.mobile().strip();
        Optional<MobileNumber> mobile = MobileNumber.parse(mobileText);
        if (!mobileText.isEmpty() && mobile.isEmpty()) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "household.error.mobile");
        }
        String notes = form.notes() == null ? "" : form.notes().strip();
        if (CellText.check(notes, 200, false).isPresent()) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "household.error.notes");
        }
        return new HouseholdStore.Fields(people, mobile.map(MobileNumber::value).orElse(null), mobileText.isEmpty(), notes);
    }
}
