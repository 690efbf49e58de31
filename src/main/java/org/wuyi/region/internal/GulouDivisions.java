package org.wuyi.region.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.wuyi.identity.AuditLog;
import org.wuyi.region.DemoDivisionsReady;
import org.wuyi.shared.RegionCode;

/**
 * The demo district: Gulou's real divisions, from the extract shipped inside Wuyi (idempotent). This is where
 * the demo data starts; every module's demo data follows from here by events, each module listening to the
 * {@code Demo…Ready} event of what its data needs: {@link DemoDivisionsReady} → grid → staff → (party, wartime).
 */
@Component
@Profile("demo")
class GulouDivisions implements ApplicationRunner {

    static final RegionCode GULOU = RegionCode.of("350102");

    private final DivisionImporter importer;
    private final ApplicationEventPublisher events;

    GulouDivisions(DivisionImporter importer, ApplicationEventPublisher events) {
        this.importer = importer;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        DivisionImportResult result = importer.importDivisions(DivisionSource.classpath("divisions/350102"), GULOU,
                AuditLog.SYSTEM, ImportProgress.SILENT);
        if (result instanceof DivisionImportResult.Refused refused) {
            throw new IllegalStateException("the shipped Gulou extract was refused: " + refused.problems());
        }
        events.publishEvent(new DemoDivisionsReady(GULOU));
    }
}
