package io.bfx.model.load;

import io.bfx.model.Choice;
import io.bfx.model.Origin;
import io.bfx.model.SettingValue;
import io.bfx.model.SourceLocation;
import io.bfx.model.diag.Code;
import io.bfx.model.diag.Findings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the fields of one mapping against its {@link EntitySpec}: reports unknown keys (with a suggestion), missing
 * required fields and values of the wrong type, and returns {@code null} or the default for a bad value so that
 * binding always goes on and every problem of a file is reported in one run.
 */
final class Fields {

    private final MapNode map;
    private final EntitySpec spec;
    private final Findings findings;
    private final String label;
    private final Map<String, SourceLocation> fieldLocations = new LinkedHashMap<>();

    Fields(MapNode map, EntitySpec spec, Findings findings) {
        this.map = map;
        this.spec = spec;
        this.findings = findings;
        this.label = describe(map, spec);
        for (MapNode.Entry e : map.entries().values()) {
            if (!spec.has(e.key())) {
                findings.report(Code.BFX004, e.keyLocation(),
                        "Unknown key '" + e.key() + "' in " + label + ".",
                        Suggestions.hint(e.key(), spec.keys(), "Known keys: " + String.join(", ", spec.keys()) + "."));
            } else {
                fieldLocations.put(e.key(), e.value().location());
            }
        }
        for (FieldSpec f : spec.fields()) {
            if (f.required() && isMissing(map.get(f.name()))) {
                findings.report(Code.BFX006, map.location(),
                        capitalize(label) + " has no '" + f.name() + "'.",
                        "Add '" + f.name() + ":' (" + f.description() + ")");
            }
        }
    }

    private static boolean isMissing(Node n) {
        return n == null || (n instanceof ScalarNode s && (s.isNull() || s.text().isBlank()));
    }

    private static String describe(MapNode map, EntitySpec spec) {
        String kind = spec.name().toLowerCase(Locale.ROOT);
        if (spec.name().equals("MetadataFile")) {
            return "the file's top level";
        }
        Node name = map.get("name");
        if (name instanceof ScalarNode s && !s.isNull() && !s.text().isBlank()) {
            return kind + " '" + s.text() + "'";
        }
        return "this " + kind;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    String label() {
        return label;
    }

    Origin origin() {
        return new Origin(map.location(), fieldLocations);
    }

    SourceLocation location() {
        return map.location();
    }

    private Node node(String key) {
        spec.field(key); // fails fast on a binder typo
        Node n = map.get(key);
        return n instanceof ScalarNode s && s.isNull() ? null : n;
    }

    private void wrongType(Node n, String key, String expected) {
        findings.report(Code.BFX005, n.location(),
                "'" + key + "' in " + label + " must be " + expected + ", not " + n.kind() + ".",
                "Write " + expected + " here.");
    }

    String string(String key) {
        Node n = node(key);
        if (n == null) {
            return null;
        }
        if (n instanceof ScalarNode s) {
            return s.text();
        }
        wrongType(n, key, "a single value");
        return null;
    }

    boolean bool(String key, boolean defaultValue) {
        Node n = node(key);
        if (n == null) {
            return defaultValue;
        }
        if (n instanceof ScalarNode s) {
            String t = s.text().trim().toLowerCase(Locale.ROOT);
            if (s.type() == ScalarNode.Type.BOOLEAN || s.type() == ScalarNode.Type.STRING) {
                switch (t) {
                    case "true", "yes", "y", "on":
                        return true;
                    case "false", "no", "n", "off":
                        return false;
                    default:
                        break;
                }
            }
        }
        wrongType(n, key, "true or false");
        return defaultValue;
    }

    Integer integer(String key, int min, int max) {
        Node n = node(key);
        if (n == null) {
            return null;
        }
        if (n instanceof ScalarNode s && s.type() == ScalarNode.Type.INTEGER) {
            String digits = s.text().trim().replace("_", "");
            // Parsed as a BigInteger: a number too large for an int (threads: 99999999999) is out of range (BFX007),
            // and YAML 1.1 integers in another notation (0x10, 0o17, 1:30) are said to need decimal digits; both
            // used to end in the self-contradicting "must be a whole number, not a whole number".
            if (!digits.matches("[-+]?[0-9]+")) {
                wrongType(n, key, "a whole number in decimal digits");
                return null;
            }
            java.math.BigInteger v = new java.math.BigInteger(digits);
            if (v.compareTo(java.math.BigInteger.valueOf(min)) < 0
                    || v.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
                findings.report(Code.BFX007, n.location(), "'" + key + "' in " + label + " is " + v
                        + ", outside " + min + ".." + max + ".", "Use a value from " + min + " to " + max + ".");
                return null;
            }
            return v.intValue();
        }
        wrongType(n, key, "a whole number");
        return null;
    }

    <E extends Enum<E> & Choice> E choice(String key, Class<E> type) {
        Node n = node(key);
        if (n == null) {
            return null;
        }
        if (!(n instanceof ScalarNode s)) {
            wrongType(n, key, "one of " + String.join(", ", Choice.labels(type)));
            return null;
        }
        E e = Choice.parse(type, s.text());
        if (e == null) {
            List<String> labels = Choice.labels(type);
            findings.report(Code.BFX007, n.location(),
                    "'" + s.text() + "' is not a valid " + key + " in " + label + ".",
                    Suggestions.hint(s.text(), labels, "Allowed: " + String.join(", ", labels) + "."));
        }
        return e;
    }

    List<String> stringList(String key) {
        Node n = node(key);
        if (n == null) {
            return List.of();
        }
        if (n instanceof ScalarNode s) {
            // A single value is accepted as a list of one: "partitionedBy: ModifiedDate".
            return List.of(s.text());
        }
        if (!(n instanceof ListNode list)) {
            wrongType(n, key, "a list of values");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Node item : list.items()) {
            if (item instanceof ScalarNode s && !s.isNull()) {
                out.add(s.text());
            } else {
                wrongType(item, key, "a list of single values");
            }
        }
        return out;
    }

    Map<String, String> stringMap(String key) {
        Node n = node(key);
        if (n == null) {
            return Map.of();
        }
        if (!(n instanceof MapNode m)) {
            wrongType(n, key, "a mapping of names to values");
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (MapNode.Entry e : m.entries().values()) {
            if (e.value() instanceof ScalarNode s && !s.isNull()) {
                out.put(e.key(), s.text());
            } else {
                wrongType(e.value(), key + "." + e.key(), "a single value");
            }
        }
        return out;
    }

    List<SettingValue> settings() {
        Node n = node("settings");
        if (n == null) {
            return List.of();
        }
        if (!(n instanceof MapNode m)) {
            wrongType(n, "settings", "a mapping of setting keys to values");
            return List.of();
        }
        List<SettingValue> out = new ArrayList<>();
        for (MapNode.Entry e : m.entries().values()) {
            if (e.value() instanceof ScalarNode s && !s.isNull()) {
                out.add(new SettingValue(e.key(), s.text(), s.location()));
            } else {
                wrongType(e.value(), "settings." + e.key(), "a single value");
            }
        }
        return out;
    }

    /** A nested entity, or null when absent or not a mapping. */
    MapNode entity(String key) {
        Node n = node(key);
        if (n == null) {
            return null;
        }
        if (n instanceof MapNode m) {
            return m;
        }
        wrongType(n, key, "a mapping");
        return null;
    }

    /** A list of nested entities; items that are not mappings are reported and skipped. */
    List<MapNode> entities(String key) {
        Node n = node(key);
        if (n == null) {
            return List.of();
        }
        if (!(n instanceof ListNode list)) {
            wrongType(n, key, "a list of mappings");
            return List.of();
        }
        List<MapNode> out = new ArrayList<>();
        for (Node item : list.items()) {
            if (item instanceof MapNode m) {
                out.add(m);
            } else {
                wrongType(item, key, "a list of mappings (each item with '-' and keys)");
            }
        }
        return out;
    }
}
