package io.bfx.maven;

import io.bfx.model.validate.MetadataValidation;
import io.bfx.model.validate.ValidationRequest;
import io.bfx.model.validate.ValidationResult;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters every bfx goal shares (where the metadata is, skip, failOnWarning) and the validation step every
 * goal runs first. Holds no state beyond its injected parameters, so goals are thread-safe.
 */
abstract class AbstractBfxMojo extends AbstractMojo {

    /**
     * The data project's directory; finding paths are printed relative to it.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    protected File basedir;

    /**
     * The directory holding the metadata files (YAML and JSON).
     *
     * @since 0.1.0
     */
    @Parameter(property = "bfx.metadataDirectory", defaultValue = "${project.basedir}/src/main/bfx", required = true)
    protected File metadataDirectory;

    /**
     * Glob patterns, relative to {@code metadataDirectory}, of the files to read. Default: {@code **}{@code /*.yml},
     * {@code **}{@code /*.yaml} and {@code **}{@code /*.json}.
     *
     * @since 0.1.0
     */
    @Parameter
    protected List<String> includes;

    /**
     * Glob patterns, relative to {@code metadataDirectory}, of files to leave out.
     *
     * @since 0.1.0
     */
    @Parameter
    protected List<String> excludes;

    /**
     * Skip this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "bfx.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * Fail the build on warnings too.
     *
     * @since 0.1.0
     */
    @Parameter(property = "bfx.failOnWarning", defaultValue = "false")
    protected boolean failOnWarning;

    /** Reads and validates the metadata, prints every finding, and fails the goal when the metadata is not good. */
    protected ValidationResult validateMetadata() throws MojoFailureException, MojoExecutionException {
        ValidationRequest request = new ValidationRequest(basedir.toPath(), metadataDirectory.toPath(), includes,
                excludes);
        ValidationResult result;
        try {
            result = new MetadataValidation().run(request);
        } catch (RuntimeException e) {
            // Not a user's mistake: a defect in bfx. Keep the cause for -e, but say so plainly.
            throw new MojoExecutionException("bfx failed unexpectedly while reading the metadata (this is a bug in "
                    + "bfx; please report it with the -e output): " + e, e);
        }
        FindingsReport.print(getLog(), result.findings());
        if (result.failed(failOnWarning)) {
            throw FindingsReport.failure(this, result, failOnWarning);
        }
        getLog().info("bfx metadata is valid: " + result.files().size() + " file(s), "
                + result.metadata().projects().size() + " project(s), " + result.metadata().objects().size()
                + " object(s)" + (result.warningCount() > 0 ? ", " + result.warningCount() + " warning(s)" : "") + ".");
        return result;
    }
}
