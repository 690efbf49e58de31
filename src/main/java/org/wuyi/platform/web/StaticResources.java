package org.wuyi.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wuyi's static files under the three paths they live at — {@code /webjars/**} (version-less, found by the WebJars
 * locator), {@code /css/**}, {@code /js/**} — instead of Spring Boot's catch-all {@code /**} (switched off with
 * {@code spring.web.resources.add-mappings=false}). With the catch-all, every link a page builds ({@code @{…}}) was
 * looked up as a possible static file, four class-path lookups a link: the district's performance page, some 450 links,
 * spent a good part of its time there (a profile of the issue-15 benchmark).
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/").resourceChain(true);
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/");
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/");
    }
}
