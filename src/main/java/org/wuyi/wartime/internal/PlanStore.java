package org.wuyi.wartime.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wuyi.wartime.WartimeGroup;

/** Plans, their groups and members. */
@Repository
public class PlanStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    PlanStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    public record StoredMember(long personId, WartimeGroup group, boolean leader) {
    }

    public record StoredPlan(String gridCode, int version, Map<WartimeGroup, String> duties, List<StoredMember> members) {
    }

    public Optional<StoredPlan> plan(String gridCode) {
        Optional<Integer> version = jdbc.sql("SELECT version FROM wartime_plan WHERE grid_code = ?").param(gridCode)
                .query(Integer.class).optional();
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Map<WartimeGroup, String> duties = new TreeMap<>();
        jdbc.sql("SELECT group_code, duties FROM plan_group WHERE grid_code = ?").param(gridCode)
                .query(rs -> {
                    duties.put(WartimeGroup.valueOf(rs.getString(1)), rs.getString(2));
                });
        List<StoredMember> members = jdbc.sql("SELECT person_id, group_code, leader FROM plan_member WHERE grid_code = ? ORDER BY leader DESC, person_id")
                .param(gridCode)
                .query((rs, row) -> new StoredMember(rs.getLong(1), WartimeGroup.valueOf(rs.getString(2)), rs.getBoolean(3)))
                .list();
        return Optional.of(new StoredPlan(gridCode, version.get(), duties, members));
    }

    /** The plans of many grids at once (three queries), by grid code; grids without a plan are absent. */
    public Map<String, StoredPlan> plans(List<String> gridCodes) {
        String[] codes = gridCodes.toArray(String[]::new);
        Map<String, Integer> versions = new HashMap<>();
        jdbc.sql("SELECT grid_code, version FROM wartime_plan WHERE grid_code = ANY (?)").param(codes)
                .query(rs -> {
                    versions.put(rs.getString(1), rs.getInt(2));
                });
        Map<String, Map<WartimeGroup, String>> duties = new HashMap<>();
        jdbc.sql("SELECT grid_code, group_code, duties FROM plan_group WHERE grid_code = ANY (?)").param(codes)
                .query(rs -> {
                    duties.computeIfAbsent(rs.getString(1), g -> new TreeMap<>()).put(WartimeGroup.valueOf(rs.getString(2)), rs.getString(3));
                });
        Map<String, List<StoredMember>> members = new HashMap<>();
        jdbc.sql("SELECT grid_code, person_id, group_code, leader FROM plan_member WHERE grid_code = ANY (?) ORDER BY grid_code, leader DESC, person_id")
                .param(codes)
                .query(rs -> {
                    members.computeIfAbsent(rs.getString(1), g -> new ArrayList<>()).add(
                            new StoredMember(rs.getLong(2), WartimeGroup.valueOf(rs.getString(3)), rs.getBoolean(4)));
                });
        Map<String, StoredPlan> plans = new HashMap<>();
        versions.forEach((grid, version) -> plans.put(grid, new StoredPlan(grid, version,
                duties.getOrDefault(grid, new TreeMap<>()), members.getOrDefault(grid, List.of()))));
        return plans;
    }

    /** Replaces a plan's groups and members if it is still at {@code expectedVersion} (-1: the plan must not exist yet). */
    public boolean replace(String gridCode, int expectedVersion, Map<WartimeGroup, String> duties, List<StoredMember> members) {
        int changed = expectedVersion < 0
                ? jdbc.sql("INSERT INTO wartime_plan (grid_code) VALUES (?) ON CONFLICT DO NOTHING").param(gridCode).update()
                : jdbc.sql("UPDATE wartime_plan SET version = version + 1, updated_at = now() WHERE grid_code = ? AND version = ?")
                        .params(gridCode, expectedVersion).update();
        if (changed != 1) {
            return false;
        }
        jdbc.sql("DELETE FROM plan_group WHERE grid_code = ?").param(gridCode).update();
        List<Object[]> groups = new ArrayList<>();
        duties.forEach((group, text) -> groups.add(new Object[] {gridCode, group.name(), text}));
        batches.batchUpdate("INSERT INTO plan_group (grid_code, group_code, duties) VALUES (?, ?, ?)", groups);
        List<Object[]> rows = new ArrayList<>();
        members.forEach(member -> rows.add(new Object[] {gridCode, member.personId(), member.group().name(), member.leader()}));
        batches.batchUpdate("INSERT INTO plan_member (grid_code, person_id, group_code, leader) VALUES (?, ?, ?, ?)", rows);
        return true;
    }

    public boolean anyPlanBelow(String prefix) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM wartime_plan WHERE grid_code >= ? AND grid_code < ?)")
                .params(prefix, prefix + "~").query(Boolean.class).single();
    }
}
