package io.bfx.generate.adf;

import io.bfx.model.Project;
import io.bfx.model.naming.Names;
import io.bfx.model.settings.SettingResolver;
import io.bfx.model.settings.Settings;

/**
 * Workspace paths of what the Databricks bundle deploys: the root folder (DatabricksNotebookPath with
 * {@code @@Repository} replaced by DatabricksRepositoryName, ending with '/'), the notebooks under
 * {@code src/<project>/} and the ODBC init script at the root.
 */
final class NotebookPaths {

    private NotebookPaths() {}

    /** The root folder for a project. */
    static String root(SettingResolver settings, Project project) {
        return root(settings.forProject(Settings.DATABRICKS_NOTEBOOK_PATH, project).value(),
                settings.forProject(Settings.DATABRICKS_REPOSITORY_NAME, project).value());
    }

    static String root(String notebookPath, String repository) {
        String path = notebookPath.trim().replace("@@Repository", repository.trim());
        return path.endsWith("/") ? path : path + "/";
    }

    /** Any notebook of a project (Bronze, Silver, Gold) by its name: {@code <root>src/<project>/<notebook>}. */
    static String unit(SettingResolver settings, Project project, String notebook) {
        return root(settings, project) + "src/" + Names.key(project.name()) + "/" + notebook;
    }
}
