package org.wuyi.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Against server-side request forgery: where a robot or SMS-gateway address may point. */
class TargetPolicyTests {

    private static TargetPolicy policy(boolean allowPrivate) {
        return new TargetPolicy(new NotificationProperties(true, 2, 50, Duration.ofMillis(500), 5, Duration.ofSeconds(2),
                new NotificationProperties.Webhook("", "", Duration.ofSeconds(2), Duration.ofSeconds(5)),
                new NotificationProperties.Email(""), "", "", "", Duration.ofSeconds(60), allowPrivate));
    }

    @Test
    void onlyHttpsToPublicAddresses() {
        TargetPolicy policy = policy(false);
        assertThat(policy.problem("http://8.8.8.8/hook")).contains("problem.channel.https");
        assertThat(policy.problem("ftp://8.8.8.8/hook")).contains("problem.channel.https");
        assertThat(policy.problem("https://user:pw@8.8.8.8/hook")).contains("problem.channel.https");
        assertThat(policy.problem("not a url")).isPresent();
        for (String inside : new String[] {"https://127.0.0.1/x", "https://localhost/x", "https://10.1.2.3/x", "https://192.168.0.1/x",
                "https://172.16.5.5/x", "https://169.254.169.254/latest/meta-data", "https://[::1]/x", "https://[fd00::1]/x",
                "https://0.0.0.0/x", "https://100.64.0.1/x"}) {
            assertThat(policy.problem(inside)).as(inside).contains("problem.channel.private");
        }
        assertThat(policy.problem("https://8.8.8.8/cgi-bin/webhook/send?key=k")).isEmpty();
    }

    @Test
    void aSettingAllowsAnIntranetGateway() {
        TargetPolicy policy = policy(true);
        assertThat(policy.problem("http://10.1.2.3/sms")).isEmpty();
        assertThat(policy.problem("ftp://10.1.2.3/sms")).contains("problem.channel.https");
    }
}
