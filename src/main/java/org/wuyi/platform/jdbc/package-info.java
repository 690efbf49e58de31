/** The platform's jdbc interface, open to the modules that declare {@code "platform :: jdbc"}. */
@NamedInterface("jdbc")
package org.wuyi.platform.jdbc;

import org.springframework.modulith.NamedInterface;
