package org.wuyi.party.web;

import java.time.LocalDate;

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
import org.wuyi.party.PartyProblem;
import org.wuyi.party.PartyService;
import org.wuyi.party.PartyTree;
import org.wuyi.region.RegionService;

@RestController
@Tag(name = "party", description = "One party branch per grid (1格1支部) within the caller's region")
class PartyApiController {

    private final PartyService party;

    PartyApiController(PartyService party) {
        this.party = party;
    }

    static GridCode grid(String code) {
        return GridCode.parse(code).orElseThrow(() -> new PartyProblem(HttpStatus.BAD_REQUEST, "problem.grid.invalid-code"));
    }

    record NewBranch(String name, String authority, Long secretaryId, LocalDate founded) {
    }

    record Secretary(@NotNull(message = "{problem.party.secretary-fields}") Long personId,
                     @NotNull(message = "{problem.party.secretary-fields}") Integer version) {
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
    @Operation(summary = "Appoint the branch secretary (a party member); for a residential grid this is its grid leader")
    BranchView secretary(@PathVariable String gridCode, @Valid @RequestBody Secretary secretary) {
        return party.appointSecretary(grid(gridCode), secretary.personId(), secretary.version());
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
