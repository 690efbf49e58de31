/**
 * Residential and work-unit grids, compounds, buildings, gates and work units; coverage; point and address lookup; GeoJSON, spreadsheet imports and the map.
 */
@ApplicationModule(displayName = "grid", allowedDependencies = { "shared", "identity", "region", "platform :: web", "platform :: spreadsheet" })
package org.wuyi.grid;

import org.springframework.modulith.ApplicationModule;
