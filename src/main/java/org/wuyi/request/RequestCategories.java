package org.wuyi.request;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Role;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.request.internal.CategoryStore;
import org.wuyi.shared.CellText;
import org.wuyi.staff.StaffRole;

/**
 * The district's kinds of need, kept by the district administrator: names, the roles each goes to first, whether a
 * life may be at stake, and the clock's targets in minutes (normal and urgent). A change applies to requests made after
 * it (a request keeps the deadlines it was given). A category is retired, never deleted: its requests keep it.
 */
@Service
public class RequestCategories {

    /** A category as a district writes it; minutes, the arrival targets may be null (nobody needs to come). */
    public record Form(String nameZh, String nameEn, List<String> firstRoles, Boolean lifeSafety, Integer acceptMinutes,
                       Integer arriveMinutes, Integer resolveMinutes, Integer urgentAcceptMinutes, Integer urgentArriveMinutes,
                       Integer urgentResolveMinutes, Boolean active) {
    }

    private static final Set<Role> KEEPERS = Set.of(Role.DISTRICT_ADMIN);
    private static final int MAX_MINUTES = 30 * 24 * 60;

    private final CategoryStore categories;
    private final RegionScope scope;
    private final AuditLog audit;

    RequestCategories(CategoryStore categories, RegionScope scope, AuditLog audit) {
        this.categories = categories;
        this.scope = scope;
        this.audit = audit;
    }

    public List<Category> active() {
        return categories.active();
    }

    public List<Category> retired() {
        return categories.retired();
    }

    /** Whether the signed-in user may change the categories (the district administrator). */
    public boolean mayChange() {
        return scope.currentUser().map(user -> KEEPERS.contains(user.role())).orElse(false);
    }

    /** A category in use or retired, by its code (for naming a request's category). */
    public Optional<Category> find(String code) {
        return code == null ? Optional.empty() : categories.anyState(code);
    }

    /** Adds ({@code code} new) or changes a category; the district administrator only; refused in words when wrong. */
    @Transactional
    public Category save(String code, Form form) {
        scope.checkChange(scope.root().value(), KEEPERS);
        if (code == null || !code.matches("[A-Z][A-Z_]{1,29}")) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "request.categories.code");
        }
        if (form == null || CellText.check(form.nameZh() == null ? "" : form.nameZh().strip(), 30, true).isPresent()
                || CellText.check(form.nameEn() == null ? "" : form.nameEn().strip(), 60, true).isPresent()) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "request.categories.names");
        }
        List<StaffRole> roles = new ArrayList<>();
        for (String role : form.firstRoles() == null ? List.<String>of() : form.firstRoles()) {
            try {
                StaffRole parsed = StaffRole.valueOf(role);
                if (!roles.contains(parsed)) {
                    roles.add(parsed);
                }
            } catch (IllegalArgumentException | NullPointerException unknown) {
                throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "request.categories.roles");
            }
        }
        if (roles.isEmpty()) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "request.categories.roles");
        }
        Category.Targets normal = targets(form.acceptMinutes(), form.arriveMinutes(), form.resolveMinutes());
        Category.Targets urgent = targets(form.urgentAcceptMinutes(), form.urgentArriveMinutes(), form.urgentResolveMinutes());
        if (urgent.accept().compareTo(normal.accept()) > 0 || urgent.resolve().compareTo(normal.resolve()) > 0) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "request.categories.urgent");
        }
        Category category = new Category(code, form.nameZh().strip(), form.nameEn().strip(), roles, Boolean.TRUE.equals(form.lifeSafety()),
                normal, urgent);
        boolean added = categories.save(category, !Boolean.FALSE.equals(form.active()));
        audit.record(added ? "request.category-added" : "request.category-changed", scope.root().value(),
                "code=%s roles=%s accept=%s/%s resolve=%s/%s active=%s".formatted(code, roles, normal.accept().toMinutes(),
                        urgent.accept().toMinutes(), normal.resolve().toMinutes(), urgent.resolve().toMinutes(), !Boolean.FALSE.equals(form.active())));
        return category;
    }

    /** Targets in order: accepted, then (if anyone must come) arrived, then resolved, each within 30 days. */
    private static Category.Targets targets(Integer accept, Integer arrive, Integer resolve) {
        if (accept == null || resolve == null || accept < 1 || resolve > MAX_MINUTES || accept > resolve
                || (arrive != null && (arrive < accept || arrive > resolve))) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "request.categories.targets");
        }
        return new Category.Targets(Duration.ofMinutes(accept), arrive == null ? null : Duration.ofMinutes(arrive), Duration.ofMinutes(resolve));
    }
}
