package org.wuyi.lockdown.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.lockdown.TestingRounds;
import org.wuyi.region.RegionService;

/** Testing rounds over the API: started on an activation, marked household by household, read, closed with the result. */
@RestController
class TestingApiController {

    /** A mark: TESTED (with the people tested) or AT_HOME (sampled at home). */
    record Mark(String status, Integer people) {
    }

    /** A round's result: all negative, or the rooms with positives. */
    record Result(Boolean allNegative, String positiveRooms) {
    }

    private final TestingRounds rounds;

    TestingApiController(TestingRounds rounds) {
        this.rounds = rounds;
    }

    @PostMapping("/api/v1/activations/{id}/testing-rounds")
    @Operation(summary = "Start a testing round on an activated grid: every household of the grid as it is now; 409 if not activated or a round is open")
    ResponseEntity<TestingRounds.Progress> start(@PathVariable long id) {
        return ResponseEntity.status(HttpStatus.CREATED).body(rounds.start(id));
    }

    @GetMapping("/api/v1/activations/{id}/testing-rounds")
    List<TestingRounds.Progress> ofActivation(@PathVariable long id) {
        return rounds.ofActivation(id);
    }

    @PostMapping("/api/v1/testing-rounds/{id}/households/{household}")
    @Operation(summary = "Mark a household of the round tested (status TESTED, people) or sampled at home (AT_HOME); marking again changes the mark, it is counted once")
    Map<String, Object> mark(@PathVariable long id, @PathVariable long household, @RequestBody Mark mark) {
        boolean first = rounds.mark(id, household, mark.status(), mark.people());
        TestingRounds.Progress progress = rounds.progress(id);
        return Map.of("counted", first, "done", progress.done(), "toDo", progress.households() - progress.done());
    }

    @GetMapping("/api/v1/testing-rounds/{id}")
    @Operation(summary = "A round: done and to do per building, each household's mark")
    TestingRounds.Progress get(@PathVariable long id) {
        return rounds.progress(id);
    }

    @PostMapping("/api/v1/testing-rounds/{id}/close")
    @Operation(summary = "Close a round with its result (allNegative, or positiveRooms); the grid's risk areas count it")
    TestingRounds.Progress close(@PathVariable long id, @RequestBody Result result) {
        return rounds.close(id, !Boolean.FALSE.equals(result.allNegative()), result.positiveRooms());
    }

    @GetMapping("/api/v1/regions/{code}/testing")
    @Operation(summary = "The region's live figure: households in open testing rounds below it, and those marked")
    Map<String, Long> regionCounts(@PathVariable String code) {
        long[] counts = rounds.openCounts(RegionService.parseCode(code));
        return Map.of("households", counts[0], "marked", counts[1], "notYet", counts[0] - counts[1]);
    }
}
