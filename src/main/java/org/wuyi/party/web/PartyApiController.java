package org.wuyi.party.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.grid.GridCode;
import org.wuyi.party.BranchView;
import org.wuyi.party.MemberSource;
import org.wuyi.party.PartyAppointments;
import org.wuyi.party.PartyProblem;
import org.wuyi.party.PartyService;
import org.wuyi.party.PartyTree;
import org.wuyi.region.RegionService;

@RestController
@Tag(name = "party", description = "One party branch per grid (1格1支部) within the caller's region")
class PartyApiController {

    private final PartyService party;
    private final PartyAppointments appointments;

    PartyApiController(PartyService party, PartyAppointments appointments) {
        this.party = party;
        this.appointments = appointments;
    }

    static GridCode grid(String code) {
        return GridCode.parse(code).orElseThrow(() -> new PartyProblem(HttpStatus.BAD_REQUEST, "problem.grid.invalid-code"));
    }

    record NewBranch(String name, String authority, Long secretaryId, LocalDate founded) {
    }

    record Secretary(@NotNull(message = "{problem.party.secretary-fields}") Long personId,
                     @NotNull(message = "{problem.party.secretary-fields}") Integer version, LocalDate from, String reason) {
    }

    record Leaving(@NotNull(message = "{problem.party.secretary-fields}") Integer version, LocalDate on, String reason) {
    }

    record CommitteeName(String name) {
    }

    record CommitteeSecretary(@NotNull(message = "{problem.party.secretary-fields}") Long personId, LocalDate from) {
    }

    record NewMember(@NotNull(message = "{problem.party.member-fields}") Long personId, MemberSource source,
                     BranchView.FourHaves fourHaves) {
    }

    @GetMapping("/api/v1/grids/{gridCode}/branch")
    @Operation(summary = "A grid's party branch: who formed it, its secretary (the grid leader of a residential grid) and members")
    BranchView branch(@PathVariable String gridCode) {
        return party.branch(grid(gridCode));
    }

    @PostMapping("/api/v1/grids/{gridCode}/branch")
    @Operation(summary = "Form a grid's branch (street committee or district); a second branch for a grid is refused with 409")
    ResponseEntity<BranchView> create(@PathVariable String gridCode, @Valid @RequestBody NewBranch branch) {
        return ResponseEntity.status(HttpStatus.CREATED).body(party.createBranch(grid(gridCode), branch.name(),
                branch.authority(), branch.secretaryId(), branch.founded()));
    }

    @PutMapping("/api/v1/grids/{gridCode}/branch/secretary")
    @Operation(summary = "Appoint or replace the branch secretary (a party member) from a date; for a residential grid this is "
            + "its grid leader, and the predecessor's grid-leader account is disabled")
    BranchView secretary(@PathVariable String gridCode, @Valid @RequestBody Secretary secretary) {
        return appointments.appointGridLeader(grid(gridCode), secretary.personId(), secretary.version(), secretary.from(),
                secretary.reason());
    }

    @PostMapping("/api/v1/grids/{gridCode}/branch/secretary/leave")
    @Operation(summary = "The grid leader leaves with no successor (reason required): the grid shows as a gap until one is appointed")
    BranchView leave(@PathVariable String gridCode, @Valid @RequestBody Leaving leaving) {
        return appointments.leaderLeaves(grid(gridCode), leaving.version(), leaving.on(), leaving.reason());
    }

    @GetMapping("/api/v1/grids/{gridCode}/branch/terms")
    @Operation(summary = "The branch's secretaries (grid leaders) over time, latest first, with dates and reasons")
    List<PartyAppointments.Term> terms(@PathVariable String gridCode) {
        return appointments.branchTerms(grid(gridCode));
    }

    @GetMapping("/api/v1/regions/{code}/committee")
    @Operation(summary = "A street (9-digit) or community (12-digit) party committee with its secretary and their terms")
    PartyAppointments.Committee committee(@PathVariable String code) {
        return appointments.committee(RegionService.parseCode(code));
    }

    @PutMapping("/api/v1/regions/{code}/committee")
    @Operation(summary = "Name or rename a committee: a street's by the district, a community's by its street or the district")
    PartyAppointments.Committee nameCommittee(@PathVariable String code, @RequestBody CommitteeName name) {
        return appointments.nameCommittee(RegionService.parseCode(code), name.name());
    }

    @PutMapping("/api/v1/regions/{code}/committee/secretary")
    @Operation(summary = "Appoint a committee's secretary (a party member) from a date; the predecessor's term ends then")
    PartyAppointments.Committee committeeSecretary(@PathVariable String code, @Valid @RequestBody CommitteeSecretary secretary) {
        return appointments.appointCommitteeSecretary(RegionService.parseCode(code), secretary.personId(), secretary.from());
    }

    @PostMapping("/api/v1/grids/{gridCode}/branch/members")
    @Operation(summary = "Add a committee member (a party member) with their source and four-haves assessment")
    BranchView member(@PathVariable String gridCode, @Valid @RequestBody NewMember member) {
        return party.putMember(grid(gridCode), member.personId(), member.source(), member.fourHaves());
    }

    @DeleteMapping("/api/v1/grids/{gridCode}/branch/members/{personId}")
    @Operation(summary = "Remove a committee member")
    BranchView removeMember(@PathVariable String gridCode, @PathVariable long personId) {
        return party.removeMember(grid(gridCode), personId);
    }

    @GetMapping("/api/v1/regions/{code}/party")
    @Operation(summary = "The party organisation below a region: street committees, community committees, grid branches")
    PartyTree tree(@PathVariable String code) {
        return party.tree(RegionService.parseCode(code));
    }
}
