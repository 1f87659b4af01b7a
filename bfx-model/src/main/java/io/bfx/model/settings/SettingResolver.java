package io.bfx.model.settings;

import io.bfx.model.Batch;
import io.bfx.model.Connection;
import io.bfx.model.DataObject;
import io.bfx.model.Metadata;
import io.bfx.model.Project;
import io.bfx.model.SettingValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers "what is the effective value of setting S for object O, and where did it come from". The most specific
 * scope wins: object, then project, then the project's batch, then the object's connection, then the top-level
 * settings of the metadata files, then the built-in default.
 */
public final class SettingResolver {

    private final Metadata metadata;

    public SettingResolver(Metadata metadata) {
        this.metadata = metadata;
    }

    private record Layer(SettingScope scope, String owner, List<SettingValue> values) {}

    /** The setting for an object loaded by a project. */
    public EffectiveSetting forObject(SettingDefinition setting, Project project, DataObject object) {
        List<Layer> layers = new ArrayList<>();
        layers.add(new Layer(SettingScope.OBJECT, object.qualifiedName(), object.settings()));
        addProjectLayers(layers, project);
        metadata.connection(object.connection())
                .ifPresent(c -> layers.add(new Layer(SettingScope.CONNECTION, c.name(), c.settings())));
        return resolve(setting, layers);
    }

    /** The setting for a project as a whole (its batch, its pipelines, its job). */
    public EffectiveSetting forProject(SettingDefinition setting, Project project) {
        List<Layer> layers = new ArrayList<>();
        addProjectLayers(layers, project);
        return resolve(setting, layers);
    }

    /** The setting for a connection on its own (for example the landing container of a landing connection). */
    public EffectiveSetting forConnection(SettingDefinition setting, Connection connection) {
        return resolve(setting, List.of(new Layer(SettingScope.CONNECTION, connection.name(), connection.settings())));
    }

    /** The setting for a batch. */
    public EffectiveSetting forBatch(SettingDefinition setting, Batch batch) {
        return resolve(setting, List.of(new Layer(SettingScope.BATCH, batch.name(), batch.settings())));
    }

    private void addProjectLayers(List<Layer> layers, Project project) {
        if (project == null) {
            return;
        }
        layers.add(new Layer(SettingScope.PROJECT, project.name(), project.settings()));
        metadata.batch(project.batch())
                .ifPresent(b -> layers.add(new Layer(SettingScope.BATCH, b.name(), b.settings())));
    }

    private EffectiveSetting resolve(SettingDefinition setting, List<Layer> layers) {
        for (Layer layer : layers) {
            SettingValue v = find(layer.values(), setting.key());
            if (v != null) {
                return new EffectiveSetting(setting, v.value(), layer.scope(), layer.owner(), v.location());
            }
        }
        SettingValue global = find(metadata.settings(), setting.key());
        if (global != null) {
            return new EffectiveSetting(setting, global.value(), SettingScope.GLOBAL, "", global.location());
        }
        return new EffectiveSetting(setting, setting.defaultValue(), SettingScope.DEFAULT, "", null);
    }

    private static SettingValue find(List<SettingValue> values, String key) {
        for (SettingValue v : values) {
            if (v.key().equalsIgnoreCase(key)) {
                return v;
            }
        }
        return null;
    }
}
