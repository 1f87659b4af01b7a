package io.bfx.model.load;

import io.bfx.model.SourceLocation;
import io.bfx.model.diag.Code;
import io.bfx.model.diag.Findings;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML with SnakeYAML's composer (nodes with marks, no object construction), so that every value keeps its
 * line and column. Anchors and aliases are supported, and so are merge keys ({@code <<: *base}), within
 * {@link TreeLimits}; recursive aliases are refused.
 */
public final class YamlTreeReader implements TreeReader {

    private final TreeLimits limits;

    public YamlTreeReader(TreeLimits limits) {
        this.limits = limits;
    }

    @Override
    public List<Node> read(String displayPath, String text, Findings findings) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(limits.maxAliasesForCollections());
        options.setNestingDepthLimit(limits.maxNestingDepth());
        options.setCodePointLimit(limits.maxCodePoints());
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        DumperOptions dumper = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new Resolver());
        List<Node> documents = new ArrayList<>();
        try {
            for (org.yaml.snakeyaml.nodes.Node document : yaml.composeAll(new StringReader(text))) {
                if (isEmpty(document)) {
                    // A document with no content ("---" alone, or a trailing "---" and comments) says nothing,
                    // like an empty file; it used to be reported as "must be a mapping, not null" (BFX005).
                    continue;
                }
                Converter converter = new Converter(displayPath, findings);
                // Measure the expansion first, on the composed graph where an alias is the anchored node itself:
                // converting first and counting along the way built up to maxNodes nodes before refusing, which
                // took seconds and hundreds of megabytes for a 600-byte "billion laughs" file.
                if (!converter.withinNodeLimit(document)) {
                    continue;
                }
                Node node = converter.convert(document, 0);
                if (node != null && !converter.aborted) {
                    documents.add(node);
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            SourceLocation at = mark == null ? SourceLocation.ofFile(displayPath)
                    : new SourceLocation(displayPath, mark.getLine() + 1, mark.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            findings.report(Code.BFX001, at, "YAML syntax error: " + oneLine(problem),
                    "Check indentation and quoting near this position; a value containing ': ' or '#' needs quotes.");
            return List.of();
        } catch (YAMLException e) {
            String message = oneLine(e.getMessage());
            if (isLimit(message)) {
                findings.report(Code.BFX003, SourceLocation.ofFile(displayPath), "YAML document refused: " + message,
                        "Write the values out instead of nesting aliases; bfx limits aliases to "
                                + limits.maxAliasesForCollections() + " per document to stay safe from alias bombs.");
            } else {
                findings.report(Code.BFX001, SourceLocation.ofFile(displayPath), "YAML error: " + message,
                        "Check the file is well-formed YAML.");
            }
            return List.of();
        }
        return documents;
    }

    private static boolean isEmpty(org.yaml.snakeyaml.nodes.Node document) {
        return document instanceof org.yaml.snakeyaml.nodes.ScalarNode s && Tag.NULL.equals(s.getTag())
                && s.getValue().isEmpty();
    }

    private static boolean isLimit(String message) {
        String m = message.toLowerCase(java.util.Locale.ROOT);
        return m.contains("alias") || m.contains("nesting depth") || m.contains("exceeds the limit")
                || m.contains("recursive");
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    /** Converts one composed document, expanding aliases while counting nodes and detecting recursion. */
    private final class Converter {
        private final String file;
        private final Findings findings;
        private final IdentityHashMap<org.yaml.snakeyaml.nodes.Node, Boolean> onPath = new IdentityHashMap<>();
        private int nodes;
        boolean aborted;

        Converter(String file, Findings findings) {
            this.file = file;
            this.findings = findings;
        }

        /**
         * Whether the document, with every alias expanded, stays within {@link TreeLimits#maxNodes()}; reports BFX003
         * at the first node whose expansion is too large, or at an alias that refers to a node containing it. Each
         * distinct node is measured once (sizes are memoized by identity), so this is linear in the text.
         */
        boolean withinNodeLimit(org.yaml.snakeyaml.nodes.Node document) {
            return expandedSize(document, new IdentityHashMap<>()) <= limits.maxNodes();
        }

        /** The node count of the expanded subtree; maxNodes + 1 once it is refused (too large or recursive). */
        private long expandedSize(org.yaml.snakeyaml.nodes.Node n,
                IdentityHashMap<org.yaml.snakeyaml.nodes.Node, Long> sizes) {
            Long known = sizes.get(n);
            if (known != null) {
                return known;
            }
            if (onPath.put(n, Boolean.TRUE) != null) {
                abort(n, "an alias refers to a node that contains it (recursive structure)");
                return limits.maxNodes() + 1L;
            }
            long size = 1;
            List<org.yaml.snakeyaml.nodes.Node> children = new ArrayList<>();
            if (n instanceof MappingNode m) {
                m.getValue().forEach(t -> children.add(t.getValueNode()));
            } else if (n instanceof SequenceNode s) {
                children.addAll(s.getValue());
            }
            for (org.yaml.snakeyaml.nodes.Node child : children) {
                size += expandedSize(child, sizes);
                if (aborted) {
                    onPath.remove(n);
                    return limits.maxNodes() + 1L;
                }
                if (size > limits.maxNodes()) {
                    abort(n, "this value would expand through its aliases to more than " + limits.maxNodes()
                            + " values");
                    onPath.remove(n);
                    return limits.maxNodes() + 1L;
                }
            }
            onPath.remove(n);
            sizes.put(n, size);
            return size;
        }

        private SourceLocation at(org.yaml.snakeyaml.nodes.Node n) {
            Mark m = n.getStartMark();
            return m == null ? SourceLocation.ofFile(file) : new SourceLocation(file, m.getLine() + 1, m.getColumn() + 1);
        }

        Node convert(org.yaml.snakeyaml.nodes.Node n, int depth) {
            if (aborted) {
                return null;
            }
            if (++nodes > limits.maxNodes()) {
                abort(n, "the document expands to more than " + limits.maxNodes() + " nodes");
                return null;
            }
            if (onPath.put(n, Boolean.TRUE) != null) {
                abort(n, "an alias refers to a node that contains it (recursive structure)");
                return null;
            }
            try {
                if (n instanceof MappingNode m) {
                    return mapping(m, depth);
                }
                if (n instanceof SequenceNode s) {
                    List<Node> items = new ArrayList<>();
                    for (org.yaml.snakeyaml.nodes.Node item : s.getValue()) {
                        Node converted = convert(item, depth + 1);
                        if (converted != null) {
                            items.add(converted);
                        }
                    }
                    return new ListNode(at(s), items);
                }
                org.yaml.snakeyaml.nodes.ScalarNode sc = (org.yaml.snakeyaml.nodes.ScalarNode) n;
                return new ScalarNode(at(sc), sc.getValue(), scalarType(sc));
            } finally {
                onPath.remove(n);
            }
        }

        private MapNode mapping(MappingNode m, int depth) {
            Map<String, MapNode.Entry> entries = new LinkedHashMap<>();
            List<MapNode.Entry> merged = new ArrayList<>();
            for (NodeTuple tuple : m.getValue()) {
                org.yaml.snakeyaml.nodes.Node keyNode = tuple.getKeyNode();
                if (keyNode.getTag().equals(Tag.MERGE)) {
                    collectMerge(tuple.getValueNode(), depth, merged);
                    continue;
                }
                if (!(keyNode instanceof org.yaml.snakeyaml.nodes.ScalarNode keyScalar)) {
                    findings.report(Code.BFX005, at(keyNode), "A mapping key must be a plain value, not " +
                            (keyNode instanceof MappingNode ? "a mapping" : "a list") + ".",
                            "Use simple names as keys.");
                    continue;
                }
                String key = keyScalar.getValue();
                Node value = convert(tuple.getValueNode(), depth + 1);
                if (value == null) {
                    continue;
                }
                MapNode.Entry previous = entries.get(key);
                if (previous != null) {
                    findings.report(Code.BFX002, at(keyNode), "Key '" + key + "' appears twice in this mapping"
                            + " (first at line " + previous.keyLocation().line() + "); the second value is ignored.",
                            "Remove one of the two entries.");
                    continue;
                }
                entries.put(key, new MapNode.Entry(key, at(keyNode), value));
            }
            // Merge keys: explicitly written keys always win over merged ones, as in YAML 1.1.
            for (MapNode.Entry e : merged) {
                entries.putIfAbsent(e.key(), e);
            }
            return new MapNode(at(m), entries);
        }

        private void collectMerge(org.yaml.snakeyaml.nodes.Node value, int depth, List<MapNode.Entry> out) {
            Node converted = convert(value, depth + 1);
            if (converted instanceof MapNode map) {
                out.addAll(map.entries().values());
            } else if (converted instanceof ListNode list) {
                for (Node item : list.items()) {
                    if (item instanceof MapNode map) {
                        map.entries().values().forEach(e -> {
                            if (out.stream().noneMatch(o -> o.key().equals(e.key()))) {
                                out.add(e);
                            }
                        });
                    } else {
                        findings.report(Code.BFX005, item.location(), "A merge key '<<' takes mappings, not "
                                + item.kind() + ".", "Merge an anchored mapping: '<<: *name'.");
                    }
                }
            } else if (converted != null) {
                findings.report(Code.BFX005, converted.location(), "A merge key '<<' takes a mapping, not "
                        + converted.kind() + ".", "Merge an anchored mapping: '<<: *name'.");
            }
        }

        private void abort(org.yaml.snakeyaml.nodes.Node n, String why) {
            aborted = true;
            findings.report(Code.BFX003, at(n), "YAML document refused: " + why + ".",
                    "Write the values out instead of nesting aliases.");
        }

        private ScalarNode.Type scalarType(org.yaml.snakeyaml.nodes.ScalarNode sc) {
            Tag tag = sc.getTag();
            if (Tag.NULL.equals(tag)) {
                return ScalarNode.Type.NULL;
            }
            if (Tag.BOOL.equals(tag)) {
                return ScalarNode.Type.BOOLEAN;
            }
            if (Tag.INT.equals(tag)) {
                return ScalarNode.Type.INTEGER;
            }
            if (Tag.FLOAT.equals(tag)) {
                return ScalarNode.Type.DECIMAL;
            }
            return ScalarNode.Type.STRING;
        }
    }
}
