package io.bfx.maven;

import io.bfx.generate.GenerationException;
import io.bfx.generate.GenerationRequest;
import io.bfx.generate.GenerationResult;
import io.bfx.generate.Generator;
import io.bfx.model.validate.ValidationResult;
import io.bfx.templates.TemplateException;
import java.io.File;
import java.io.UncheckedIOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Generates the Azure Data Factory and Databricks solution of a data project into {@code outputDirectory}. Runs
 * the same validation as {@code bfx:validate} first and fails the same way. The output is byte-identical for
 * identical metadata; files of an earlier run that are no longer generated are removed (nothing else is).
 *
 * @since 0.1.0
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class GenerateMojo extends AbstractBfxMojo {

    /**
     * Where the solution is written. bfx never writes outside this folder.
     *
     * @since 0.1.0
     */
    @Parameter(property = "bfx.outputDirectory", defaultValue = "${project.build.directory}/bfx", required = true)
    private File outputDirectory;

    /**
     * A folder of template overrides. A file here replaces the built-in template with the same relative path (for
     * example {@code adf/pipeline-object.json.mustache}); a file with an unknown name fails the build. Templates
     * in a jar added as a dependency of this plugin, under {@code bfx-templates/}, override too, with lower
     * precedence than this folder.
     *
     * @since 0.1.0
     */
    @Parameter(property = "bfx.templateDirectory", defaultValue = "${project.basedir}/src/main/bfx-templates")
    private File templateDirectory;

    /**
     * How many threads render files. 0 means one per available processor.
     *
     * @since 0.1.0
     */
    @Parameter(property = "bfx.threads", defaultValue = "0")
    private int threads;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping bfx generation (bfx.skip=true).");
            return;
        }
        ValidationResult validation = validateMetadata();
        GenerationRequest request = new GenerationRequest(validation.metadata(), outputDirectory.toPath(),
                templateDirectory == null ? null : templateDirectory.toPath(), getClass().getClassLoader(),
                threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors()));
        GenerationResult result;
        try {
            result = Generator.standard().generate(request);
        } catch (GenerationException | TemplateException e) {
            throw new MojoFailureException(this, "bfx generation failed: " + e.getMessage(), e.getMessage());
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("bfx could not write the solution: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("bfx failed unexpectedly while generating (this is a bug in bfx; "
                    + "please report it with the -e output): " + e, e);
        }
        result.overrides().forEach((name, from) -> getLog().info("Template " + name + " overridden by " + from));
        getLog().info("bfx generated " + result.written().size() + " file(s) into " + outputDirectory + " ("
                + result.changed() + " changed, " + result.deleted().size() + " removed).");
        for (String deleted : result.deleted()) {
            getLog().info("Removed stale file " + deleted);
        }
    }
}
