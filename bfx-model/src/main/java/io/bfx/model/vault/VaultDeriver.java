package io.bfx.model.vault;

import io.bfx.model.ChangeType;
import io.bfx.model.Column;
import io.bfx.model.DataObject;
import io.bfx.model.Metadata;
import io.bfx.model.Project;
import io.bfx.model.settings.SettingResolver;
import io.bfx.model.settings.Settings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Derives a project's Data Vault from its source metadata, the way BimlFlex's accelerator does:
 * <ul>
 *   <li>an object whose business key is made only of references to two or more other objects is a link between
 *       their hubs (CustomerAddress links Customer and Address), its other columns a link satellite;</li>
 *   <li>any other object with a business key is a hub; each of its reference columns whose target is the whole
 *       business key of a hub object becomes a link between the two hubs; its remaining descriptive columns
 *       (not key, not reference, not IGN or EXC) are its satellite.</li>
 * </ul>
 * Names follow the settings (DvAppendHub, SuffixOrPrefixObject, AppendSurrogateKey, ...).
 */
public final class VaultDeriver {

    private final Metadata metadata;
    private final SettingResolver settings;

    public VaultDeriver(Metadata metadata) {
        this.metadata = metadata;
        this.settings = new SettingResolver(metadata);
    }

    public Vault derive(Project project) {
        List<DataObject> objects = metadata.objectsOf(project);
        Map<DataObject, Hub> hubs = new LinkedHashMap<>();
        Set<DataObject> linkObjects = new HashSet<>();
        for (DataObject o : objects) {
            if (o.businessKey().isEmpty()) {
                continue;
            }
            if (isLinkObject(o)) {
                linkObjects.add(o);
            } else {
                String entity = o.name();
                hubs.put(o, new Hub(affix(project, o, Settings.DV_APPEND_HUB, entity), entity, o, o.businessKey(),
                        column(project, o, entity, Settings.APPEND_SURROGATE_KEY),
                        column(project, o, entity, Settings.APPEND_INTEGRATION_KEY)));
            }
        }
        List<Link> links = new ArrayList<>();
        List<Satellite> satellites = new ArrayList<>();
        List<SkippedReference> skipped = new ArrayList<>();
        for (DataObject o : objects) {
            if (linkObjects.contains(o)) {
                List<LinkEnd> ends = new ArrayList<>();
                Set<String> used = new HashSet<>();
                boolean complete = true;
                for (Column c : o.businessKey()) {
                    Optional<DataObject> target = referenced(o, c);
                    Hub hub = target.map(hubs::get).orElse(null);
                    if (hub == null) {
                        skipped.add(new SkippedReference(o, c, "the referenced object has no hub"));
                        complete = false;
                        continue;
                    }
                    ends.add(new LinkEnd(hub, List.of(c), endColumn(project, o, hub, c, used)));
                }
                if (!complete || ends.size() < 2) {
                    continue;
                }
                String entity = o.name();
                Link link = new Link(affix(project, o, Settings.DV_APPEND_LINK, entity), entity, o, ends,
                        column(project, o, entity, Settings.APPEND_SURROGATE_KEY));
                links.add(link);
                List<Column> attributes = o.columnsByOrdinal().stream()
                        .filter(c -> !o.businessKey().contains(c)).filter(VaultDeriver::descriptive).toList();
                if (!attributes.isEmpty()) {
                    satellites.add(new Satellite(affix(project, o, Settings.DV_APPEND_LINK_SATELLITE, entity), o, null,
                            link, attributes, attributes.stream().filter(c -> !c.notHashed()).toList()));
                }
                continue;
            }
            Hub own = hubs.get(o);
            if (own == null) {
                continue;
            }
            Set<Column> referenceColumns = new HashSet<>();
            for (Column c : o.columnsByOrdinal()) {
                if (c.referenceColumn() == null) {
                    continue;
                }
                Optional<DataObject> target = referenced(o, c);
                if (target.isEmpty()) {
                    continue; // reported by BFX009 / BFX010
                }
                Hub hub = hubs.get(target.get());
                if (hub == null) {
                    skipped.add(new SkippedReference(o, c, linkObjects.contains(target.get())
                            ? "the referenced object is itself a link" : "the referenced object has no business key"));
                    continue;
                }
                if (hub.keyColumns().size() != 1
                        || !hub.keyColumns().get(0).name().equalsIgnoreCase(referencedColumnName(c))) {
                    skipped.add(new SkippedReference(o, c, "it does not refer to the whole business key of "
                            + target.get().qualifiedName()));
                    continue;
                }
                referenceColumns.add(c);
                String entity = o.name() + "_" + c.name();
                Set<String> used = new HashSet<>();
                List<LinkEnd> ends = List.of(
                        new LinkEnd(own, own.keyColumns(), endColumn(project, o, own, null, used)),
                        new LinkEnd(hub, List.of(c), endColumn(project, o, hub, c, used)));
                links.add(new Link(affix(project, o, Settings.DV_APPEND_LINK, entity), entity, o, ends,
                        column(project, o, entity, Settings.APPEND_SURROGATE_KEY)));
            }
            List<Column> attributes = o.columnsByOrdinal().stream()
                    .filter(c -> !o.businessKey().contains(c))
                    .filter(c -> !referenceColumns.contains(c))
                    .filter(VaultDeriver::descriptive).toList();
            if (!attributes.isEmpty()) {
                satellites.add(new Satellite(affix(project, o, Settings.DV_APPEND_SATELLITE, o.name()), o, own, null,
                        attributes, attributes.stream().filter(c -> !c.notHashed()).toList()));
            }
        }
        return new Vault(List.copyOf(hubs.values()), links, satellites, skipped);
    }

    /** Columns that carry descriptive data into a satellite: everything not ignored or excluded from the vault. */
    private static boolean descriptive(Column c) {
        return c.changeType() != ChangeType.IGN && c.changeType() != ChangeType.EXC;
    }

    private boolean isLinkObject(DataObject o) {
        List<Column> key = o.businessKey();
        return key.size() >= 2 && key.stream().allMatch(c -> c.referenceColumn() != null && referenced(o, c).isPresent());
    }

    private Optional<DataObject> referenced(DataObject o, Column c) {
        if (c.referenceColumn() == null) {
            return Optional.empty();
        }
        String[] parts = c.referenceColumn().split("\\.", -1);
        if (parts.length < 2 || parts.length > 4) {
            return Optional.empty();
        }
        String connection = parts.length == 4 ? parts[0] : o.connection();
        String object = parts.length == 2 ? parts[0] : parts[parts.length - 3] + "." + parts[parts.length - 2];
        return metadata.object(connection, object);
    }

    private static String referencedColumnName(Column c) {
        String[] parts = c.referenceColumn().split("\\.", -1);
        return parts[parts.length - 1];
    }

    /** The link column for a hub's hash key; a second end to the same hub is named after its source column. */
    private String endColumn(Project project, DataObject o, Hub hub, Column via, Set<String> used) {
        String name = hub.hashKey();
        if (!used.add(name.toLowerCase(java.util.Locale.ROOT)) && via != null) {
            name = column(project, o, via.name(), Settings.APPEND_SURROGATE_KEY);
            used.add(name.toLowerCase(java.util.Locale.ROOT));
        }
        return name;
    }

    private String affix(Project project, DataObject o, io.bfx.model.settings.SettingDefinition type, String entity) {
        String tag = settings.forObject(type, project, o).value();
        boolean prefix = "P".equalsIgnoreCase(settings.forObject(Settings.SUFFIX_OR_PREFIX_OBJECT, project, o).value());
        return prefix ? tag + "_" + entity : entity + "_" + tag;
    }

    private String column(Project project, DataObject o, String entity, io.bfx.model.settings.SettingDefinition suffix) {
        return entity + "_" + settings.forObject(suffix, project, o).value();
    }
}
