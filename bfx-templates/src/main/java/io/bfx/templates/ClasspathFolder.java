package io.bfx.templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the files under a folder of the classpath, in directories and in jars alike. Needed because a class loader
 * can fetch a resource by name but cannot list a folder, and bfx must know every template that exists to refuse
 * an override with an unknown name.
 */
final class ClasspathFolder {

    private ClasspathFolder() {}

    /** Relative file name to the URL it is read from; the first occurrence on the classpath wins. */
    static Map<String, URL> list(ClassLoader loader, String folder) {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        Map<String, URL> out = new TreeMap<>();
        try {
            Enumeration<URL> roots = loader.getResources(prefix);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                switch (root.getProtocol()) {
                    case "file" -> listDirectory(root, out);
                    case "jar" -> listJar(root, prefix, out);
                    default -> throw new TemplateException("Cannot list templates at " + root);
                }
            }
            // getResources finds a folder in a jar only if the jar has an entry for the folder itself, which a jar
            // made by a zip tool may lack: its overrides would be silently ignored. So the jars of a URL class
            // loader (Maven's plugin realm is one) are also listed entry by entry.
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    if ("file".equals(url.getProtocol()) && url.getPath().endsWith(".jar") && isFile(url)) {
                        listJar(new URL("jar:" + url + "!/"), prefix, out);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean isFile(URL url) {
        try {
            return Files.isRegularFile(Path.of(url.toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void listDirectory(URL root, Map<String, URL> out) throws IOException {
        Path dir;
        try {
            dir = Path.of(root.toURI());
        } catch (URISyntaxException e) {
            throw new TemplateException("Bad template folder URL " + root, e);
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                out.putIfAbsent(rel, p.toUri().toURL());
            }
        }
    }

    private static void listJar(URL root, String prefix, Map<String, URL> out) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (!e.isDirectory() && e.getName().startsWith(prefix)) {
                    String rel = e.getName().substring(prefix.length());
                    out.putIfAbsent(rel, new URL("jar:" + connection.getJarFileURL() + "!/" + e.getName()));
                }
            }
        }
    }
}
