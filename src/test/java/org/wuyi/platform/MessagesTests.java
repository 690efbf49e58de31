package org.wuyi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every message exists in both languages, and no page holds text that bypasses the message files. */
class MessagesTests {

    private static final Path RESOURCES = Path.of("src/main/resources");

    @Test
    void everyMessageKeyExistsInChineseAndEnglish() throws IOException {
        Set<String> chinese = keys("messages.properties");
        Set<String> english = keys("messages_en.properties");
        assertThat(chinese).as("keys in messages.properties (zh-CN)").isNotEmpty();
        Set<String> missingInEnglish = new TreeSet<>(chinese);
        missingInEnglish.removeAll(english);
        Set<String> missingInChinese = new TreeSet<>(english);
        missingInChinese.removeAll(chinese);
        assertThat(missingInEnglish).as("keys missing in messages_en.properties").isEmpty();
        assertThat(missingInChinese).as("keys missing in messages.properties").isEmpty();
    }

    @Test
    void templatesHoldNoHardCodedText() throws IOException {
        List<String> findings = new ArrayList<>();
        // a tag, with quoted attribute values that may themselves hold '>' (th:if="${n > 0}")
        Pattern tag = Pattern.compile("<[^>\"']*(?:\"[^\"]*\"[^>\"']*|'[^']*'[^>\"']*)*>");
        Pattern letter = Pattern.compile("\\p{L}");
        Pattern literalAttribute = Pattern.compile("\\s(title|placeholder|alt|aria-label)=\"([^\"]*\\p{L}[^\"]*)\"");
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path template : templates.filter(path -> path.toString().endsWith(".html")).toList()) {
                String html = Files.readString(template)
                        .replaceAll("(?s)<!--.*?-->", "")
                        .replaceAll("(?s)<script[^>]*>.*?</script>", "<script></script>")
                        .replaceAll("(?s)<style[^>]*>.*?</style>", "<style></style>");
                for (String text : tag.split(html)) {
                    if (letter.matcher(text).find()) {
                        findings.add(RESOURCES.relativize(template) + ": text \"" + text.strip() + "\"");
                    }
                }
                Matcher attribute = literalAttribute.matcher(html);
                while (attribute.find()) {
                    findings.add(RESOURCES.relativize(template) + ": " + attribute.group(1) + "=\"" + attribute.group(2) + "\"");
                }
            }
        }
        assertThat(findings).as("text in templates must come from messages*.properties (th:text=\"#{...}\")").isEmpty();
    }

    private static Set<String> keys(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(RESOURCES.resolve(file))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
