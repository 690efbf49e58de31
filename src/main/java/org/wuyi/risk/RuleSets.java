package org.wuyi.risk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The rule sets Wuyi knows: those it ships ({@code risk-rules/*.yaml}: the 9th edition and the twenty measures) and
 * those a district adds as files, YAML or JSON, in {@code wuyi.risk.rule-dir} — no code. Every file is checked at
 * start (known kinds of place, levels from the highest, a lift naming a lower level, 1–60 clean days); a wrong one
 * stops Wuyi with the file and the fault named, rather than leaving a district with rules nobody can trust.
 */
@Service
public class RuleSets {

    private static final Set<String> KINDS = Set.of("COMPOUND", "BUILDING", "UNIT");

    private final Map<String, RuleSet> sets = new LinkedHashMap<>();

    RuleSets(@Value("${wuyi.risk.rule-dir:}") String ruleDir) throws IOException {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:risk-rules/*.yaml")) {
            try (InputStream in = resource.getInputStream()) {
                add(parse(in, resource.getFilename()), resource.getFilename());
            }
        }
        if (!ruleDir.isBlank()) {
            try (Stream<Path> files = Files.list(Path.of(ruleDir))) {
                for (Path file : files.filter(path -> path.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        add(parse(in, file.toString()), file.toString());
                    }
                }
            }
        }
    }

    public List<RuleSet> all() {
        return List.copyOf(sets.values());
    }

    public Optional<RuleSet> find(String code) {
        return Optional.ofNullable(code == null ? null : sets.get(code.strip()));
    }

    private void add(RuleSet set, String file) {
        if (sets.putIfAbsent(set.code(), set) != null) {
            throw new IllegalStateException("risk rule set " + file + ": the code " + set.code() + " is taken by another file");
        }
    }

    /** Reads and checks one file (YAML; JSON is YAML too). */
    static RuleSet parse(InputStream in, String file) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        try {
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("not a mapping");
            }
            String code = text(map, "code");
            if (!code.matches("[a-z0-9-]{2,40}")) {
                throw new IllegalArgumentException("code must be 2–40 lower-case letters, digits or '-'");
            }
            List<String> areas = new ArrayList<>();
            for (Object area : list(map, "areas")) {
                if (!KINDS.contains(String.valueOf(area))) {
                    throw new IllegalArgumentException("areas: " + area + " is none of " + KINDS);
                }
                areas.add(String.valueOf(area));
            }
            List<RuleSet.Level> levels = new ArrayList<>();
            for (Object item : list(map, "levels")) {
                if (!(item instanceof Map<?, ?> level)) {
                    throw new IllegalArgumentException("levels: each level is a mapping");
                }
                RuleSet.Lift lift = null;
                if (level.get("lift") instanceof Map<?, ?> rule) {
                    int days = rule.get("cleanDays") instanceof Number number ? number.intValue() : -1;
                    if (days < 1 || days > 60) {
                        throw new IllegalArgumentException("level " + level.get("level") + ": cleanDays must be 1–60");
                    }
                    lift = new RuleSet.Lift(days, Boolean.TRUE.equals(rule.get("roundOnLastDay")),
                            rule.get("to") == null ? null : String.valueOf(rule.get("to")));
                }
                levels.add(new RuleSet.Level(text(level, "level"), words(level, "name"), words(level, "measures"), lift));
            }
            if (areas.isEmpty() || levels.isEmpty()) {
                throw new IllegalArgumentException("areas and levels must not be empty");
            }
            for (int i = 0; i < levels.size(); i++) {
                RuleSet.Lift lift = levels.get(i).lift();
                if (lift != null && lift.to() != null
                        && levels.subList(i + 1, levels.size()).stream().noneMatch(lower -> lower.level().equals(lift.to()))) {
                    throw new IllegalArgumentException("level " + levels.get(i).level() + " lifts to " + lift.to() + ", which is not a lower level");
                }
            }
            return new RuleSet(code, words(map, "name"), List.copyOf(areas),
                    map.get("note") == null ? null : words(map, "note"), List.copyOf(levels));
        } catch (IllegalArgumentException | ClassCastException wrong) {
            throw new IllegalStateException("risk rule set " + file + ": " + wrong.getMessage(), wrong);
        }
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new IllegalArgumentException(key + " is missing");
        }
        return String.valueOf(value).strip();
    }

    private static List<?> list(Map<?, ?> map, String key) {
        if (!(map.get(key) instanceof List<?> list)) {
            throw new IllegalArgumentException(key + " must be a list");
        }
        return list;
    }

    private static RuleSet.Text words(Map<?, ?> map, String key) {
        if (!(map.get(key) instanceof Map<?, ?> words) || words.get("zh") == null) {
            throw new IllegalArgumentException(key + " must have zh (and en) words");
        }
        return new RuleSet.Text(String.valueOf(words.get("zh")), words.get("en") == null ? null : String.valueOf(words.get("en")));
    }
}
