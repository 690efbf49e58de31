package org.wuyi.wartime.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.wuyi.wartime.PlanEdit;
import org.wuyi.wartime.WartimeGroup;
import org.wuyi.wartime.WartimeProblem;

/**
 * The plan editor's form as the browser sends it — {@code version}, {@code group-<person id>=<GROUP>},
 * {@code leader-<GROUP>=<person id>}, {@code duties-<GROUP>} — read into a {@link PlanEdit}. A field that does
 * not parse (a tampered form) is a 400 with a translated detail, never a 500.
 */
record PlanForm(Map<String, String> fields) {

    private static final String GROUP = "group-", LEADER = "leader-", DUTIES = "duties-";

    PlanEdit edit() {
        try {
            Map<WartimeGroup, List<Long>> members = new EnumMap<>(WartimeGroup.class);
            fields.forEach((name, value) -> {
                if (name.startsWith(GROUP) && !value.isBlank()) {
                    members.computeIfAbsent(WartimeGroup.valueOf(value), group -> new ArrayList<>())
                            .add(Long.parseLong(name.substring(GROUP.length())));
                }
            });
            List<PlanEdit.GroupEdit> groups = new ArrayList<>();
            for (WartimeGroup group : WartimeGroup.values()) {
                String leader = fields.getOrDefault(LEADER + group, "");
                groups.add(new PlanEdit.GroupEdit(group, fields.get(DUTIES + group), leader.isBlank() ? null : Long.valueOf(leader),
                        members.getOrDefault(group, List.of())));
            }
            return new PlanEdit(Integer.valueOf(fields.getOrDefault("version", "-1")), groups);
        } catch (IllegalArgumentException malformed) {
            throw new WartimeProblem(HttpStatus.BAD_REQUEST, "problem.wartime.plan-fields");
        }
    }

    /** The group a person was put in, as chosen on the form ("" for none). */
    String groupOf(long personId) {
        return fields.getOrDefault(GROUP + personId, "");
    }

    /** The leader chosen for a group, if any and well-formed. */
    Long leaderOf(WartimeGroup group) {
        String leader = fields.getOrDefault(LEADER + group, "");
        return leader.matches("[0-9]{1,18}") ? Long.valueOf(leader) : null;
    }

    String dutiesOf(WartimeGroup group, String otherwise) {
        return fields.getOrDefault(DUTIES + group, otherwise);
    }
}
