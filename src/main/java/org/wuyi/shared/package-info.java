/**
 * Value types used everywhere: region and grid codes, phone and ID-card numbers, credit codes, the free-text cell rule. Depends on nothing.
 */
@ApplicationModule(displayName = "shared", allowedDependencies = {  })
package org.wuyi.shared;

import org.springframework.modulith.ApplicationModule;
