package org.wuyi.staff.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.wuyi.platform.crypto.FieldCipher;
import org.wuyi.shared.RegionCode;

/**
 * What a checked roster changes — new people, changed people, new and changed assignments — with a digest
 * of everything it was worked out from (the {@code basis}: a preview applied later must find the same),
 * and how to save it. The details of someone registered outside the importer's region are theirs to keep.
 */
public final class RosterChanges {

    /** What happens to one row. */
    public enum Action { NEW_PERSON, CHANGED_PERSON, NEW_ASSIGNMENT, CHANGED_ASSIGNMENT, UNCHANGED }

    /** One row's change, in file order. */
    public record RowChange(RosterRow row, Action action) {
    }

    private final Map<String, RosterRow> newPeople = new LinkedHashMap<>();
    private final Map<Long, RosterRow> changedPeople = new LinkedHashMap<>();
    private final List<RosterRow> newAssignments = new ArrayList<>();
    private final Map<Long, RosterRow> changedAssignments = new LinkedHashMap<>();
    private final List<RowChange> changes = new ArrayList<>();
    private final Map<String, RosterStore.Stored> stored;
    private final Map<String, String> fingerprints;
    private int unchanged;
    private final String basis;

    /**
     * @param stored       the registered people the rows name, by fingerprint
     * @param fingerprints each row's ID number's fingerprint, by ID number
     * @param current      the current assignments of the registered people, by person/grid/role
     */
    public RosterChanges(RegionCode region, List<RosterRow> rows, Map<String, RosterStore.Stored> stored,
                         Map<String, String> fingerprints, Map<String, RosterStore.Current> current) {
        this.stored = stored;
        this.fingerprints = fingerprints;
        MessageDigest digest = sha256();
        for (RosterRow row : rows) {
            String fingerprint = fingerprints.get(row.id().value());
            RosterStore.Stored person = stored.get(fingerprint);
            Action action;
            if (person == null) {
                if (newPeople.putIfAbsent(fingerprint, row) == null) {
                    changes.add(new RowChange(row, Action.NEW_PERSON));
                }
                newAssignments.add(row);
                action = Action.NEW_ASSIGNMENT;
            } else {
                List<Object> registered = List.of(person.gender(), person.mobile(), person.partyMember(),
                        person.homeCompound(), person.homeBuilding(), person.homeRoom(), person.workplace(), person.email());
                if (region.containsCode(person.regionCode()) && !registered.equals(row.details())
                        && changedPeople.putIfAbsent(person.id(), row) == null) {
                    changes.add(new RowChange(row, Action.CHANGED_PERSON));
                }
                RosterStore.Current assignment = current.get(person.id() + "/" + row.grid().value() + "/" + row.role());
                if (assignment == null) {
                    newAssignments.add(row);
                    action = Action.NEW_ASSIGNMENT;
                } else if (assignment.start().equals(row.start()) && Objects.equals(assignment.end(), row.end())) {
                    unchanged++;
                    action = Action.UNCHANGED;
                } else {
                    changedAssignments.put(assignment.id(), row);
                    action = Action.CHANGED_ASSIGNMENT;
                }
                digest.update((person.id() + "|" + person.name() + "|" + registered + "|"
                        + (assignment == null ? "" : assignment.start() + "~" + assignment.end()) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            if (action != Action.UNCHANGED) {
                changes.add(new RowChange(row, action));
            }
            digest.update((row.line() + "|" + action + "|" + fingerprint + "|" + row.grid().value() + "|" + row.role() + "|"
                    + row.start() + "~" + row.end() + "|" + row.details() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        this.basis = HexFormat.of().formatHex(digest.digest());
    }

    /** The earliest start date of the rows: assignments current from then on are the ones compared. */
    public static LocalDate earliest(List<RosterRow> rows, LocalDate otherwise) {
        return rows.stream().map(RosterRow::start).min(LocalDate::compareTo).orElse(otherwise);
    }

    public String basis() {
        return basis;
    }

    public List<RowChange> changes() {
        return changes;
    }

    public int newPeople() {
        return newPeople.size();
    }

    public int changedPeople() {
        return changedPeople.size();
    }

    public int newAssignments() {
        return newAssignments.size();
    }

    public int changedAssignments() {
        return changedAssignments.size();
    }

    public int unchanged() {
        return unchanged;
    }

    public boolean any() {
        return newPeople() + changedPeople() + newAssignments() + changedAssignments() > 0;
    }

    /** Saves it all: new people (ID numbers encrypted) and assignments with COPY, changes in batches. */
    public void save(RosterStore store, FieldCipher cipher) {
        List<Long> ids = store.newPersonIds(newPeople.size());
        Map<String, Long> personIds = new HashMap<>();
        stored.forEach((fingerprint, person) -> personIds.put(fingerprint, person.id()));
        List<Object[]> inserts = new ArrayList<>(newPeople.size());
        int next = 0;
        for (Map.Entry<String, RosterRow> entry : newPeople.entrySet()) {
            RosterRow row = entry.getValue();
            long id = ids.get(next++);
            personIds.put(entry.getKey(), id);
            inserts.add(new Object[] {id, row.grid().community().value(), row.name(), row.gender(), row.mobile().value(),
                    cipher.encrypt(row.id().value()), entry.getKey(), row.id().masked(), row.party(), row.compound(),
                    row.building(), row.room(), row.workplace(), row.email()});
        }
        store.insertPeople(inserts);
        List<Object[]> updates = new ArrayList<>();
        changedPeople.forEach((id, row) -> updates.add(new Object[] {row.gender(), row.mobile().value(), row.party(),
                row.compound(), row.building(), row.room(), row.workplace(), row.email(), id}));
        store.updatePeople(updates);
        List<Object[]> assignments = new ArrayList<>(newAssignments.size());
        for (RosterRow row : newAssignments) {
            assignments.add(new Object[] {personIds.get(fingerprints.get(row.id().value())), row.grid().value(), row.role().name(),
                    Date.valueOf(row.start()), row.end() == null ? null : Date.valueOf(row.end())});
        }
        store.insertAssignments(assignments);
        List<Object[]> dates = new ArrayList<>();
        changedAssignments.forEach((id, row) -> dates.add(new Object[] {Date.valueOf(row.start()),
                row.end() == null ? null : Date.valueOf(row.end()), id}));
        store.updateAssignments(dates);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
