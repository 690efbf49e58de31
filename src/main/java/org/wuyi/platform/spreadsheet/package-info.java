/** The platform's spreadsheet interface, open to the modules that declare {@code "platform :: spreadsheet"}. */
@NamedInterface("spreadsheet")
package org.wuyi.platform.spreadsheet;

import org.springframework.modulith.NamedInterface;
