package org.wuyi.identity.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code java -jar wuyi.jar verify-audit [--lang=en]}: walks the audit log's hash chain and names the first entry that
 * does not fit (edited, removed or inserted behind Wuyi's back). Exit code 0 intact, 1 broken.
 */
@Component
@ConditionalOnProperty(name = "wuyi.command", havingValue = "verify-audit")
class VerifyAuditCommand implements ApplicationRunner, ExitCodeGenerator {

    private final AuditChain chain;
    private final MessageSource messages;
    private int exitCode;

    VerifyAuditCommand(AuditChain chain, MessageSource messages) {
        this.chain = chain;
        this.messages = messages;
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public void run(ApplicationArguments args) {
        List<String> lang = args.getOptionValues("lang");
        Locale locale = lang != null && lang.contains("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        AuditChain.Verdict verdict = chain.verify();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (verdict.intact()) {
            out.println(messages.getMessage("cli.verify-audit.intact", new Object[] {verdict.checked(), verdict.beforeChain(),
                    messages.getMessage(verdict.keyed() ? "cli.verify-audit.keyed" : "cli.verify-audit.unkeyed", null, locale)}, locale));
            if (verdict.linksOnly() > 0) {
                out.println(messages.getMessage("cli.verify-audit.links-only", new Object[] {verdict.linksOnly()}, locale));
            }
            exitCode = 0;
        } else {
            out.println(messages.getMessage("cli.verify-audit.broken", new Object[] {verdict.firstBroken(), verdict.reason(),
                    verdict.checked()}, locale));
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
