package io.bfx.model.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fields an entity (connection, batch, project, object, column, ...) accepts. */
public final class EntitySpec {

    private final String name;
    private final String description;
    private final Map<String, FieldSpec> fields = new LinkedHashMap<>();

    public EntitySpec(String name, String description, List<FieldSpec> fields) {
        this.name = name;
        this.description = description;
        for (FieldSpec f : fields) {
            if (this.fields.put(f.name(), f) != null) {
                throw new IllegalArgumentException("Field " + f.name() + " declared twice in " + name);
            }
        }
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public List<FieldSpec> fields() {
        return List.copyOf(fields.values());
    }

    public FieldSpec field(String key) {
        FieldSpec f = fields.get(key);
        if (f == null) {
            // A programming error in a binder, caught by the binder tests.
            throw new IllegalArgumentException(name + " has no field '" + key + "'");
        }
        return f;
    }

    public boolean has(String key) {
        return fields.containsKey(key);
    }

    public List<String> keys() {
        return List.copyOf(fields.keySet());
    }
}
