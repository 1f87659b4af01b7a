package io.bfx.model;

import java.util.ArrayList;
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
 *
 * <p>Immutable, so the look-ups that rules and producers make per object or per column are indexed once here
 * (by connection, then by qualified name): a project of 10,000 objects must not scan every object for each.
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
    /** Connection name, then qualified name, to the first object declared with it (excluded ones too). */
    private final Map<String, Map<String, DataObject>> objectsByConnection;
    /** Connection name to the objects a project with that source loads: not excluded, sorted. */
    private final Map<String, List<DataObject>> loadedByConnection;
    /** Connection name to the projects whose source it is, in declaration order. */
    private final Map<String, List<Project>> projectsBySource;

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
        this.objectsByConnection = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, List<DataObject>> loaded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (DataObject o : this.objects) {
            if (o.connection() == null) {
                continue;
            }
            if (o.qualifiedName() != null) { // an object without a name is reported (BFX006), never found
                objectsByConnection.computeIfAbsent(o.connection(), k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER))
                        .putIfAbsent(o.qualifiedName(), o);
            }
            if (!o.exclude()) {
                loaded.computeIfAbsent(o.connection(), k -> new ArrayList<>()).add(o);
            }
        }
        // A stable sort keeps declaration order between names that differ only in case, as the stream sort did.
        loaded.replaceAll((k, list) -> list.stream().sorted(Comparator.comparing((DataObject o) ->
                o.qualifiedName() == null ? "" : o.qualifiedName().toLowerCase(Locale.ROOT))).toList());
        this.loadedByConnection = loaded;
        this.projectsBySource = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Project p : this.projects) {
            if (p.sourceConnection() != null) {
                projectsBySource.computeIfAbsent(p.sourceConnection(), k -> new ArrayList<>()).add(p);
            }
        }
        projectsBySource.replaceAll((k, list) -> List.copyOf(list));
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
        if (connection == null || qualifiedName == null) {
            return Optional.empty();
        }
        Map<String, DataObject> ofConnection = objectsByConnection.get(connection);
        return ofConnection == null ? Optional.empty() : Optional.ofNullable(ofConnection.get(qualifiedName));
    }

    /**
     * The objects a project loads: those of its source connection that are not excluded, in a stable order
     * (schema, then name, case-insensitive) so that output does not depend on file order.
     */
    public List<DataObject> objectsOf(Project project) {
        return project.sourceConnection() == null ? List.of()
                : loadedByConnection.getOrDefault(project.sourceConnection(), List.of());
    }

    /** The projects that load an object (usually one). */
    public List<Project> projectsOf(DataObject object) {
        return object.connection() == null ? List.of()
                : projectsBySource.getOrDefault(object.connection(), List.of());
    }
}
