package org.wuyi.staff.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;

/**
 * Staff settings ({@code wuyi.staff.*}): the key sealing ID numbers at rest (none: no ID numbers), written
 * {@code VERSION:ALGORITHM:BASE64} or as bare base64 (version 1, AES-256-GCM); the retired keys, comma-separated, kept
 * only until {@code rotate-keys} has resealed everything under the current one.
 */
@ConfigurationProperties("wuyi.staff")
public record StaffProperties(@DefaultValue("") String idKey, @DefaultValue("") String idKeyRetired) {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StaffProperties.class)
    static class Registration {
    }
}
