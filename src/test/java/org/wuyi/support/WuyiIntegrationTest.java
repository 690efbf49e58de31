package org.wuyi.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, in the demo profile (Gulou and the demo logins), on the
 * test JVM's embedded PostgreSQL. All such tests share one application context. Channel routes may point at local
 * receivers there.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the tests' robot and SMS receivers listen on 127.0.0.1 over plain http (TargetPolicyTests checks the refusal)
        // and a mobile may be sent a new code every 2 s instead of every minute (the tests sign up again in seconds)
        // and a rota is solved for 2 s, stale rota jobs looked for every 2 s
        properties = {"wuyi.notification.allow-private-targets=true", "wuyi.notification.code-interval=2s", "wuyi.volunteer.rota-seconds=2",
                "wuyi.volunteer.rota-tidy-ms=2000"})
@ActiveProfiles("demo")
public @interface WuyiIntegrationTest {
}
