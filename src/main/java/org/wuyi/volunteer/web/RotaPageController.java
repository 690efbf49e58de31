package org.wuyi.volunteer.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wuyi.grid.CompoundService;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.volunteer.PostService;
import org.wuyi.volunteer.RotaJobView;
import org.wuyi.volunteer.RotaJobs;

/** A compound's rota page: its posts, asking for a rota, and each job as it is solved (refreshing itself). */
@Controller
class RotaPageController {

    private final RotaJobs rotas;
    private final PostService posts;
    private final CompoundService compounds;
    private final Clock clock;
    private final ZoneId zone;

    RotaPageController(RotaJobs rotas, PostService posts, CompoundService compounds, Clock clock,
                       @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.rotas = rotas;
        this.posts = posts;
        this.compounds = compounds;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/compounds/{id}/rota")
    String page(@PathVariable long id, Model model) {
        LocalDate monday = LocalDate.now(clock.withZone(zone)).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        model.addAttribute("compound", compounds.compound(id));
        model.addAttribute("posts", posts.posts(id));
        model.addAttribute("mayChange", posts.mayChange(id));
        model.addAttribute("jobs", rotas.recent(id));
        model.addAttribute("from", monday);
        model.addAttribute("to", monday.plusDays(6));
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("skills", org.wuyi.volunteer.Skill.values());
        return "volunteer/rota";
    }

    /** Adds a post from the page's form: the days ticked (0 = Monday) become the post's day string. */
    @PostMapping("/compounds/{id}/posts")
    String addPost(@PathVariable long id, @RequestParam(required = false) Long gateId, @RequestParam(required = false) Integer headcount,
                   @RequestParam(required = false) Integer fromHour, @RequestParam(required = false) Integer toHour,
                   @RequestParam(name = "day", required = false) java.util.List<Integer> days,
                   @RequestParam(defaultValue = "false") boolean suitsOlder, @RequestParam(required = false) String requiredSkill, Model model) {
        char[] week = "0000000".toCharArray();
        if (days != null) {
            days.stream().filter(day -> day != null && day >= 0 && day < 7).forEach(day -> week[day] = '1');
        }
        try {
            posts.add(id, new PostService.PostForm(gateId, headcount, fromHour, toHour, new String(week), suitsOlder,
                    requiredSkill == null || requiredSkill.isBlank() ? null : requiredSkill, null));
            return "redirect:/compounds/" + id + "/rota";
        } catch (TranslatedProblem refused) {
            model.addAttribute("postProblem", refused);
            return page(id, model);
        }
    }

    @PostMapping("/compounds/{id}/posts/{post}/remove")
    String removePost(@PathVariable long id, @PathVariable long post, @RequestParam int version) {
        posts.remove(post, version);
        return "redirect:/compounds/" + id + "/rota";
    }

    @PostMapping("/compounds/{id}/rota")
    String solve(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        try {
            return "redirect:/rota-jobs/" + rotas.solve(id, from, to).id();
        } catch (TranslatedProblem refused) {
            model.addAttribute("problem", refused);
            return page(id, model);
        }
    }

    @GetMapping("/rota-jobs/{id}")
    String job(@PathVariable long id, Model model) {
        RotaJobView job = rotas.job(id);
        model.addAttribute("job", job);
        model.addAttribute("compound", compounds.compound(job.compoundId()));
        return "volunteer/rota-job";
    }

    /** The job's state, for the page to refresh (htmx). */
    @GetMapping(value = "/rota-jobs/{id}", headers = "HX-Request")
    String jobState(@PathVariable long id, Model model) {
        model.addAttribute("job", rotas.job(id));
        return "volunteer/rota-job :: state";
    }
}
