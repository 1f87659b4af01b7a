package io.bfx.generate.adf;

import io.bfx.generate.GenerationException;
import io.bfx.model.Connection;
import io.bfx.model.naming.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Databricks workspaces the projects' staging connections point at: one AzureDatabricks linked service per
 * workspace (several staging connections of one workspace share it), named after the first of them by name.
 */
final class DatabricksWorkspaces {

    /** A workspace, its linked service, the connection that describes it and the projects that use it. */
    record Workspace(String linkedService, Connection connection, List<ProjectConnections> projects) {}

    private final Map<String, Workspace> byUrl;

    private DatabricksWorkspaces(Map<String, Workspace> byUrl) {
        this.byUrl = byUrl;
    }

    static DatabricksWorkspaces of(List<ProjectConnections> projects) {
        Map<String, List<ProjectConnections>> grouped = new TreeMap<>();
        for (ProjectConnections pc : projects) {
            grouped.computeIfAbsent(key(pc.staging()), k -> new ArrayList<>()).add(pc);
        }
        Map<String, Workspace> out = new TreeMap<>();
        grouped.forEach((url, list) -> {
            Connection first = list.stream().map(ProjectConnections::staging)
                    .min(Comparator.comparing(Connection::name)).orElseThrow();
            out.put(url, new Workspace(Names.linkedService(first), first, List.copyOf(list)));
        });
        return new DatabricksWorkspaces(out);
    }

    /** The linked service of the workspace a staging connection points at. */
    String linkedServiceFor(Connection staging) {
        Workspace w = byUrl.get(key(staging));
        if (w == null) {
            throw new GenerationException("No Databricks linked service for connection '" + staging.name() + "'");
        }
        return w.linkedService();
    }

    List<Workspace> all() {
        return List.copyOf(byUrl.values());
    }

    /** {@code https://host}: the scheme is added when missing, a trailing slash removed. */
    static String domain(Connection staging) {
        String url = staging.workspaceUrl() == null ? "" : staging.workspaceUrl().trim();
        if (url.isEmpty()) {
            throw new GenerationException("Databricks connection '" + staging.name() + "' has no workspaceUrl; "
                    + "ADF needs it for its Databricks linked service.");
        }
        if (!url.contains("://")) {
            url = "https://" + url;
        }
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url;
    }

    private static String key(Connection staging) {
        return domain(staging).toLowerCase(Locale.ROOT);
    }
}
