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

    @Test
    void everyAuditActionHasWordsOnTheAuditPage() throws IOException {
        // audit.record("module.action", …), audit.recordAll("module.action", …), audit.recordAs(actor, "module.action", …);
        // the action is a literal, or a call of a method of the same class that returns one of the literals it holds
        Pattern call = Pattern.compile("\\baudit\\.record(As|All)?\\(");
        Pattern code = Pattern.compile("^\"([a-z]+\\.[a-z0-9-]+)\"$");
        Pattern helper = Pattern.compile("^([a-zA-Z]+)\\(.*\\)$");
        Pattern codeInside = Pattern.compile("\"([a-z]+\\.[a-z0-9-]+)\"");
        Set<String> chinese = keys("messages.properties");
        Set<String> english = keys("messages_en.properties");
        List<String> findings = new ArrayList<>();
        int calls = 0;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                String java = Files.readString(source);
                Matcher at = call.matcher(java);
                while (at.find()) {
                    calls++;
                    List<String> arguments = arguments(java, at.end());
                    String action = arguments.get("As".equals(at.group(1)) ? 1 : 0);
                    List<String> codes = new ArrayList<>();
                    Matcher literal = code.matcher(action);
                    Matcher method = helper.matcher(action);
                    if (literal.find()) {
                        codes.add(literal.group(1));
                    } else if (action.contains("?")) { // a choice between literals
                        Matcher inside = codeInside.matcher(action);
                        while (inside.find()) {
                            codes.add(inside.group(1));
                        }
                    } else if (method.find() && java.contains("String " + method.group(1) + "(")) {
                        int body = java.indexOf("String " + method.group(1) + "(");
                        Matcher inside = codeInside.matcher(java.substring(body, java.indexOf("\n    }", body)));
                        while (inside.find()) {
                            codes.add(inside.group(1));
                        }
                    }
                    if (codes.isEmpty()) {
                        findings.add(source.getFileName() + ": an audit call whose action is not a literal code: " + action);
                    }
                    for (String each : codes) {
                        if (!chinese.contains("audit.action." + each) || !english.contains("audit.action." + each)) {
                            findings.add(source.getFileName() + ": audit.action." + each);
                        }
                    }
                }
            }
        }
        assertThat(calls).as("audit calls found in the sources").isGreaterThan(50);
        assertThat(findings).as("audit actions without words in messages.properties and messages_en.properties").isEmpty();
    }

    /** The top-level arguments of a call whose opening parenthesis ends just before {@code from}. */
    private static List<String> arguments(String java, int from) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (int i = from; i < java.length(); i++) {
            char c = java.charAt(i);
            if (quoted) {
                quoted = c != '"' || java.charAt(i - 1) == '\\';
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0) {
                arguments.add(current.toString().strip());
                return arguments;
            } else if (c == ',' && depth == 0) {
                arguments.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        throw new IllegalStateException("unclosed call at " + from);
    }

    private static Set<String> keys(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(RESOURCES.resolve(file))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
