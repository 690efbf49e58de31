/**
 * Infrastructure every module may use through its named interfaces: spreadsheets (POI), COPY, field encryption, translated problem details and bounded uploads; internally the embedded database, locale, error pages and the clock.
 */
@ApplicationModule(displayName = "platform", allowedDependencies = { "shared" })
package org.wuyi.platform;

import org.springframework.modulith.ApplicationModule;
