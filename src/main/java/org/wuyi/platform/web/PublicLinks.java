package org.wuyi.platform.web;

import org.springframework.stereotype.Component;
import org.wuyi.platform.PlatformProperties;

/**
 * Links that leave Wuyi in messages and posters (acknowledgement links, sign-up QR codes): the address people
 * reach Wuyi at ({@code wuyi.public-url}, {@code http://localhost:8080} by default) followed by a path.
 */
@Component
public class PublicLinks {

    private final String base;

    PublicLinks(PlatformProperties properties) {
        String base = properties.publicUrl();
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The absolute link to a path such as {@code /ack/TOKEN}. */
    public String to(String path) {
        return base + path;
    }
}
