/**
 * Administrative divisions with official codes; their import; the region browser and API; the home page and layout of every page.
 */
@ApplicationModule(displayName = "region", allowedDependencies = { "shared", "identity", "platform :: web", "platform :: jdbc" })
package org.wuyi.region;

import org.springframework.modulith.ApplicationModule;
