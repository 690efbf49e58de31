package org.wuyi.party.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridKind;
import org.wuyi.grid.GridService;
import org.wuyi.grid.GridView;
import org.wuyi.identity.RegionScope;
import org.wuyi.party.BranchView;
import org.wuyi.party.PartyAppointments;
import org.wuyi.party.PartyProblem;
import org.wuyi.party.PartyService;
import org.wuyi.region.Region;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.GridStaff;
import org.wuyi.staff.StaffService;

/**
 * A grid's page: its party branch, the branch secretary (for a residential grid, the grid leader, read
 * from the branch), the committee, and the six staff with phone numbers a phone can call.
 */
@Controller
class GridBranchPageController {

    private final GridService grids;
    private final PartyService party;
    private final PartyAppointments appointments;
    private final RegionScope scope;
    private final MessageSource messages;
    private final StaffService staff;
    private final RegionService regions;

    GridBranchPageController(GridService grids, PartyService party, PartyAppointments appointments, RegionScope scope,
                             MessageSource messages, StaffService staff, RegionService regions) {
        this.grids = grids;
        this.party = party;
        this.appointments = appointments;
        this.scope = scope;
        this.messages = messages;
        this.staff = staff;
        this.regions = regions;
    }

    @GetMapping("/regions/{code}/party")
    String tree(@PathVariable String code, Model model) {
        RegionCode region = RegionService.parseCode(code);
        model.addAttribute("tree", party.tree(region));
        model.addAttribute("lineage", regions.lineageWithinScope(region));
        return "party/tree";
    }

    @GetMapping("/grids/{code}")
    String grid(@PathVariable String code, Model model) {
        GridCode gridCode = PartyApiController.grid(code);
        GridView grid = grids.grid(gridCode);
        RegionCode community = RegionCode.of(grid.communityCode());
        List<Region> lineage = regions.lineageWithinScope(community);
        model.addAttribute("grid", grid);
        model.addAttribute("lineage", lineage);
        try {
            model.addAttribute("branch", party.branch(gridCode));
        } catch (PartyProblem problem) {
            if (problem.getStatusCode() != HttpStatus.NOT_FOUND) {
                throw problem;
            }
            model.addAttribute("branch", null);
        }
        GridStaff gridStaff = grid.kind() == GridKind.RESIDENTIAL ? staff.gridStaff(gridCode, null) : null;
        model.addAttribute("staff", gridStaff);
        BranchView branch = (BranchView) model.getAttribute("branch");
        if (branch != null) {
            model.addAttribute("terms", appointments.branchTerms(gridCode));
            boolean mayAppoint = scope.mayChange(gridCode.value(), PartyService.MANAGERS);
            model.addAttribute("mayAppoint", mayAppoint);
            if (mayAppoint) {
                model.addAttribute("candidates", candidates(branch, gridStaff));
            }
        }
        return "party/grid";
    }

    /** Who may be appointed from the page: the party members among the branch committee and the grid's staff. */
    private static Map<Long, String> candidates(BranchView branch, GridStaff gridStaff) {
        Map<Long, String> people = new LinkedHashMap<>();
        branch.members().stream().filter(member -> member.person().partyMember())
                .forEach(member -> people.put(member.person().id(), member.person().name()));
        if (gridStaff != null) {
            gridStaff.members().stream().filter(GridStaff.Member::partyMember)
                    .forEach(member -> people.putIfAbsent(member.personId(), member.name()));
        }
        if (branch.secretary() != null) {
            people.remove(branch.secretary().id());
        }
        return people;
    }

    @PostMapping("/grids/{code}/leader")
    String appoint(@PathVariable String code, @RequestParam(required = false) Long personId, @RequestParam int version,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        GridCode gridCode = PartyApiController.grid(code);
        try {
            if (personId == null) {
                throw new PartyProblem(HttpStatus.BAD_REQUEST, "problem.party.secretary-fields");
            }
            appointments.appointGridLeader(gridCode, personId, version, from, reason);
            redirect.addFlashAttribute("leaderDone", "appointed");
        } catch (PartyProblem problem) {
            redirect.addFlashAttribute("leaderProblem", text(problem, locale));
        }
        return "redirect:/grids/" + gridCode.value() + "#leader";
    }

    @PostMapping("/grids/{code}/leader/leave")
    String leave(@PathVariable String code, @RequestParam int version,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                 @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        GridCode gridCode = PartyApiController.grid(code);
        try {
            appointments.leaderLeaves(gridCode, version, on, reason);
            redirect.addFlashAttribute("leaderDone", "left");
        } catch (PartyProblem problem) {
            redirect.addFlashAttribute("leaderProblem", text(problem, locale));
        }
        return "redirect:/grids/" + gridCode.value() + "#leader";
    }

    @GetMapping("/regions/{code}/committee")
    String committee(@PathVariable String code, Model model) {
        RegionCode region = RegionService.parseCode(code);
        model.addAttribute("committee", appointments.committee(region));
        model.addAttribute("lineage", regions.lineageWithinScope(region));
        return "party/committee";
    }

    @PostMapping("/regions/{code}/committee")
    String nameCommittee(@PathVariable String code, @RequestParam(required = false) String name, RedirectAttributes redirect,
                         Locale locale) {
        RegionCode region = RegionService.parseCode(code);
        try {
            appointments.nameCommittee(region, name);
            redirect.addFlashAttribute("done", true);
        } catch (PartyProblem problem) {
            redirect.addFlashAttribute("problem", text(problem, locale));
        }
        return "redirect:/regions/" + region.value() + "/committee";
    }

    @PostMapping("/regions/{code}/committee/secretary")
    String committeeSecretary(@PathVariable String code, @RequestParam(required = false) Long personId,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              RedirectAttributes redirect, Locale locale) {
        RegionCode region = RegionService.parseCode(code);
        try {
            if (personId == null) {
                throw new PartyProblem(HttpStatus.BAD_REQUEST, "problem.party.secretary-fields");
            }
            appointments.appointCommitteeSecretary(region, personId, from);
            redirect.addFlashAttribute("done", true);
        } catch (PartyProblem problem) {
            redirect.addFlashAttribute("problem", text(problem, locale));
        }
        return "redirect:/regions/" + region.value() + "/committee";
    }

    private String text(PartyProblem problem, Locale locale) {
        return messages.getMessage(problem.getDetailMessageCode(), problem.getDetailMessageArguments(), locale);
    }
}
