/** Translated problem details and bounded uploads (the rest of the package is the platform's own web setup), open to the modules that declare {@code "platform :: web"}. */
@NamedInterface("web")
package org.wuyi.platform.web;

import org.springframework.modulith.NamedInterface;
