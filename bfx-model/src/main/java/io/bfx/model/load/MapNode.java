package io.bfx.model.load;

import io.bfx.model.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A mapping, in file order. Keys are unique: readers report duplicates (BFX002) and keep the first. */
public record MapNode(SourceLocation location, Map<String, Entry> entries) implements Node {

    /** One key of a mapping with where the key itself was written. */
    public record Entry(String key, SourceLocation keyLocation, Node value) {}

    public MapNode {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public Node get(String key) {
        Entry e = entries.get(key);
        return e == null ? null : e.value();
    }

    public List<Entry> list() {
        return List.copyOf(entries.values());
    }

    @Override
    public String kind() {
        return "a mapping";
    }
}
