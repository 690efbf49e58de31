/** The platform's crypto interface, open to the modules that declare {@code "platform :: crypto"}. */
@NamedInterface("crypto")
package org.wuyi.platform.crypto;

import org.springframework.modulith.NamedInterface;
