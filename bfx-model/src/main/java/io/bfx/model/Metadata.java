package io.bfx.model;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The whole metadata of a data project, merged from all its files. Lists keep declaration order (file order, then
 * position in the file); look-ups by name ignore case, because Spark does and two names differing only in case
 * would collide in the generated tables.
 */
public final class Metadata {

    private final List<Connection> connections;
    private final List<Batch> batches;
    private final List<Project> projects;
    private final List<DataObject> objects;
    private final List<SettingValue> settings;
    private final List<Dimension> dimensions;
    private final List<Fact> facts;

    private final Map<String, Connection> connectionsByName;
    private final Map<String, Batch> batchesByName;
    private final Map<String, Project> projectsByName;

    public Metadata(List<Connection> connections, List<Batch> batches, List<Project> projects,
            List<DataObject> objects, List<SettingValue> settings) {
        this(connections, batches, projects, objects, settings, List.of(), List.of());
    }

    public Metadata(List<Connection> connections, List<Batch> batches, List<Project> projects,
            List<DataObject> objects, List<SettingValue> settings, List<Dimension> dimensions, List<Fact> facts) {
        this.connections = List.copyOf(connections);
        this.batches = List.copyOf(batches);
        this.projects = List.copyOf(projects);
        this.objects = List.copyOf(objects);
        this.settings = List.copyOf(settings);
        this.dimensions = List.copyOf(dimensions);
        this.facts = List.copyOf(facts);
        this.connectionsByName = index(this.connections, Connection::name);
        this.batchesByName = index(this.batches, Batch::name);
        this.projectsByName = index(this.projects, Project::name);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> name) {
        Map<String, T> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (T item : items) {
            String n = name.apply(item);
            if (n != null) {
                map.putIfAbsent(n, item);
            }
        }
        return map;
    }

    public List<Connection> connections() {
        return connections;
    }

    public List<Batch> batches() {
        return batches;
    }

    public List<Project> projects() {
        return projects;
    }

    public List<DataObject> objects() {
        return objects;
    }

    /** Gold dimensions, in declaration order. */
    public List<Dimension> dimensions() {
        return dimensions;
    }

    /** Gold facts, in declaration order. */
    public List<Fact> facts() {
        return facts;
    }

    /** A dimension by name. */
    public Optional<Dimension> dimension(String name) {
        return name == null ? Optional.empty()
                : dimensions.stream().filter(d -> d.name() != null && d.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Settings written at the top level of a metadata file: they apply to everything. */
    public List<SettingValue> settings() {
        return settings;
    }

    public Optional<Connection> connection(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(connectionsByName.get(name));
    }

    public Optional<Batch> batch(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(batchesByName.get(name));
    }

    public Optional<Project> project(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(projectsByName.get(name));
    }

    /** Finds an object of a connection by {@code schema.name} (or {@code name} when it has no schema). */
    public Optional<DataObject> object(String connection, String qualifiedName) {
        return objects.stream()
                .filter(o -> o.connection() != null && o.connection().equalsIgnoreCase(connection))
                .filter(o -> o.qualifiedName().equalsIgnoreCase(qualifiedName))
                .findFirst();
    }

    /**
     * The objects a project loads: those of its source connection that are not excluded, in a stable order
     * (schema, then name, case-insensitive) so that output does not depend on file order.
     */
    public List<DataObject> objectsOf(Project project) {
        return objects.stream()
                .filter(o -> !o.exclude())
                .filter(o -> o.connection() != null && o.connection().equalsIgnoreCase(project.sourceConnection()))
                .sorted(Comparator.comparing((DataObject o) -> o.qualifiedName().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** The projects that load an object (usually one). */
    public List<Project> projectsOf(DataObject object) {
        return projects.stream()
                .filter(p -> p.sourceConnection() != null && p.sourceConnection().equalsIgnoreCase(object.connection()))
                .toList();
    }
}
