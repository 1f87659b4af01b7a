package io.bfx.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds templates, file by file: the user's template directory first, then templates that dependency jars on the
 * plugin's classpath carry under {@code bfx-templates/}, then bfx's built-in templates under
 * {@code io/bfx/templates/}. Every override must replace a built-in template: an unknown name is refused, because
 * a misspelt override would otherwise be silently ignored.
 */
public final class TemplateRepository {

    /** Folder of the built-in templates on the classpath. */
    public static final String BUILT_IN_FOLDER = "io/bfx/templates";
    /** Folder where dependency jars put template overrides. */
    public static final String CLASSPATH_OVERRIDE_FOLDER = "bfx-templates";

    private final Map<String, URL> builtIn;
    private final Map<String, URL> classpathOverrides;
    private final Map<String, Path> userOverrides;
    private final Path userDirectory;
    private final Map<String, TemplateSource> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param userDirectory the user's template folder, or null
     * @param loader the class loader holding the built-in templates and any override jars
     */
    public TemplateRepository(Path userDirectory, ClassLoader loader) {
        this.builtIn = ClasspathFolder.list(TemplateRepository.class.getClassLoader(), BUILT_IN_FOLDER);
        this.classpathOverrides = loader == null ? Map.of() : ClasspathFolder.list(loader, CLASSPATH_OVERRIDE_FOLDER);
        this.userDirectory = userDirectory;
        this.userOverrides = userDirectory == null ? Map.of() : listUserDirectory(userDirectory);
    }

    /** Only the built-in templates. */
    public static TemplateRepository builtIn() {
        return new TemplateRepository(null, null);
    }

    private static Map<String, Path> listUserDirectory(Path dir) {
        Map<String, Path> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).sorted().forEach(p ->
                    out.put(dir.relativize(p).toString().replace('\\', '/'), p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Names of all built-in templates and static files. */
    public List<String> builtInNames() {
        return List.copyOf(builtIn.keySet());
    }

    /** Override files whose name matches no built-in template: these fail the build. */
    public List<String> unknownOverrides() {
        List<String> unknown = new ArrayList<>();
        userOverrides.keySet().stream().filter(n -> !builtIn.containsKey(n))
                .forEach(n -> unknown.add(userDirectory.resolve(n).toString()));
        classpathOverrides.entrySet().stream().filter(e -> !builtIn.containsKey(e.getKey()))
                .forEach(e -> unknown.add(e.getValue().toString()));
        return Collections.unmodifiableList(unknown);
    }

    /** The overridden templates and where each override comes from, for the log. */
    public Map<String, String> overrides() {
        Map<String, String> out = new TreeMap<>();
        for (String name : builtIn.keySet()) {
            if (userOverrides.containsKey(name)) {
                out.put(name, userOverrides.get(name).toString());
            } else if (classpathOverrides.containsKey(name)) {
                out.put(name, classpathOverrides.get(name).toString());
            }
        }
        return out;
    }

    public boolean exists(String name) {
        return builtIn.containsKey(name);
    }

    /** The template that applies for {@code name}. */
    public TemplateSource find(String name) {
        return cache.computeIfAbsent(name, this::load);
    }

    private TemplateSource load(String name) {
        if (!builtIn.containsKey(name)) {
            throw new TemplateException("No template named " + name);
        }
        if (userOverrides.containsKey(name)) {
            Path p = userOverrides.get(name);
            try {
                return new TemplateSource(name, Files.readString(p, StandardCharsets.UTF_8),
                        TemplateSource.Origin.USER_DIRECTORY, p.toString());
            } catch (IOException e) {
                throw new TemplateException("Cannot read template override " + p + ": " + e.getMessage(), e);
            }
        }
        if (classpathOverrides.containsKey(name)) {
            URL url = classpathOverrides.get(name);
            return new TemplateSource(name, read(url), TemplateSource.Origin.CLASSPATH, url.toString());
        }
        URL url = builtIn.get(name);
        return new TemplateSource(name, read(url), TemplateSource.Origin.BUILT_IN, "built-in");
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TemplateException("Cannot read template " + url + ": " + e.getMessage(), e);
        }
    }
}
