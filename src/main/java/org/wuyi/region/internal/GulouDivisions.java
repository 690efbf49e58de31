package org.wuyi.region.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.wuyi.identity.AuditLog;
import org.wuyi.shared.RegionCode;

/** The demo district: Gulou's real divisions, from the extract shipped inside Wuyi. Idempotent. */
@Component
@Profile("demo")
@Order(10)
class GulouDivisions implements ApplicationRunner {

    static final RegionCode GULOU = RegionCode.of("350102");

    private final DivisionImporter importer;

    GulouDivisions(DivisionImporter importer) {
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments args) {
        DivisionImportResult result = importer.importDivisions(DivisionSource.classpath("divisions/350102"), GULOU,
                AuditLog.SYSTEM, ImportProgress.SILENT);
        if (result instanceof DivisionImportResult.Refused refused) {
            throw new IllegalStateException("the shipped Gulou extract was refused: " + refused.problems());
        }
    }
}
