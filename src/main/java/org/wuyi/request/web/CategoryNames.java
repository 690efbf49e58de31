package org.wuyi.request.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.wuyi.request.RequestCategories;

/** The pages' name for a category, from the district's data in the reader's language ({@code ${@categoryNames.of(code)}}). */
@Component("categoryNames")
class CategoryNames {

    private final RequestCategories categories;

    CategoryNames(RequestCategories categories) {
        this.categories = categories;
    }

    public String of(String code) {
        return categories.find(code).map(category -> category.name(LocaleContextHolder.getLocale())).orElse(code);
    }
}
