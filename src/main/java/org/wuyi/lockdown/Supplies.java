package org.wuyi.lockdown;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.CompoundView;
import org.wuyi.grid.GridDirectory;
import org.wuyi.household.Household;
import org.wuyi.household.Households;
import org.wuyi.household.VulnerableResidents;
import org.wuyi.identity.AuditLog;
import org.wuyi.lockdown.internal.SupplyStore;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.shared.CellText;
import org.wuyi.wartime.Acknowledgements;
import org.wuyi.wartime.ActivationBoard;
import org.wuyi.wartime.WartimeGroup;

/**
 * The supplies group's work (群众保供组): a household orders what it needs — the resident on their phone, showing the
 * household is theirs by its recorded contact mobile, or the group taking it by phone — and the group delivers building
 * by building, medicine for households with vulnerable residents first (the group learns which households, not who or
 * why). Only while the grid's activation is in force; the orders stay as its history.
 */
@Service
public class Supplies {

    /** One thing ordered and how many. */
    public record Item(String name, int quantity) {
    }

    /** A building's orders, open first. */
    public record Building(String name, List<SupplyOrder> open, int delivered) {
    }

    public static final int MAX_LINES = 10;
    public static final int MAX_PER_LINE = 20;
    public static final int MAX_ITEMS = 50;
    public static final int MAX_OPEN_PER_HOUSEHOLD = 3;

    private final SupplyStore store;
    private final GroupLinks links;
    private final ActivationBoard activations;
    private final Households households;
    private final VulnerableResidents vulnerable;
    private final GridDirectory grids;
    private final AuditLog audit;
    private final Clock clock;

    Supplies(SupplyStore store, GroupLinks links, ActivationBoard activations, Households households, VulnerableResidents vulnerable,
             GridDirectory grids, AuditLog audit, Clock clock) {
        this.store = store;
        this.links = links;
        this.activations = activations;
        this.households = households;
        this.vulnerable = vulnerable;
        this.grids = grids;
        this.audit = audit;
        this.clock = clock;
    }

    /** A compound as its residents' order page shows it: its buildings, and whether its grid is activated (orders taken). */
    public record Shop(CompoundView compound, boolean open) {
    }

    /** The resident's order page of a compound (no account): 404 unknown. */
    @Transactional(readOnly = true)
    public Shop shop(long compoundId) {
        CompoundView compound = grids.compound(compoundId).orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "supplies.error.compound"));
        return new Shop(compound, activations.inForce(compound.gridCode()).isPresent());
    }

    /** The buildings of an activation's grid by id, named with their compound: for taking an order by phone. */
    @Transactional(readOnly = true)
    public Map<Long, String> buildingsOf(String token) {
        return links.buildings(links.holder(token, WartimeGroup.SUPPLY).gridCode());
    }

    /** A resident's order from their phone: the compound's grid must be activated and building, room and mobile recorded. */
    @Transactional
    public long orderByResident(long compoundId, String building, String room, String mobile, List<Item> items, boolean medicine) {
        CompoundView compound = grids.compound(compoundId).orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "supplies.error.compound"));
        long activation = activations.inForce(compound.gridCode())
                .orElseThrow(() -> new TranslatedProblem(HttpStatus.CONFLICT, "supplies.error.peacetime"));
        String text = items(items);
        Household household = households.byContact(compoundId, building, room, mobile)
                .orElseThrow(() -> new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "supplies.error.household"));
        return place(activation, compound.name() + " " + household.building(), household, text, count(items), medicine, "RESIDENT", "resident");
    }

    /** An order taken by phone by a member of the supplies group, for a household of their grid. */
    @Transactional
    public long orderByPhone(String token, long buildingId, String room, List<Item> items, boolean medicine) {
        Acknowledgements.Holder holder = links.holder(token, WartimeGroup.SUPPLY);
        String text = items(items);
        Household household = households.inGrid(holder.gridCode(), buildingId, room)
                .orElseThrow(() -> new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "supplies.error.room"));
        String compound = grids.compound(household.compoundId()).map(CompoundView::name).orElse("");
        return place(holder.activationId(), compound + " " + household.building(), household, text, count(items), medicine, "PHONE",
                GroupLinks.by(holder));
    }

    /** The supplies group's board: the activation's orders building by building, open ones first in delivery order. */
    @Transactional(readOnly = true)
    public List<Building> board(String token) {
        return buildings(links.holder(token, WartimeGroup.SUPPLY).activationId());
    }

    /** The same for staff signed in (the activation in their region), e.g. the compound's wartime page. */
    @Transactional(readOnly = true)
    public List<Building> ofActivation(long activationId) {
        activations.activation(activationId);
        return buildings(activationId);
    }

    /** Marks an order delivered by a member of the group; false when it already was. */
    @Transactional
    public boolean deliver(String token, long orderId) {
        Acknowledgements.Holder holder = links.holder(token, WartimeGroup.SUPPLY);
        boolean first = store.deliver(holder.activationId(), orderId, clock.instant(), GroupLinks.by(holder));
        if (first) {
            audit.recordAs(GroupLinks.by(holder), "supplies.delivered", holder.gridCode(), "order=%d".formatted(orderId));
        }
        return first;
    }

    /** The activation's open orders, unchecked: for a page that checked its reader. */
    int open(long activationId) {
        return store.open(activationId);
    }

    private long place(long activation, String building, Household household, String items, int count, boolean medicine, String source,
                       String by) {
        if (store.openOf(activation, household.id()) >= MAX_OPEN_PER_HOUSEHOLD) {
            throw new TranslatedProblem(HttpStatus.CONFLICT, "supplies.error.too-many", MAX_OPEN_PER_HOUSEHOLD);
        }
        boolean priority = vulnerable.households(household.gridCode()).contains(household.id());
        long id = store.insert(new SupplyStore.New(activation, household.gridCode(), household.id(), building, household.room(), items, count,
                medicine, priority, source), clock.instant(), by);
        audit.recordAs(by, "supplies.ordered", household.gridCode(), "order=%d household=%d items=%d medicine=%s source=%s"
                .formatted(id, household.id(), count, medicine, source));
        return id;
    }

    private List<Building> buildings(long activationId) {
        Map<String, List<SupplyOrder>> open = new LinkedHashMap<>();
        Map<String, Integer> delivered = new LinkedHashMap<>();
        for (SupplyOrder row : store.ofActivation(activationId)) {
            if (row.deliveredAt() == null) {
                open.computeIfAbsent(row.building(), name -> new ArrayList<>()).add(row);
                delivered.putIfAbsent(row.building(), 0);
            } else {
                open.putIfAbsent(row.building(), new ArrayList<>());
                delivered.merge(row.building(), 1, Integer::sum);
            }
        }
        return open.entrySet().stream().map(entry -> new Building(entry.getKey(), entry.getValue(), delivered.get(entry.getKey()))).toList();
    }

    /** The order's lines as one text ("大米 ×2；鸡蛋 ×1"); refused when empty, too many lines or too many things. */
    static String items(List<Item> items) {
        List<Item> lines = items == null ? List.of() : items.stream().filter(item -> item.name() != null && !item.name().isBlank()).toList();
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "supplies.error.lines", MAX_LINES);
        }
        StringBuilder text = new StringBuilder();
        for (Item item : lines) {
            String name = item.name().strip();
            if (CellText.check(name, 20, true).isPresent()) {
                throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "supplies.error.name");
            }
            if (item.quantity() < 1 || item.quantity() > MAX_PER_LINE) {
                throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "supplies.error.quantity", name, MAX_PER_LINE);
            }
            text.append(text.isEmpty() ? "" : "；").append(name).append(" ×").append(item.quantity());
        }
        if (count(lines) > MAX_ITEMS) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "supplies.error.total", MAX_ITEMS);
        }
        return text.toString();
    }

    private static int count(List<Item> items) {
        return items.stream().filter(item -> item.name() != null && !item.name().isBlank()).mapToInt(Item::quantity).sum();
    }
}
