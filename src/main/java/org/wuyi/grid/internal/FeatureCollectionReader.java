package org.wuyi.grid.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.locationtech.jts.geom.Polygon;
import org.wuyi.grid.GridImportService.FeatureProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the features of a GeoJSON FeatureCollection for an import: each feature's key from its properties (a
 * grid code, a community code), its polygon, a duplicated key — every problem noted with the feature's position.
 * Grids and community boundaries differ only in their {@link Features}.
 */
public final class FeatureCollectionReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FeatureCollectionReader() {
    }

    /** What one kind of feature makes of its properties. */
    public interface Features<K, V> {
        /** The feature's key, or null after noting why it has none. */
        K key(int position, JsonNode properties, List<FeatureProblem> problems);

        V value(K key, JsonNode properties, Polygon shape);
    }

    /**
     * The features of a FeatureCollection by key, each checked for properties, its own rules, its shape
     * and a duplicated key; every problem is noted with the feature's position.
     */
    public static <K, V> Map<K, V> read(String geoJson, List<FeatureProblem> problems, Function<K, String> codeOf,
                                        Features<K, V> reader) {
        Map<K, V> features = new LinkedHashMap<>();
        JsonNode root = features(geoJson, problems);
        if (root == null) {
            return features;
        }
        Map<K, Integer> seen = new HashMap<>();
        int position = 0;
        for (JsonNode feature : root.path("features")) {
            position++;
            JsonNode properties = feature.path("properties");
            if (!properties.isObject()) {
                problems.add(new FeatureProblem(position, null, "grid.import.no-properties"));
                continue;
            }
            K key = reader.key(position, properties, problems);
            if (key == null) {
                continue;
            }
            JsonNode geometry = feature.path("geometry");
            ShapeReader.Outcome shape = geometry.isObject() ? ShapeReader.read(geometry.toString())
                    : new ShapeReader.Outcome(null, "grid.shape.unreadable", null);
            if (!shape.ok()) {
                problems.add(new FeatureProblem(position, codeOf.apply(key), shape.problem()));
                continue;
            }
            Integer first = seen.putIfAbsent(key, position);
            if (first != null) {
                problems.add(new FeatureProblem(position, codeOf.apply(key), "grid.import.duplicate", first));
                continue;
            }
            features.put(key, reader.value(key, properties, shape.polygon()));
        }
        if (position == 0) {
            problems.add(new FeatureProblem(0, null, "grid.import.empty"));
        }
        return features;
    }

    /** The parsed FeatureCollection, or null with the problem noted. */
    private static JsonNode features(String geoJson, List<FeatureProblem> problems) {
        JsonNode root;
        try {
            root = JSON.readTree(geoJson);
        } catch (RuntimeException unreadable) {
            problems.add(new FeatureProblem(0, null, "grid.import.not-json"));
            return null;
        }
        if (root == null || !root.isObject() || !"FeatureCollection".equals(root.path("type").asString(""))
                || !root.path("features").isArray()) {
            problems.add(new FeatureProblem(0, null, "grid.import.not-feature-collection"));
            return null;
        }
        return root;
    }

    /** How many features the file has, for a refused file's preview (0 when it is not JSON). */
    public static int count(String geoJson) {
        try {
            return JSON.readTree(geoJson).path("features").size();
        } catch (RuntimeException unreadable) {
            return 0;
        }
    }
}
