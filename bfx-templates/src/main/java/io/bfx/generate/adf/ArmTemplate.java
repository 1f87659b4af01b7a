package io.bfx.generate.adf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bfx.generate.GenerationException;
import io.bfx.generate.adf.AdfResources.Kind;
import io.bfx.generate.adf.AdfResources.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Assembles {@code ARMTemplateForFactory.json} and {@code ARMTemplateParametersForFactory.json} from the generated
 * git-layout resources, the way ADF's "Export ARM template" does: one resource per linked service, dataset,
 * pipeline and trigger, plus the factory's global parameters; environment-specific values become parameters.
 * Every literal string is escaped for ARM ({@code [} becomes {@code [[}); {@code dependsOn} lists every linked
 * service, dataset and pipeline a resource references, so ARM deploys in the right order.
 */
final class ArmTemplate {

    static final String API_VERSION = "2018-06-01";
    static final String GLOBAL_PARAMETERS = "default";

    /** A factory global parameter: name, ADF type, placeholder value, and what to set at deployment. */
    record GlobalParameter(String name, String type, String value, String whatToSet) {}

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

    private final String factoryName;
    private final List<Resource> resources;
    private final List<GlobalParameter> globals;
    private final Map<String, Param> params = new LinkedHashMap<>();

    ArmTemplate(String factoryName, List<Resource> resources, List<GlobalParameter> globals) {
        this.factoryName = factoryName;
        this.resources = resources;
        this.globals = globals;
    }

    /** The template and its parameter file, in this order. */
    List<ObjectNode> build() {
        params.clear();
        params.put("factoryName", new Param("factoryName", factoryName, "Name of the data factory to deploy into.",
                factoryName));
        Set<String> known = new TreeSet<>();
        resources.forEach(r -> known.add(r.kind() + "/" + r.name()));

        ArrayNode armResources = JsonOutput.object().arrayNode();
        for (Resource r : resources) {
            armResources.add(resource(r, known));
        }
        if (!globals.isEmpty()) {
            ObjectNode props = JsonOutput.object();
            for (GlobalParameter g : globals) {
                String p = "default_properties_" + g.name() + "_value";
                params.put(p, new Param(p, g.value(), g.whatToSet(), "SET ME: " + g.whatToSet()));
                ObjectNode spec = props.putObject(g.name());
                spec.put("type", g.type());
                spec.put("value", "[parameters('" + p + "')]");
            }
            ObjectNode gp = armResources.addObject();
            gp.put("name", name(GLOBAL_PARAMETERS));
            gp.put("type", "Microsoft.DataFactory/factories/globalParameters");
            gp.put("apiVersion", API_VERSION);
            gp.set("properties", props);
            gp.putArray("dependsOn");
        }

        ObjectNode template = JsonOutput.object();
        template.put("$schema", "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#");
        template.put("contentVersion", "1.0.0.0");
        ObjectNode parameters = template.putObject("parameters");
        for (Param p : params.values()) {
            ObjectNode spec = parameters.putObject(p.name());
            spec.put("type", "string");
            spec.putObject("metadata").put("description", ArmStrings.literal(p.description()));
            spec.put("defaultValue", ArmStrings.literal(p.defaultValue()));
        }
        template.putObject("variables").put("factoryId",
                "[concat('Microsoft.DataFactory/factories/', parameters('factoryName'))]");
        template.set("resources", armResources);

        ObjectNode file = JsonOutput.object();
        file.put("$schema", "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#");
        file.put("contentVersion", "1.0.0.0");
        ObjectNode values = file.putObject("parameters");
        for (Param p : params.values()) {
            values.putObject(p.name()).put("value", ArmStrings.literal(p.fileValue()));
        }
        return List.of(template, file);
    }

    private ObjectNode resource(Resource r, Set<String> known) {
        ObjectNode properties = (ObjectNode) ArmStrings.escapeTree(r.file().path("properties"));
        if (r.kind() == Kind.LINKED_SERVICE) {
            parameterise(r.name(), properties);
        }
        Set<String> dependsOn = new TreeSet<>();
        collectReferences(r, r.file().path("properties"), known, dependsOn);
        ObjectNode out = JsonOutput.object();
        out.put("name", name(r.name()));
        out.put("type", "Microsoft.DataFactory/factories/" + r.kind().armSegment);
        out.put("apiVersion", API_VERSION);
        out.set("properties", properties);
        ArrayNode deps = out.putArray("dependsOn");
        dependsOn.forEach(deps::add);
        return out;
    }

    private void parameterise(String name, ObjectNode properties) {
        List<String> keys = PARAMETERISED.getOrDefault(properties.path("type").asText(), List.of());
        JsonNode tp = properties.path("typeProperties");
        if (!(tp instanceof ObjectNode typeProperties)) {
            return;
        }
        for (String key : keys) {
            JsonNode v = typeProperties.get(key);
            if (v == null || !v.isTextual()) {
                continue;
            }
            String p = name + "_properties_typeProperties_" + key;
            String original = unescape(v.textValue());
            params.put(p, new Param(p, original, DESCRIPTIONS.get(key) + "linked service " + name + ".", original));
            typeProperties.put(key, "[parameters('" + p + "')]");
        }
    }

    /** Reverses {@link ArmStrings#literal}: the value as it appears in the git-layout file. */
    private static String unescape(String armLiteral) {
        return armLiteral.startsWith("[[") ? armLiteral.substring(1) : armLiteral;
    }

    private void collectReferences(Resource owner, JsonNode node, Set<String> known, Set<String> out) {
        if (node.isObject()) {
            JsonNode ref = node.get("referenceName");
            JsonNode type = node.get("type");
            if (ref != null && ref.isTextual() && type != null && type.isTextual()) {
                Kind kind = switch (type.textValue()) {
                    case "LinkedServiceReference" -> Kind.LINKED_SERVICE;
                    case "DatasetReference" -> Kind.DATASET;
                    case "PipelineReference" -> Kind.PIPELINE;
                    default -> null; // integration runtimes are created outside bfx
                };
                if (kind != null) {
                    if (!known.contains(kind + "/" + ref.textValue())) {
                        throw new GenerationException("ADF " + owner.kind().folder + " '" + owner.name()
                                + "' references " + kind.folder + " '" + ref.textValue()
                                + "', which is not generated");
                    }
                    if (!(kind == owner.kind() && ref.textValue().equals(owner.name()))) {
                        out.add("[concat(variables('factoryId'), '/" + kind.armSegment + "/"
                                + armQuote(ref.textValue()) + "')]");
                    }
                }
            }
            node.properties().forEach(e -> collectReferences(owner, e.getValue(), known, out));
        } else if (node.isArray()) {
            node.forEach(item -> collectReferences(owner, item, known, out));
        } else if (node.isTextual() && node.textValue().contains("pipeline().globalParameters.")
                && !globals.isEmpty()) {
            out.add("[concat(variables('factoryId'), '/globalParameters/" + GLOBAL_PARAMETERS + "')]");
        }
    }

    private String name(String resourceName) {
        return "[concat(parameters('factoryName'), '/" + armQuote(resourceName) + "')]";
    }

    /** Content of a single-quoted ARM string literal. */
    private static String armQuote(String s) {
        return s.replace("'", "''");
    }
}
