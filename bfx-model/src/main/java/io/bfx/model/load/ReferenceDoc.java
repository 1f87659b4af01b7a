package io.bfx.model.load;

import io.bfx.model.Choice;
import io.bfx.model.diag.Code;
import io.bfx.model.settings.SettingDefinition;
import io.bfx.model.settings.Settings;
import io.bfx.model.types.DataType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the metadata reference (every entity and field, every setting with its default, every data type and every
 * validation code) as Markdown. The README embeds this text between markers and a test keeps it current.
 */
public final class ReferenceDoc {

    public static final String BEGIN = "<!-- BEGIN GENERATED REFERENCE (ReferenceDoc) -->";
    public static final String END = "<!-- END GENERATED REFERENCE -->";

    private ReferenceDoc() {}

    public static String generate() {
        StringBuilder b = new StringBuilder();
        b.append("### Entities and fields\n\n");
        for (EntitySpec e : MetadataSpec.all()) {
            b.append("#### ").append(e.name()).append("\n\n").append(e.description()).append("\n\n");
            b.append("| field | type | required | default | description |\n|---|---|---|---|---|\n");
            for (FieldSpec f : e.fields()) {
                b.append("| `").append(f.name()).append("` | ").append(type(f)).append(" | ")
                        .append(f.required() ? "yes" : "").append(" | ").append(cell(f.defaultText())).append(" | ")
                        .append(cell(f.description())).append(" |\n");
            }
            b.append('\n');
        }
        b.append("### Settings\n\n")
                .append("Write settings under `settings:` at the top level of a file, or on a connection, batch, project or ")
                .append("object. The most specific wins: object, project, the project's batch, the object's connection, the ")
                .append("top level, then the default.\n\n")
                .append("| setting | category | default | allowed | description |\n|---|---|---|---|---|\n");
        for (SettingDefinition d : Settings.all()) {
            b.append("| `").append(d.key()).append("` | ").append(d.category()).append(" | ")
                    .append(d.defaultValue().isEmpty() ? "(empty)" : "`" + d.defaultValue() + "`").append(" | ")
                    .append(cell(d.type().describe())).append(" | ").append(cell(d.description())).append(" |\n");
        }
        b.append("\n### Data types\n\n")
                .append("BimlFlex notation; sizes in parentheses (`MAX` or `-1` for unlimited length).\n\n")
                .append("| data type | Databricks type |\n|---|---|\n");
        for (DataType.Kind k : DataType.Kind.values()) {
            DataType example = io.bfx.model.types.DataTypes.parse(k.label()).type();
            String dbx = example == null ? null : example.databricksType();
            b.append("| `").append(k.label()).append("` | ")
                    .append(dbx == null ? "none (BFX013)" : "`" + dbx.replaceAll("DECIMAL\\(18,0\\)", "DECIMAL(p,s)") + "`")
                    .append(" |\n");
        }
        b.append("\n### Validation codes\n\n| code | severity | meaning |\n|---|---|---|\n");
        for (Code c : Code.values()) {
            b.append("| ").append(c.name()).append(" | ").append(c.defaultSeverity().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" | ").append(cell(c.title())).append(" |\n");
        }
        return b.toString();
    }

    private static String type(FieldSpec f) {
        return switch (f.type()) {
            case STRING -> "text";
            case BOOLEAN -> "true/false";
            case INTEGER -> "number";
            case CHOICE -> "one of " + String.join(", ", values(f.choices()).stream().map(v -> "`" + v + "`").toList());
            case STRING_LIST -> "list of text";
            case STRING_MAP -> "map of text";
            case SETTINGS -> "settings";
            case ENTITY -> f.entity().name();
            case ENTITY_LIST -> "list of " + f.entity().name();
        };
    }

    private static List<String> values(Class<? extends Choice> type) {
        Set<String> v = new LinkedHashSet<>();
        for (Choice c : type.getEnumConstants()) {
            v.add(c.label());
        }
        return List.copyOf(v);
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    public static void main(String[] args) {
        System.out.print(generate());
    }
}
