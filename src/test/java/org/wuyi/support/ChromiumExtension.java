package org.wuyi.support;

import java.util.Arrays;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Chromium per test class for the tests that take it as a {@code Chromium} parameter: launched before the first of
 * them (each skipped without Chromium, as {@link Chromium#launch()} says; the class's other tests run), closed after the
 * class's last test.
 */
public final class ChromiumExtension implements BeforeEachCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ChromiumExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        boolean wanted = context.getTestMethod().map(method -> Arrays.asList(method.getParameterTypes()).contains(Chromium.class)).orElse(false);
        if (wanted) {
            store(context).getOrComputeIfAbsent(Chromium.class, type -> Chromium.launch(), Chromium.class);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Chromium chromium = context.getStore(NAMESPACE).remove(Chromium.class, Chromium.class);
        if (chromium != null) {
            chromium.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Chromium.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return store(context).get(Chromium.class, Chromium.class);
    }

    /** The test class's store (its parent when called for a test method), so that the class's tests share one browser. */
    private static ExtensionContext.Store store(ExtensionContext context) {
        ExtensionContext found = context;
        while (found.getTestMethod().isPresent() && found.getParent().isPresent()) {
            found = found.getParent().get();
        }
        return found.getStore(NAMESPACE);
    }
}
