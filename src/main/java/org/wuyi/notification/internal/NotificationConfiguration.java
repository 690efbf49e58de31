package org.wuyi.notification.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

    /** SMS: written to the log in the demo profile (nothing leaves the machine), posted to the gateway otherwise. */
    @Bean
    @Profile("demo")
    SmsGateway loggingSmsGateway() {
        return new LoggingSmsGateway();
    }

    /** One-time codes: to the log in the demo profile; as an SMS through the region's gateway otherwise. */
    @Bean
    @Profile("demo")
    CodeSender loggingCodeSender() {
        return new LoggingCodeSender();
    }

    @Bean
    @Profile("!demo")
    CodeSender smsCodeSender(RouteRepository routes, SmsGateway gateway, NotificationProperties properties) {
        return new SmsCodeSender(routes, gateway, properties);
    }

    @Bean
    @Profile("!demo")
    SmsGateway httpSmsGateway(JsonMapper json, TargetPolicy targets, NotificationProperties properties) {
        return new HttpSmsGateway(json, targets, properties);
    }
}
