package org.wuyi.wartime.web;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.region.RegionService;
import org.wuyi.wartime.DrillSchedule;

/** Drills scheduled ahead over HTTP: schedule, list below a region, cancel. */
@RestController
class DrillScheduleApiController {

    /** {@code target}: a grid, community or street code; {@code at}: an instant (ISO-8601, e.g. 2026-12-08T02:00:00Z). */
    record ScheduleBody(String target, Instant at, String reason, Boolean unannounced) {
    }

    private final DrillSchedule drills;

    DrillScheduleApiController(DrillSchedule drills) {
        this.drills = drills;
    }

    @PostMapping("/api/v1/drill-schedules")
    @ResponseStatus(HttpStatus.CREATED)
    DrillSchedule.Drill schedule(@RequestBody ScheduleBody body) {
        return drills.schedule(body.target(), body.at(), body.reason(), Boolean.TRUE.equals(body.unannounced()));
    }

    @GetMapping("/api/v1/regions/{code}/drill-schedules")
    List<DrillSchedule.Drill> below(@PathVariable String code) {
        return drills.below(RegionService.parseCode(code));
    }

    @PostMapping("/api/v1/drill-schedules/{id}/cancel")
    DrillSchedule.Drill cancel(@PathVariable long id) {
        return drills.cancel(id);
    }
}
