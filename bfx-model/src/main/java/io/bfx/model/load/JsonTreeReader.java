package io.bfx.model.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.bfx.model.SourceLocation;
import io.bfx.model.diag.Code;
import io.bfx.model.diag.Findings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads JSON with Jackson's streaming parser, keeping the line and column of every token. */
public final class JsonTreeReader implements TreeReader {

    private final JsonFactory factory;
    private final TreeLimits limits;

    public JsonTreeReader(TreeLimits limits) {
        this.limits = limits;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .build())
                .build();
    }

    @Override
    public List<Node> read(String displayPath, String text, Findings findings) {
        if (text.codePointCount(0, text.length()) > limits.maxCodePoints()) {
            findings.report(Code.BFX003, SourceLocation.ofFile(displayPath), "JSON document refused: larger than "
                    + limits.maxCodePoints() + " characters.", "Split the metadata over several files.");
            return List.of();
        }
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return List.of();
            }
            Node root = value(p, displayPath, findings);
            if (p.nextToken() != null) {
                findings.report(Code.BFX001, at(p.currentTokenLocation(), displayPath),
                        "JSON syntax error: content after the end of the document.",
                        "A JSON file holds exactly one value; wrap several in one object.");
                return List.of();
            }
            return List.of(root);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage();
            // Every StreamReadConstraints refusal is a safety limit (nesting, but also a number or string longer
            // than Jackson allows); matching only "nesting depth" reported a 2000-digit number as a syntax error.
            boolean limit = e instanceof StreamConstraintsException
                    || (msg != null && msg.toLowerCase(java.util.Locale.ROOT).contains("nesting depth"));
            findings.report(limit ? Code.BFX003 : Code.BFX001,
                    loc == null ? SourceLocation.ofFile(displayPath) : at(loc, displayPath),
                    (limit ? "JSON document refused: " : "JSON syntax error: ") + YamlTreeReader.oneLine(msg),
                    limit ? "Metadata is never nested this deeply nor holds values this long; check the file was not "
                            + "generated wrongly."
                            : "Check for a missing comma, quote or bracket near this position.");
            return List.of();
        } catch (IOException e) {
            findings.report(Code.BFX023, SourceLocation.ofFile(displayPath), "Cannot read JSON: " + e.getMessage(), "");
            return List.of();
        }
    }

    private static SourceLocation at(JsonLocation loc, String file) {
        return new SourceLocation(file, Math.max(loc.getLineNr(), 0), Math.max(loc.getColumnNr(), 0));
    }

    private Node value(JsonParser p, String file, Findings findings) throws IOException {
        SourceLocation at = at(p.currentTokenLocation(), file);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, MapNode.Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    SourceLocation keyAt = at(p.currentTokenLocation(), file);
                    p.nextToken();
                    Node v = value(p, file, findings);
                    MapNode.Entry previous = entries.get(key);
                    if (previous != null) {
                        findings.report(Code.BFX002, keyAt, "Key '" + key + "' appears twice in this object (first at"
                                + " line " + previous.keyLocation().line() + "); the second value is ignored.",
                                "Remove one of the two entries.");
                    } else {
                        entries.put(key, new MapNode.Entry(key, keyAt, v));
                    }
                }
                return new MapNode(at, entries);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p, file, findings));
                }
                return new ListNode(at, items);
            }
            case VALUE_STRING:
                return new ScalarNode(at, p.getText(), ScalarNode.Type.STRING);
            case VALUE_NUMBER_INT:
                return new ScalarNode(at, p.getText(), ScalarNode.Type.INTEGER);
            case VALUE_NUMBER_FLOAT:
                return new ScalarNode(at, p.getText(), ScalarNode.Type.DECIMAL);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new ScalarNode(at, p.getText(), ScalarNode.Type.BOOLEAN);
            case VALUE_NULL:
                return new ScalarNode(at, "null", ScalarNode.Type.NULL);
            default:
                throw new IllegalStateException("Unexpected JSON token " + t);
        }
    }
}
