package org.wuyi.staff.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;

/** Staff settings ({@code wuyi.staff.*}): the 32-byte base64 key encrypting ID numbers at rest (none: no ID numbers). */
@ConfigurationProperties("wuyi.staff")
public record StaffProperties(@DefaultValue("") String idKey) {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StaffProperties.class)
    static class Registration {
    }
}
