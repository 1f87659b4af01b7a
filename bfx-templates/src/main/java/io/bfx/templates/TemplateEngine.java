package io.bfx.templates;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheResolver;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders Mustache templates with the escaping of their output format. One Mustache factory per format, because
 * Mustache.java chooses escaping per factory; compiled templates are cached and safe to render from many threads.
 *
 * <p>Templates may not switch escaping off: triple mustaches, {@code {{&...}}} and delimiter changes are refused
 * when a template is loaded, so a template (built-in or a user's override) cannot write an unescaped value.
 */
public final class TemplateEngine {

    /** Marks a value that a typed SQL value has already rendered; never appears in user data (validated names). */
    private static final String TYPED = "\uE000\uE001";

    private final TemplateRepository repository;
    private final Map<OutputFormat, DefaultMustacheFactory> factories = new EnumMap<>(OutputFormat.class);
    /** The length of the last output of each template: the next one starts with a buffer that fits. */
    private final Map<String, Integer> lastLength = new ConcurrentHashMap<>();

    public TemplateEngine(TemplateRepository repository) {
        this.repository = repository;
        for (OutputFormat format : OutputFormat.values()) {
            factories.put(format, new FormatFactory(format));
        }
    }

    public TemplateRepository repository() {
        return repository;
    }

    /**
     * Renders template {@code name} (for example {@code adf/pipeline-object.json.mustache}) with {@code view}.
     * Line endings are normalised to LF.
     */
    public String render(String name, Object view) {
        OutputFormat format = OutputFormat.ofTemplate(name);
        Mustache mustache;
        try {
            mustache = factories.get(format).compile(name);
        } catch (MustacheException e) {
            throw new TemplateException("Template " + name + " (" + repository.find(name).location() + ") cannot be "
                    + "compiled: " + e.getMessage(), e);
        }
        TextWriter out = new TextWriter(lastLength.getOrDefault(name, 256));
        try {
            mustache.execute(out, view).flush();
        } catch (MustacheException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof TemplateException)) {
                cause = cause.getCause();
            }
            throw new TemplateException("Template " + name + " (" + repository.find(name).location() + ") failed: "
                    + cause.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastLength.put(name, out.length());
        return out.toString().replace("\r\n", "\n");
    }

    /** A writer into a StringBuilder: unlike StringWriter it takes no lock per write, and starts at a given size. */
    private static final class TextWriter extends Writer {
        private final StringBuilder b;

        TextWriter(int capacity) {
            b = new StringBuilder(capacity + capacity / 8);
        }

        @Override
        public void write(int c) {
            b.append((char) c);
        }

        @Override
        public void write(char[] chars, int off, int len) {
            b.append(chars, off, len);
        }

        @Override
        public void write(String str) {
            b.append(str);
        }

        @Override
        public void write(String str, int off, int len) {
            b.append(str, off, off + len);
        }

        @Override
        public Writer append(CharSequence csq) {
            b.append(csq);
            return this;
        }

        int length() {
            return b.length();
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return b.toString();
        }
    }

    /** A factory whose escaping is the one of its output format. */
    private final class FormatFactory extends DefaultMustacheFactory {
        private final OutputFormat format;

        FormatFactory(OutputFormat format) {
            super(new RepositoryResolver());
            this.format = format;
            setObjectHandler(new TypedObjectHandler(format));
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                if (value.startsWith(TYPED)) {
                    writer.write(value.substring(TYPED.length()));
                } else if (value.contains(TYPED)) {
                    throw new TemplateException("Malformed typed value");
                } else {
                    writer.write(Escapers.escape(format, value));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Partials are named by their full template name: {@code {{> databricks/header.py}}}. */
        @Override
        public String resolvePartialPath(String dir, String name, String extension) {
            return name.endsWith(".mustache") ? name : name + ".mustache";
        }
    }

    /**
     * Typed values render themselves: SQL values in SQL templates, Python literals in Python templates are marked as
     * already escaped; in other formats their text is escaped like any string.
     */
    private static final class TypedObjectHandler extends ReflectionObjectHandler {
        private final OutputFormat format;

        TypedObjectHandler(OutputFormat format) {
            this.format = format;
        }

        @Override
        public String stringify(Object object) {
            if (object instanceof Sql sql) {
                return format == OutputFormat.SQL ? TYPED + sql.sql() : sql.sql();
            }
            if (object instanceof PythonText text) {
                // A complete literal in Python output; elsewhere just its text, escaped for that format.
                if (format == OutputFormat.PYTHON) {
                    return TYPED + text.literal();
                }
                if (text.value().contains(TYPED)) {
                    throw new TemplateException("Malformed typed value");
                }
                return text.value();
            }
            String plain = super.stringify(object);
            // encode() tells a typed value from a plain one only by the marker, so a plain value starting with it
            // would be written without escaping, in any format: refuse it here, where the type is still known.
            if (plain != null && plain.contains(TYPED)) {
                throw new TemplateException("A value contains the reserved characters U+E000 U+E001: "
                        + Escapers.abbreviate(plain));
            }
            return plain;
        }
    }

    /** Reads templates from the repository and refuses constructs that would bypass escaping. */
    private final class RepositoryResolver implements MustacheResolver {
        @Override
        public Reader getReader(String resourceName) {
            if (!repository.exists(resourceName)) {
                return null;
            }
            TemplateSource source = repository.find(resourceName);
            String text = source.text();
            for (String forbidden : new String[] {"{{{", "{{&", "{{="}) {
                if (text.contains(forbidden)) {
                    throw new TemplateException("Template " + resourceName + " (" + source.location() + ") uses '"
                            + forbidden + "', which would write a value without escaping; use {{name}}.");
                }
            }
            return new StringReader(text);
        }
    }
}
