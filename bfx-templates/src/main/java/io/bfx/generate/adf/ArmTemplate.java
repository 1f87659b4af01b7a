package io.bfx.generate.adf;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bfx.generate.ArtifactProducer.FileSink;
import io.bfx.generate.GeneratedFile;
import io.bfx.generate.GenerationException;
import io.bfx.generate.adf.AdfResources.Kind;
import io.bfx.generate.adf.AdfResources.Resource;
import io.bfx.generate.adf.RenderedJson.Ref;
import java.io.IOException;
import java.io.CharArrayWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Writes the ARM template of the factory from the generated git-layout resources, the way ADF's "Export ARM
 * template" does: one resource per linked service, dataset, pipeline and trigger, plus the factory's global
 * parameters; environment-specific values become parameters. Every literal string is escaped for ARM ({@code [}
 * becomes {@code [[}); {@code dependsOn} lists every linked service, dataset and pipeline a resource references, so
 * ARM deploys in the right order.
 *
 * <p>ARM takes at most 800 resources and 4 MB per template. A factory within both is written as
 * {@code ARMTemplateForFactory.json} with {@code ARMTemplateParametersForFactory.json}. A larger one is written
 * as ADF writes it then, as linked templates under {@code linkedTemplates/}: {@code ArmTemplate_0.json},
 * {@code ArmTemplate_1.json}... each within the limits, holding resources in dependency order (a resource's
 * {@code dependsOn} names only resources of its own template: those of earlier templates exist already, because
 * {@code ArmTemplate_master.json} deploys the templates one after the other), and the master's parameter file
 * {@code ArmTemplateParameters_master.json}. The master reads the templates from a storage container, given by
 * its parameters {@code containerUri} and {@code containerSasToken}. The single template is not written then:
 * ARM would refuse it.
 *
 * <p>Streaming: the resources' properties come from the spool one at a time; at most one template is in memory.
 */
final class ArmTemplate {

    static final String API_VERSION = "2018-06-01";
    static final String GLOBAL_PARAMETERS = "default";
    /** ARM: resources per template. */
    static final int MAX_RESOURCES = 800;
    /**
     * ARM: size of a template, "4 MB". Taken as 4,000,000 bytes of the file as written: on the safe side whether
     * ARM means MB or MiB, and whether it measures before or after compressing the request.
     */
    static final long MAX_BYTES = 4_000_000;

    static final String FOLDER = "adf/arm/";
    static final String TEMPLATE = FOLDER + "ARMTemplateForFactory.json";
    static final String PARAMETERS = FOLDER + "ARMTemplateParametersForFactory.json";
    static final String LINKED = FOLDER + "linkedTemplates/";
    static final String MASTER = LINKED + "ArmTemplate_master.json";
    static final String MASTER_PARAMETERS = LINKED + "ArmTemplateParameters_master.json";

    private static final String TEMPLATE_SCHEMA =
            "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
    private static final String PARAMETERS_SCHEMA =
            "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#";
    private static final String FACTORY_ID = "[concat('Microsoft.DataFactory/factories/', parameters('factoryName'))]";
    private static final String DEPLOYMENTS_API_VERSION = "2018-02-01";
    /** ARM: length of a deployment name. */
    private static final int MAX_DEPLOYMENT_NAME = 64;

    /** A factory global parameter: name, ADF type, placeholder value, and what to set at deployment. */
    /**
     * A factory global parameter, deployed through an ARM parameter. {@code whatToSet} describes it; with
     * {@code mustSet} the parameter file says "SET ME" (no usable default, like a job id), else it holds
     * {@code value}, the value generated for the development environment.
     */
    record GlobalParameter(String name, String type, String value, String whatToSet, boolean mustSet) {}

    /** A template parameter: its name, default value and description. */
    private record Param(String name, String defaultValue, String description, String fileValue) {}

    /** Which typeProperties of a linked service type depend on the environment. */
    private static final Map<String, List<String>> PARAMETERISED = Map.of(
            "AzureKeyVault", List.of("baseUrl"),
            "AzureDatabricks", List.of("domain", "workspaceResourceId", "existingClusterId"),
            "AzureBlobStorage", List.of("serviceEndpoint", "connectionString"),
            "AzureBlobFS", List.of("url"));

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "baseUrl", "Key Vault URL (https://<vault>.vault.azure.net/) holding the secrets of ",
            "domain", "Databricks workspace URL (https://adb-<id>.<n>.azuredatabricks.net) of ",
            "workspaceResourceId", "Azure resource id of the Databricks workspace of ",
            "existingClusterId", "Id of the existing Databricks cluster used by ",
            "serviceEndpoint", "Blob service endpoint (https://<account>.blob.core.windows.net/) of ",
            "connectionString", "Storage connection string without key (the key comes from Key Vault) of ",
            "url", "Data Lake endpoint (https://<account>.dfs.core.windows.net/) of ");

    /**
     * One resource of a template: a generated resource, or the global parameters (resource null). {@code level}
     * orders the linked templates: a resource comes after everything it references.
     */
    private static final class Item {
        final Resource resource;
        final String key;
        final int rank;
        int level = -1;
        /** The ARM properties of a linked service (parameterised), else null: they are in the spool. */
        String linkedServiceProperties;
        /** The parameters this resource's properties use. */
        final List<String> params = new ArrayList<>();

        Item(Resource resource) {
            this.resource = resource;
            this.key = resource == null ? "globalParameters/" + GLOBAL_PARAMETERS : key(resource.kind(), resource.name());
            this.rank = resource == null ? -1 : resource.kind().ordinal();
        }

        String name() {
            return resource == null ? GLOBAL_PARAMETERS : resource.name();
        }
    }

    private final String factoryName;
    private final List<Resource> resources;
    private final List<GlobalParameter> globals;
    private final ArmSpool spool;
    private final int maxResources;
    private final long maxBytes;
    private final Map<String, Param> params = new LinkedHashMap<>();

    /**
     * @param resources every resource, by kind then name ({@link AdfResources#all()})
     * @param maxResources resources per template ({@link #MAX_RESOURCES}; other limits in tests)
     * @param maxBytes bytes per template ({@link #MAX_BYTES})
     */
    ArmTemplate(String factoryName, List<Resource> resources, List<GlobalParameter> globals, ArmSpool spool,
            int maxResources, long maxBytes) {
        this.factoryName = factoryName;
        this.resources = resources;
        this.globals = globals;
        this.spool = spool;
        this.maxResources = maxResources;
        this.maxBytes = maxBytes;
    }

    /** Writes the template and its parameter file, or the linked templates when the factory is too large. */
    void write(FileSink sink) {
        checkReferences();
        params.clear();
        params.put("factoryName", new Param("factoryName", factoryName, "Name of the data factory to deploy into.",
                factoryName));
        List<Item> items = new ArrayList<>();
        for (Resource r : resources) {
            Item item = new Item(r);
            if (r.kind() == Kind.LINKED_SERVICE) {
                item.linkedServiceProperties = linkedServiceProperties(r, item.params);
            }
            items.add(item);
        }
        if (!globals.isEmpty()) {
            Item item = new Item(null);
            for (GlobalParameter g : globals) {
                String p = "default_properties_" + g.name() + "_value";
                params.put(p, new Param(p, g.value(), g.whatToSet(), g.mustSet() ? "SET ME: " + g.whatToSet() : g.value()));
                item.params.add(p);
            }
            items.add(item);
        }
        if (items.size() <= maxResources && singleSize(items) <= maxBytes) {
            writeSingle(items, sink);
        } else {
            writeLinked(items, sink);
        }
    }

    // ------------------------------------------------------------------ one template

    private void writeSingle(List<Item> items, FileSink sink) {
        CharArrayWriter text = new CharArrayWriter(4096);
        writeTemplate(text, params.values(), items, x -> true);
        sink.accept(GeneratedFile.text(TEMPLATE, text.toString()));
        sink.accept(GeneratedFile.text(PARAMETERS, JsonOutput.write(parameterFile(params.values(), false))));
    }

    /** An upper bound of the single template's size in bytes. */
    private long singleSize(List<Item> items) {
        long size = utf8Length(template(params.values(), List.of()));
        for (Item item : items) {
            size += utf8Length(resourceText(item, "{}", x -> true)) - 2 + propertiesBytes(item) + 8;
            if (size > maxBytes) {
                break;
            }
        }
        return size;
    }

    // ------------------------------------------------------------------ linked templates

    /** A linked template being filled. */
    private final class Part {
        final int number;
        final List<String> texts = new ArrayList<>();
        final Set<String> keys = new HashSet<>();
        final Set<String> paramNames = new HashSet<>();
        long resourceBytes;
        long headerBytes;

        Part(int number) {
            this.number = number;
            this.paramNames.add("factoryName");
            this.headerBytes = utf8Length(template(partParams(paramNames), List.of()));
        }
    }

    private void writeLinked(List<Item> items, FileSink sink) {
        Map<String, Item> byKey = new HashMap<>();
        items.forEach(i -> byKey.put(i.key, i));
        items.forEach(i -> level(i, byKey, new HashSet<>()));
        List<Item> ordered = new ArrayList<>(items);
        ordered.sort(Comparator.<Item>comparingInt(i -> i.level).thenComparingInt(i -> i.rank)
                .thenComparing(Item::name));

        List<List<String>> partParams = new ArrayList<>();
        Part part = new Part(0);
        for (Item item : ordered) {
            String properties = properties(item);
            Part current = part;
            String text = resourceText(item, properties, current.keys::contains);
            long textBytes = utf8Length(text);
            long header = headerBytes(current, item);
            boolean fits = current.texts.size() < maxResources
                    && header + current.resourceBytes + textBytes + 8 <= maxBytes;
            if (!fits && !current.texts.isEmpty()) {
                partParams.add(flush(current, sink));
                part = new Part(current.number + 1);
                current = part;
                text = resourceText(item, properties, current.keys::contains);
                textBytes = utf8Length(text);
                header = headerBytes(current, item);
            }
            if (current.texts.isEmpty() && header + textBytes + 8 > maxBytes) {
                throw new GenerationException("ADF " + (item.resource == null ? "global parameters"
                        : item.resource.kind().folder + " '" + item.name() + "'") + " takes " + (header + textBytes)
                        + " bytes in an ARM template; ARM allows " + maxBytes + " bytes per template.");
            }
            current.texts.add(text);
            current.keys.add(item.key);
            current.paramNames.addAll(item.params);
            current.headerBytes = header;
            current.resourceBytes += textBytes + 8;
        }
        if (!part.texts.isEmpty()) {
            partParams.add(flush(part, sink));
        }
        sink.accept(GeneratedFile.text(MASTER, JsonOutput.write(master(partParams))));
        sink.accept(GeneratedFile.text(MASTER_PARAMETERS, JsonOutput.write(parameterFile(params.values(), true))));
    }

    /** The size of {@code part}'s template without resources once {@code item} is in it (its parameters added). */
    private long headerBytes(Part part, Item item) {
        if (part.paramNames.containsAll(item.params)) {
            return part.headerBytes;
        }
        Set<String> names = new HashSet<>(part.paramNames);
        names.addAll(item.params);
        return utf8Length(template(partParams(names), List.of()));
    }

    /** Writes {@code ArmTemplate_<n>.json}; returns the names of its parameters. */
    private List<String> flush(Part part, FileSink sink) {
        List<Param> ps = partParams(part.paramNames);
        CharArrayWriter text = new CharArrayWriter((int) Math.min(Integer.MAX_VALUE - 16,
                part.headerBytes + part.resourceBytes + 16));
        try (JsonGenerator g = JsonOutput.generator(text, 0)) {
            writeHead(g, ps);
            g.writeArrayFieldStart("resources");
            for (String t : part.texts) {
                g.writeRawValue(t);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        text.write('\n');
        sink.accept(GeneratedFile.text(LINKED + "ArmTemplate_" + part.number + ".json", text.toString()));
        return ps.stream().map(Param::name).toList();
    }

    /** The parameters of {@code names}, in the order of the whole factory's parameters. */
    private List<Param> partParams(Set<String> names) {
        return params.values().stream().filter(p -> names.contains(p.name())).toList();
    }

    /**
     * How deep a resource is in the reference graph: 0 when it references nothing that is generated, else one
     * more than the deepest resource it references. The global parameters come before the pipelines reading them.
     */
    private int level(Item item, Map<String, Item> byKey, Set<String> visiting) {
        if (item.level >= 0) {
            return item.level;
        }
        if (!visiting.add(item.key)) {
            throw new GenerationException("ADF resources reference each other in a cycle, through "
                    + item.key + "; ARM cannot deploy them in order.");
        }
        int level = 0;
        if (item.resource != null) {
            for (Ref ref : item.resource.references()) {
                Item target = byKey.get(key(ref.kind(), ref.name()));
                if (target != null && target != item) {
                    level = Math.max(level, level(target, byKey, visiting) + 1);
                }
            }
            Item globalsItem = byKey.get("globalParameters/" + GLOBAL_PARAMETERS);
            if (item.resource.usesGlobalParameters() && globalsItem != null) {
                level = Math.max(level, 1);
            }
        }
        visiting.remove(item.key);
        item.level = level;
        return level;
    }

    /** {@code ArmTemplate_master.json}: deploys the linked templates one after the other. */
    private ObjectNode master(List<List<String>> partParams) {
        ObjectNode template = JsonOutput.object();
        template.put("$schema", TEMPLATE_SCHEMA);
        template.put("contentVersion", "1.0.0.0");
        ObjectNode parameters = template.putObject("parameters");
        for (Param p : params.values()) {
            declare(parameters, p);
        }
        ObjectNode uri = parameters.putObject("containerUri");
        uri.put("type", "string");
        uri.putObject("metadata").put("description", ArmStrings.literal("URL of the storage container the "
                + "linkedTemplates files are uploaded to, without a trailing slash."));
        ObjectNode sas = parameters.putObject("containerSasToken");
        sas.put("type", "string");
        sas.putObject("metadata").put("description", ArmStrings.literal("SAS token (starting with ?) that "
                + "reads that container."));
        template.putObject("variables").put("factoryId", FACTORY_ID);
        var deployments = template.putArray("resources");
        for (int n = 0; n < partParams.size(); n++) {
            ObjectNode d = deployments.addObject();
            d.put("name", ArmStrings.literal(deploymentName(n)));
            d.put("type", "Microsoft.Resources/deployments");
            d.put("apiVersion", DEPLOYMENTS_API_VERSION);
            ObjectNode properties = d.putObject("properties");
            properties.put("mode", "incremental");
            ObjectNode link = properties.putObject("templateLink");
            link.put("uri", "[concat(parameters('containerUri'), '/ArmTemplate_" + n
                    + ".json', parameters('containerSasToken'))]");
            link.put("contentVersion", "1.0.0.0");
            ObjectNode values = properties.putObject("parameters");
            for (String p : partParams.get(n)) {
                values.putObject(p).put("value", "[parameters('" + p + "')]");
            }
            var dependsOn = d.putArray("dependsOn");
            if (n > 0) {
                dependsOn.add("[resourceId('Microsoft.Resources/deployments', '" + deploymentName(n - 1) + "')]");
            }
        }
        return template;
    }

    /** {@code <factory>_ArmTemplate_<n>} as ADF names them, the factory name shortened to fit ARM's 64 characters. */
    private String deploymentName(int n) {
        String suffix = "_ArmTemplate_" + n;
        String prefix = factoryName.length() + suffix.length() <= MAX_DEPLOYMENT_NAME ? factoryName
                : factoryName.substring(0, MAX_DEPLOYMENT_NAME - suffix.length());
        return prefix + suffix;
    }

    // ------------------------------------------------------------------ writing

    /** The text of a template of {@code items} (those of other templates are left out of dependsOn). */
    private void writeTemplate(CharArrayWriter out, Iterable<Param> ps, List<Item> items, Predicate<String> sameTemplate) {
        try (JsonGenerator g = JsonOutput.generator(out, 0)) {
            writeHead(g, ps);
            g.writeArrayFieldStart("resources");
            for (Item item : items) {
                g.writeRawValue(resourceText(item, properties(item), sameTemplate));
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
    }

    /** A template without resources, to measure its size. */
    private String template(Iterable<Param> ps, List<Item> items) {
        CharArrayWriter out = new CharArrayWriter(4096);
        writeTemplate(out, ps, items, x -> true);
        return out.toString();
    }

    /** Everything of a template before its resources, which the caller writes and closes. */
    private static void writeHead(JsonGenerator g, Iterable<Param> ps) throws IOException {
        g.writeStartObject();
        g.writeStringField("$schema", TEMPLATE_SCHEMA);
        g.writeStringField("contentVersion", "1.0.0.0");
        g.writeObjectFieldStart("parameters");
        for (Param p : ps) {
            g.writeObjectFieldStart(p.name());
            g.writeStringField("type", "string");
            g.writeObjectFieldStart("metadata");
            g.writeStringField("description", ArmStrings.literal(p.description()));
            g.writeEndObject();
            g.writeStringField("defaultValue", ArmStrings.literal(p.defaultValue()));
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("variables");
        g.writeStringField("factoryId", FACTORY_ID);
        g.writeEndObject();
    }

    private static void declare(ObjectNode parameters, Param p) {
        ObjectNode spec = parameters.putObject(p.name());
        spec.put("type", "string");
        spec.putObject("metadata").put("description", ArmStrings.literal(p.description()));
        spec.put("defaultValue", ArmStrings.literal(p.defaultValue()));
    }

    private static ObjectNode parameterFile(Iterable<Param> ps, boolean linked) {
        ObjectNode file = JsonOutput.object();
        file.put("$schema", PARAMETERS_SCHEMA);
        file.put("contentVersion", "1.0.0.0");
        ObjectNode values = file.putObject("parameters");
        for (Param p : ps) {
            values.putObject(p.name()).put("value", ArmStrings.literal(p.fileValue()));
        }
        if (linked) {
            values.putObject("containerUri").put("value", "");
            values.putObject("containerSasToken").put("value", "");
        }
        return file;
    }

    /**
     * One resource, indented for its place in a template's resources, with {@code properties} as its properties;
     * its dependsOn names the resources it references for which {@code sameTemplate} holds.
     */
    private String resourceText(Item item, String properties, Predicate<String> sameTemplate) {
        CharArrayWriter out = new CharArrayWriter(properties.length() + 512);
        try (JsonGenerator g = JsonOutput.generator(out, RenderedJson.ARM_PROPERTIES_NESTING - 1)) {
            g.writeStartObject();
            g.writeStringField("name", name(item.name()));
            if (item.resource == null) {
                g.writeStringField("type", "Microsoft.DataFactory/factories/globalParameters");
                g.writeStringField("apiVersion", API_VERSION);
                g.writeObjectFieldStart("properties");
                for (GlobalParameter gp : globals) {
                    g.writeObjectFieldStart(gp.name());
                    g.writeStringField("type", gp.type());
                    g.writeStringField("value", "[parameters('default_properties_" + gp.name() + "_value')]");
                    g.writeEndObject();
                }
                g.writeEndObject();
                g.writeArrayFieldStart("dependsOn");
                g.writeEndArray();
            } else {
                Resource r = item.resource;
                g.writeStringField("type", "Microsoft.DataFactory/factories/" + r.kind().armSegment);
                g.writeStringField("apiVersion", API_VERSION);
                g.writeFieldName("properties");
                g.writeRawValue(properties);
                g.writeArrayFieldStart("dependsOn");
                for (String d : dependsOn(r, sameTemplate)) {
                    g.writeString(d);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The ARM form of a resource's properties (empty for the global parameters, which are written in code). */
    private String properties(Item item) {
        if (item.resource == null) {
            return "";
        }
        return item.linkedServiceProperties != null ? item.linkedServiceProperties
                : spool.read(item.resource.properties());
    }

    private static long propertiesBytes(Item item) {
        if (item.resource == null) {
            return 0;
        }
        return item.linkedServiceProperties != null ? utf8Length(item.linkedServiceProperties)
                : item.resource.properties().length();
    }

    /** The dependsOn entries of a resource, sorted: references to other resources, and the global parameters. */
    private Set<String> dependsOn(Resource r, Predicate<String> sameTemplate) {
        Set<String> out = new TreeSet<>();
        for (Ref ref : r.references()) {
            if (!(ref.kind() == r.kind() && ref.name().equals(r.name())) && sameTemplate.test(key(ref.kind(), ref.name()))) {
                out.add("[concat(variables('factoryId'), '/" + ref.kind().armSegment + "/" + armQuote(ref.name()) + "')]");
            }
        }
        if (r.usesGlobalParameters() && !globals.isEmpty()
                && sameTemplate.test("globalParameters/" + GLOBAL_PARAMETERS)) {
            out.add("[concat(variables('factoryId'), '/globalParameters/" + GLOBAL_PARAMETERS + "')]");
        }
        return out;
    }

    /** Every reference names a generated resource; the first that does not fails generation. */
    private void checkReferences() {
        Set<String> known = new HashSet<>();
        resources.forEach(r -> known.add(key(r.kind(), r.name())));
        for (Resource r : resources) {
            for (Ref ref : r.references()) {
                if (!known.contains(key(ref.kind(), ref.name()))) {
                    throw new GenerationException("ADF " + r.kind().folder + " '" + r.name() + "' references "
                            + ref.kind().folder + " '" + ref.name() + "', which is not generated");
                }
            }
        }
    }

    /** The ARM properties of a linked service: escaped, environment-specific values made parameters. */
    private String linkedServiceProperties(Resource r, List<String> used) {
        ObjectNode properties = (ObjectNode) ArmStrings.escapeTree(r.linkedService().path("properties"));
        List<String> keys = PARAMETERISED.getOrDefault(properties.path("type").asText(), List.of());
        JsonNode tp = properties.path("typeProperties");
        if (tp instanceof ObjectNode typeProperties) {
            for (String key : keys) {
                JsonNode v = typeProperties.get(key);
                if (v == null || !v.isTextual()) {
                    continue;
                }
                String p = r.name() + "_properties_typeProperties_" + key;
                String original = unescape(v.textValue());
                params.put(p, new Param(p, original, DESCRIPTIONS.get(key) + "linked service " + r.name() + ".",
                        original));
                used.add(p);
                typeProperties.put(key, "[parameters('" + p + "')]");
            }
        }
        CharArrayWriter out = new CharArrayWriter(4096);
        try (JsonGenerator g = JsonOutput.generator(out, RenderedJson.ARM_PROPERTIES_NESTING)) {
            JsonOutput.writeTree(g, properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Reverses {@link ArmStrings#literal}: the value as it appears in the git-layout file. */
    private static String unescape(String armLiteral) {
        return armLiteral.startsWith("[[") ? armLiteral.substring(1) : armLiteral;
    }

    private static String key(Kind kind, String name) {
        return kind + "/" + name;
    }

    private String name(String resourceName) {
        return "[concat(parameters('factoryName'), '/" + armQuote(resourceName) + "')]";
    }

    /** Content of a single-quoted ARM string literal. */
    private static String armQuote(String s) {
        return s.replace("'", "''");
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
