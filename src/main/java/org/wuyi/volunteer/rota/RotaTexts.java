package org.wuyi.volunteer.rota;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * Shows {@link RotaAudit.Text}s in the reader's language: an argument that is a date becomes "周三（12月9日）" (message
 * {@code rota.day}), one that is a message key ({@code rota.…}) becomes its text.
 */
public final class RotaTexts {

    private RotaTexts() {
    }

    public static String render(RotaAudit.Text text, MessageSource messages, Locale locale) {
        return render(text.key(), text.args(), messages, locale);
    }

    public static String render(String key, List<?> args, MessageSource messages, Locale locale) {
        Object[] shown = new Object[args.size()];
        for (int i = 0; i < shown.length; i++) {
            Object arg = args.get(i);
            shown[i] = arg instanceof String text ? word(text, messages, locale) : arg;
        }
        return messages.getMessage(key, shown, locale);
    }

    private static Object word(String text, MessageSource messages, Locale locale) {
        if (text.startsWith("rota.")) {
            return messages.getMessage(text, null, locale);
        }
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            try {
                LocalDate date = LocalDate.parse(text);
                String weekday = messages.getMessage("volunteer.weekday." + date.getDayOfWeek().name().substring(0, 3), null, locale);
                return messages.getMessage("rota.day", new Object[] {weekday, date.getMonthValue(), date.getDayOfMonth()}, locale);
            } catch (DateTimeParseException notADate) {
                return text;
            }
        }
        return text;
    }
}
