package org.wuyi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pages' content security policy lets the maps' tile server's images in, and nothing else beside our own. */
class TileOriginTests {

    @Test
    void theTileServersOriginIsAllowedForImagesOnly() {
        assertThat(SecurityConfiguration.tileOrigin("")).isEmpty();
        assertThat(SecurityConfiguration.tileOrigin(null)).isEmpty();
        assertThat(SecurityConfiguration.tileOrigin("https://tiles.fz.gov.example:8443/osm/{z}/{x}/{y}.png"))
                .isEqualTo(" https://tiles.fz.gov.example:8443");
        assertThat(SecurityConfiguration.tileOrigin("https://{s}.tile.example.org/{z}/{x}/{y}.png")).isEqualTo(" https://*.tile.example.org");
        assertThat(SecurityConfiguration.tileOrigin("javascript:alert(1)")).as("not a web address: nothing let in").isEmpty();
        assertThat(SecurityConfiguration.tileOrigin("https://a.example; script-src *")).as("no directive slipped in").isEqualTo(" https://a.example");
    }
}
