package dev.grove.loader.config;

import dev.grove.loader.config.ConfigNode.Entry;
import dev.grove.loader.config.ConfigNode.Mapping;
import dev.grove.loader.config.ConfigNode.Scalar;
import dev.grove.loader.config.ConfigNode.Sequence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads YAML text into a {@link ConfigNode} tree without constructing any object from it.
 *
 * <p>Two passes over SnakeYAML 2: first the event stream is checked (one document; no anchors or
 * aliases, which also defuses alias bombs; no tags but the standard scalar, list and mapping ones;
 * nesting at most {@value #MAX_DEPTH} levels), and only a text that passes is composed into nodes
 * with strict {@link LoaderOptions}. Composing does not reject duplicate keys, so the conversion to
 * {@link ConfigNode} does. Every SnakeYAML exception becomes a {@link ConfigProblem}.
 */
final class SafeYamlReader {

    /** The most characters (code points) an experiment file may have. */
    static final int MAX_CODE_POINTS = 1_000_000;
    /** The deepest nesting of lists and mappings allowed. */
    static final int MAX_DEPTH = 30;
    private static final int MAX_ALIASES = 20;

    private static final String STANDARD = "tag:yaml.org,2002:";
    private static final Map<String, ScalarType> SCALAR_TAGS = Map.of(
            STANDARD + "str", ScalarType.STRING,
            STANDARD + "int", ScalarType.INT,
            STANDARD + "float", ScalarType.FLOAT,
            STANDARD + "bool", ScalarType.BOOLEAN,
            STANDARD + "null", ScalarType.NULL);
    private static final Set<String> COLLECTION_TAGS = Set.of(STANDARD + "seq", STANDARD + "map");

    private final String source;
    private final boolean positions;
    private final List<ConfigProblem> problems;

    private SafeYamlReader(String source, boolean positions, List<ConfigProblem> problems) {
        this.source = source;
        this.positions = positions;
        this.problems = problems;
    }

    /**
     * Reads one YAML document.
     *
     * @param source    names the text in problems (a file, an override)
     * @param positions whether nodes get line and column (false for a one-line override or default)
     * @return the root node, or null when the text is empty or unsafe or invalid (problems say why)
     */
    static ConfigNode read(String text, String source, boolean positions, List<ConfigProblem> problems) {
        SafeYamlReader reader = new SafeYamlReader(source, positions, problems);
        int length = text.codePointCount(0, text.length());
        if (length > MAX_CODE_POINTS) {
            problems.add(Origin.of(source).problem("the text has " + length + " characters; experiment files are limited to "
                    + MAX_CODE_POINTS));
            return null;
        }
        if (!reader.passesEventChecks(text)) {
            return null;
        }
        Node root;
        try {
            root = new Composer(new ParserImpl(new StreamReader(text), options()), new StrictResolver(), options())
                    .getSingleNode();
        } catch (YAMLException e) {
            reader.report(e);
            return null;
        }
        return root == null ? null : reader.convert(root);
    }

    /** The strict SnakeYAML options: also enforced by SnakeYAML itself as a second line of defence. */
    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setMergeOnCompose(false);
        options.setTagInspector(tag -> false);
        return options;
    }

    private boolean passesEventChecks(String text) {
        int before = problems.size();
        int depth = 0;
        int documents = 0;
        List<NodeEvent> anchors = new ArrayList<>();
        List<AliasEvent> aliases = new ArrayList<>();
        try {
            ParserImpl parser = new ParserImpl(new StreamReader(text), options());
            for (Event event = parser.getEvent(); !(event instanceof StreamEndEvent); event = parser.getEvent()) {
                if (event instanceof DocumentStartEvent && ++documents > 1) {
                    problems.add(at(event.getStartMark()).problem(
                            "a second YAML document starts here; an experiment file holds exactly one (remove the '---')"));
                    break;
                }
                if (event instanceof AliasEvent alias) {
                    aliases.add(alias);
                } else if (event instanceof NodeEvent node && node.getAnchor() != null) {
                    anchors.add(node);
                }
                if (event instanceof ScalarEvent scalar) {
                    checkTag(scalar.getTag(), SCALAR_TAGS.keySet(), event.getStartMark());
                } else if (event instanceof CollectionStartEvent collection) {
                    checkTag(collection.getTag(), COLLECTION_TAGS, event.getStartMark());
                    if (++depth > MAX_DEPTH) {
                        problems.add(at(event.getStartMark()).problem("nesting deeper than " + MAX_DEPTH
                                + " levels of lists and mappings is not allowed (an experiment needs only a few)"));
                        break;
                    }
                } else if (event instanceof CollectionEndEvent) {
                    depth--;
                }
            }
        } catch (YAMLException e) {
            report(e);
        }
        reportReferences(anchors, aliases);
        return problems.size() == before;
    }

    /** An explicit tag (null when there is none) must be one of {@code allowed}. */
    private void checkTag(String tag, Set<String> allowed, Mark mark) {
        if (tag != null && !allowed.contains(tag)) {
            String shown = tag.startsWith(STANDARD) ? "!!" + tag.substring(STANDARD.length()) : tag;
            problems.add(at(mark).problem("tag '" + shown + "' is not allowed: tags are not allowed in experiment files"
                    + " (only the standard !!str, !!int, !!float, !!bool, !!null, !!seq and !!map; YAML never names a Java class here)"));
        }
    }

    private void reportReferences(List<NodeEvent> anchors, List<AliasEvent> aliases) {
        String why = "anchors and aliases are not allowed in experiment files; write each value out in full";
        if (!anchors.isEmpty()) {
            NodeEvent first = anchors.get(0);
            problems.add(at(first.getStartMark()).problem("anchor '&" + first.getAnchor() + "'"
                    + (anchors.size() > 1 ? " (and " + (anchors.size() - 1) + " more)" : "") + ": " + why));
        }
        if (!aliases.isEmpty()) {
            AliasEvent first = aliases.get(0);
            problems.add(at(first.getStartMark()).problem("alias '*" + first.getAnchor() + "'"
                    + (aliases.size() > 1 ? " (and " + (aliases.size() - 1) + " more)" : "") + ": " + why));
        }
    }

    private ConfigNode convert(Node node) {
        Origin origin = at(node.getStartMark());
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar, origin);
        }
        if (node instanceof SequenceNode sequence) {
            List<ConfigNode> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(convert(item));
            }
            return new Sequence(items, origin);
        }
        MappingNode mapping = (MappingNode) node;
        List<Entry> entries = new ArrayList<>();
        Map<String, Scalar> seen = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                problems.add(at(tuple.getKeyNode().getStartMark()).problem(
                        "a key must be a plain name, got " + convert(tuple.getKeyNode()).describe()));
                continue;
            }
            Scalar key = scalar(keyNode, at(keyNode.getStartMark()));
            Scalar first = seen.putIfAbsent(key.text(), key);
            if (first != null) {
                problems.add(key.origin().problem("duplicate key '" + key.text() + "'"
                        + (positions ? " (first at line " + first.origin().line() + ", column " + first.origin().column()
                        + ", again at line " + key.origin().line() + ")" : "") + "; each key may appear only once"));
                continue;
            }
            entries.add(new Entry(key, convert(tuple.getValueNode())));
        }
        return new Mapping(entries, origin);
    }

    private Scalar scalar(ScalarNode node, Origin origin) {
        // The event checks let only standard tags through, so every tag is in SCALAR_TAGS.
        ScalarType type = SCALAR_TAGS.get(node.getTag().getValue());
        if (!StrictResolver.accepts(type, node.getValue())) {
            problems.add(origin.problem("'" + node.getValue() + "' is not a valid " + type.label() + " (it is tagged as one)"));
            type = ScalarType.STRING;
        }
        return new Scalar(node.getValue(), type, origin);
    }

    private void report(YAMLException e) {
        if (e instanceof MarkedYAMLException marked && (marked.getProblemMark() != null || marked.getContextMark() != null)) {
            Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
            String context = marked.getContext() != null && marked.getContextMark() != null
                    ? " (" + marked.getContext() + " that starts at line " + (marked.getContextMark().getLine() + 1)
                    + ", column " + (marked.getContextMark().getColumn() + 1) + ")"
                    : "";
            String problem = marked.getProblem() != null ? marked.getProblem() : marked.getContext();
            problems.add(at(mark).problem("invalid YAML: " + problem + context));
        } else {
            problems.add(Origin.of(source).problem("invalid YAML: " + e.getMessage()));
        }
    }

    private Origin at(Mark mark) {
        return positions && mark != null ? new Origin(source, mark.getLine() + 1, mark.getColumn() + 1) : Origin.of(source);
    }
}
