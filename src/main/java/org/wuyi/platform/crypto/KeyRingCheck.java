package org.wuyi.platform.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * At start (after the migrations, before the web server takes a request): refuses to run when stored values are sealed
 * under a key the settings no longer hold — every read of them would fail — and names the setting to put it back in;
 * says when values are still under a retired key, so that {@code rotate-keys} is not forgotten. Commands skip it
 * ({@code rotate-keys} reports the same itself).
 */
@Component
class KeyRingCheck implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(KeyRingCheck.class);

    private final List<SealedValues> sealed;
    private final Environment environment;

    KeyRingCheck(List<SealedValues> sealed, Environment environment) {
        this.sealed = sealed;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!environment.getProperty("wuyi.command", "").isEmpty()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (SealedValues values : sealed) {
            FieldCipher ring = values.ring();
            if (ring == null) {
                continue;
            }
            for (Map.Entry<Integer, Long> entry : values.countByVersion().entrySet()) {
                int version = entry.getKey();
                if (ring.key(version).isEmpty()) {
                    missing.add("%s: %d sealed under key %d, which %s does not hold (add it to %s-retired)"
                            .formatted(values.name(), entry.getValue(), version, values.setting(), values.setting()));
                    continue;
                }
                if (version != ring.current().version()) {
                    log.info("{} values of {} are still under retired {}: run rotate-keys to reseal them under {}", entry.getValue(),
                            values.name(), ring.key(version).orElseThrow(), ring.current());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Stored values need keys that are not configured; a key is removed only after rotate-keys "
                    + "reports that nothing needs it. " + String.join("; ", missing));
        }
    }
}
