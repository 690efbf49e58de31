package org.wuyi.wartime;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A whole plan as an editor sends it back: the version read, and per group its duties, leader and members. */
public record PlanEdit(@NotNull(message = "{problem.wartime.plan-fields}") Integer version,
                       @NotNull(message = "{problem.wartime.plan-fields}") @Size(max = 8) List<@Valid @NotNull GroupEdit> groups) {

    public record GroupEdit(@NotNull(message = "{problem.wartime.plan-fields}") WartimeGroup group,
                            @Size(max = 500, message = "{problem.wartime.duties}") String duties, Long leaderId,
                            @Size(max = 500) List<@NotNull Long> memberIds) {
    }
}
