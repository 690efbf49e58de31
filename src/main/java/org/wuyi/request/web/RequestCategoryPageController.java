package org.wuyi.request.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.request.Category;
import org.wuyi.request.RequestCategories;
import org.wuyi.staff.StaffRole;

/**
 * The district's kinds of need on a page ({@code /request-categories}): everyone signed in reads the roles and targets
 * their requests follow; the district administrator changes them, adds one or retires one. A refused change is shown
 * above its own form with what was typed, and nothing is saved.
 */
@Controller
class RequestCategoryPageController {

    private final RequestCategories categories;

    RequestCategoryPageController(RequestCategories categories) {
        this.categories = categories;
    }

    @GetMapping("/request-categories")
    String page(Model model) {
        List<Map<String, String>> forms = new ArrayList<>();
        categories.active().forEach(category -> forms.add(fields(category, true)));
        categories.retired().forEach(category -> forms.add(fields(category, false)));
        Map<String, String> fresh = new LinkedHashMap<>();
        fresh.put("code", "");
        fresh.put("active", "on");
        forms.add(fresh);
        if (model.getAttribute("editing") instanceof Map<?, ?> editing) {
            // a refused change: its form shows what was typed
            boolean added = "new".equals(editing.get("form"));
            for (int i = 0; i < forms.size(); i++) {
                if (added ? i == forms.size() - 1 : forms.get(i).get("code").equals(editing.get("code"))) {
                    @SuppressWarnings("unchecked")
                    Map<String, String> typed = (Map<String, String>) editing;
                    forms.set(i, typed);
                    model.addAttribute("problemAt", i);
                    break;
                }
            }
        }
        model.addAttribute("forms", forms);
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("mayChange", categories.mayChange());
        return "request/categories";
    }

    @PostMapping("/request-categories")
    String save(@RequestParam MultiValueMap<String, String> fields, Model model, RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>(fields.toSingleValueMap());
        String code = typed.getOrDefault("code", "").strip();
        try {
            categories.save(code, form(fields));
        } catch (TranslatedProblem problem) {
            model.addAttribute("editing", typed);
            model.addAttribute("problem", problem);
            return page(model);
        }
        redirect.addFlashAttribute("saved", code);
        return "redirect:/request-categories#category-" + code;
    }

    private static RequestCategories.Form form(MultiValueMap<String, String> fields) {
        List<String> roles = new ArrayList<>();
        for (String key : List.of("role1", "role2", "role3")) {
            String role = fields.getFirst(key);
            if (role != null && !role.isBlank()) {
                roles.add(role.strip());
            }
        }
        return new RequestCategories.Form(fields.getFirst("nameZh"), fields.getFirst("nameEn"), roles, "on".equals(fields.getFirst("lifeSafety")),
                minutes(fields.getFirst("accept")), minutes(fields.getFirst("arrive")), minutes(fields.getFirst("resolve")),
                minutes(fields.getFirst("urgentAccept")), minutes(fields.getFirst("urgentArrive")), minutes(fields.getFirst("urgentResolve")),
                "on".equals(fields.getFirst("active")));
    }

    /** Minutes as typed: blank is none; anything but a whole number is refused by the targets' own check (-1). */
    private static Integer minutes(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private static Map<String, String> fields(Category category, boolean active) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("code", category.code());
        fields.put("nameZh", category.nameZh());
        fields.put("nameEn", category.nameEn());
        for (int i = 0; i < 3; i++) {
            fields.put("role" + (i + 1), i < category.firstRoles().size() ? category.firstRoles().get(i).name() : "");
        }
        fields.put("lifeSafety", category.lifeSafety() ? "on" : "");
        fields.put("accept", text(category.normal().accept()));
        fields.put("arrive", text(category.normal().arrive()));
        fields.put("resolve", text(category.normal().resolve()));
        fields.put("urgentAccept", text(category.urgent().accept()));
        fields.put("urgentArrive", text(category.urgent().arrive()));
        fields.put("urgentResolve", text(category.urgent().resolve()));
        fields.put("active", active ? "on" : "");
        return fields;
    }

    private static String text(Duration duration) {
        return duration == null ? "" : String.valueOf(duration.toMinutes());
    }
}
