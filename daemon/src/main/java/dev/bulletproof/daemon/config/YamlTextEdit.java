package dev.bulletproof.daemon.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Changes values in YAML text in place (docs/decisions/0009). SnakeYAML composes the text into nodes that
 * know where they start and end; a changed value is replaced in the text itself, a new key is added at the
 * end of its mapping, a removed one is cut out with its line. Everything not changed keeps its bytes:
 * comments, blank lines, key order, quoting, indentation, the way numbers and paths were written.
 *
 * <p>Values are compared and written as JSON trees ({@code null} for "not set"); callers decide what each
 * key's value is, this class only decides where it goes in the text.
 */
final class YamlTextEdit {

    private static final int STEP = 2;
    /** Top-level keys added at the end come after any edit recorded at the same place (see result()). */
    private static final int TOP_LEVEL_ORDER = 1 << 24;

    private final String text;
    private final String newline;
    private final List<Splice> splices = new ArrayList<>();
    private final Node root;
    /** A file without any key gets its first key on a line of its own, and the next ones after it. */
    private boolean appendedToEmpty;

    private record Splice(int start, int end, String replacement, int order) {}

    /**
     * @throws ConfigValidationException when the text is not a single YAML mapping written one key per line
     */
    YamlTextEdit(String text) {
        this.text = text;
        this.newline = text.contains("\r\n") ? "\r\n" : "\n";
        Node composed;
        try {
            composed = new Yaml(new LoaderOptions(), new DumperOptions()).compose(new StringReader(text));
        } catch (YAMLException e) {
            throw new ConfigValidationException(Map.of("(file)", "not valid YAML: " + e.getMessage()));
        }
        if (composed != null
                && !(composed instanceof MappingNode mapping
                        && mapping.getFlowStyle() == DumperOptions.FlowStyle.BLOCK)) {
            throw new ConfigValidationException(
                    Map.of("(file)", "must be a mapping written one key per line to be saved; fix it by hand first"));
        }
        this.root = composed;
    }

    /**
     * Sets a top-level key: edits its value where it is (under {@code key} or one of {@code aliases}),
     * or adds it at the end of the file.
     *
     * @param current what the file holds for the key now (for finer edits inside lists and mappings)
     * @param keyRenamed the alias whose value has another type, so its key is replaced too (delete_input)
     */
    void set(String key, List<String> aliases, String keyRenamed, JsonNode current, JsonNode value) {
        NodeTuple tuple = root == null ? null : find((MappingNode) root, key, aliases);
        if (tuple == null) {
            appendTopLevel(key, value);
            return;
        }
        String found = ((ScalarNode) tuple.getKeyNode()).getValue();
        if (found.equals(keyRenamed)) {
            replaceKey(tuple, key);
            replaceValue(tuple, value);
        } else {
            edit(tuple, current, value);
        }
    }

    /** Cuts a top-level key (under {@code key} or one of {@code aliases}) out with its lines, if the file has it. */
    void remove(String key, List<String> aliases) {
        NodeTuple tuple = root == null ? null : find((MappingNode) root, key, aliases);
        if (tuple != null) {
            removeEntry((MappingNode) root, tuple);
        }
    }

    /** The text with every edit applied. */
    String result() {
        StringBuilder out = new StringBuilder(text);
        splices.stream()
                .sorted(Comparator.comparingInt(Splice::start)
                        .thenComparingInt(Splice::order)
                        .reversed())
                .forEach(s -> out.replace(s.start(), s.end(), s.replacement()));
        return out.toString();
    }

    // ---- edits ----------------------------------------------------------------------------------------

    /** A mapping entry whose value goes from {@code old} to {@code value}. */
    private void edit(NodeTuple tuple, JsonNode old, JsonNode value) {
        Node node = tuple.getValueNode();
        if (YamlValues.same(old, value)) {
            return;
        }
        if (value.isContainerNode() && value.isEmpty()) {
            replaceValue(tuple, value);
        } else if (isBlock(node, MappingNode.class) && value.isObject() && old != null && old.isObject()) {
            editMapping((MappingNode) node, old, value);
        } else if (isBlock(node, SequenceNode.class) && value.isArray() && old != null && old.isArray()) {
            editSequence((SequenceNode) node, old, value);
        } else {
            replaceValue(tuple, value);
        }
    }

    private void editMapping(MappingNode mapping, JsonNode old, JsonNode value) {
        List<NodeTuple> removed = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> added = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode before = old.path(key);
            JsonNode after = field.getValue();
            if (YamlValues.same(before, after)) {
                continue;
            }
            List<String> aliases = key.equals("on_success") ? List.of("delete_input") : List.of();
            NodeTuple tuple = find(mapping, key, aliases);
            if (tuple == null) {
                if (!after.isNull()) {
                    added.add(Map.entry(key, after));
                }
            } else if (after.isNull()) {
                removed.add(tuple);
            } else if (!((ScalarNode) tuple.getKeyNode()).getValue().equals(key)) {
                replaceKey(tuple, key);
                replaceValue(tuple, after);
            } else {
                edit(tuple, before, after);
            }
        }
        // New keys go after the last entry that stays, so an insertion never lands inside a cut-out line.
        List<NodeTuple> staying = new ArrayList<>(mapping.getValue());
        staying.removeAll(removed);
        int column = column(start(mapping.getValue().getFirst().getKeyNode()));
        int at = lineEnd(lastEnd(staying.isEmpty() ? mapping : staying.getLast().getValueNode()));
        for (Map.Entry<String, JsonNode> entry : added) {
            splice(at, at, newline + String.join(newline, entry(entry.getKey(), entry.getValue(), column)));
        }
        removed.forEach(tuple -> removeEntry(mapping, tuple));
    }

    private void editSequence(SequenceNode sequence, JsonNode old, JsonNode value) {
        List<Node> items = sequence.getValue();
        int common = Math.min(items.size(), value.size());
        for (int i = 0; i < common; i++) {
            Node item = items.get(i);
            JsonNode before = old.path(i);
            JsonNode after = value.get(i);
            if (YamlValues.same(before, after)) {
                continue;
            }
            if (isBlock(item, MappingNode.class) && after.isObject() && before.isObject()) {
                editMapping((MappingNode) item, before, after);
            } else {
                replaceItem(item, after);
            }
        }
        if (value.size() > items.size()) {
            appendItems(sequence, value, items.size());
        } else if (value.size() < items.size()) {
            // value is not empty here: an empty list replaces the whole value (see edit)
            int from = lineEnd(lastEnd(items.get(common - 1)));
            int to = lineEnd(lastEnd(items.getLast()));
            splice(from, to, "");
        }
    }

    private void replaceValue(NodeTuple tuple, JsonNode value) {
        Node node = tuple.getValueNode();
        int column = column(start(tuple.getKeyNode()));
        int afterColon = afterColon(tuple);
        boolean inlineInPlace =
                !(node instanceof CollectionNode<?> c) || c.getFlowStyle() != DumperOptions.FlowStyle.BLOCK;
        String inline = inline(value, node);
        // An empty value ("key:") has no reliable position of its own: it is taken to end at the colon.
        int end =
                inlineInPlace ? Math.max(afterColon, Math.min(end(node), lineEnd(afterColon))) : lineEnd(lastEnd(node));
        if (inline != null && inlineInPlace && end(node) > start(node) && start(node) >= afterColon) {
            splice(start(node), end(node), inline);
        } else if (inline != null) {
            splice(afterColon, end, " " + inline);
        } else {
            // A comment after the old value stays on the key's line.
            String rest = inlineInPlace ? text.substring(end, lineEnd(end)) : "";
            splice(
                    afterColon,
                    inlineInPlace ? lineEnd(end) : end,
                    rest + newline + String.join(newline, block(value, column + STEP)));
        }
    }

    private void replaceItem(Node item, JsonNode value) {
        int column = column(start(item));
        boolean block = item instanceof CollectionNode<?> c && c.getFlowStyle() == DumperOptions.FlowStyle.BLOCK;
        int end = block ? lineEnd(lastEnd(item)) : end(item);
        String inline = inline(value, item);
        if (inline != null) {
            splice(start(item), end, inline);
        } else {
            splice(start(item), end, itemText(value, column));
        }
    }

    private void replaceKey(NodeTuple tuple, String key) {
        splice(start(tuple.getKeyNode()), end(tuple.getKeyNode()), key);
    }

    /** After everything else at the end of the file, including edits inside the last entry. */
    private void appendTopLevel(String key, JsonNode value) {
        int at = root == null ? text.length() : lineEnd(lastEnd(root));
        boolean freshLine = root == null && (at == 0 || text.charAt(at - 1) == '\n' || appendedToEmpty);
        appendedToEmpty = root == null;
        String lead = freshLine ? "" : newline;
        String tail = root == null ? newline : "";
        splices.add(new Splice(
                at, at, lead + String.join(newline, entry(key, value, 0)) + tail, TOP_LEVEL_ORDER + splices.size()));
    }

    /**
     * Cuts an entry out with its line. The first entry of a list item shares its line with the "- ", so
     * the next entry moves up onto that line instead.
     */
    private void removeEntry(MappingNode mapping, NodeTuple tuple) {
        List<NodeTuple> tuples = mapping.getValue();
        int index = tuples.indexOf(tuple);
        int keyStart = start(tuple.getKeyNode());
        int lineStart = lineStart(keyStart);
        boolean aloneOnLine = text.substring(lineStart, keyStart).isBlank();
        int valueLineEnd = lineEnd(lastEnd(tuple.getValueNode()));
        if (aloneOnLine) {
            int next = valueLineEnd < text.length() ? valueLineEnd + lineBreakLength(valueLineEnd) : valueLineEnd;
            splice(lineStart, next, "");
        } else if (index + 1 < tuples.size()) {
            splice(keyStart, start(tuples.get(index + 1).getKeyNode()), "");
        } else {
            splice(keyStart, lastEnd(tuple.getValueNode()), "{}");
        }
    }

    private void appendItems(SequenceNode sequence, JsonNode value, int from) {
        Node last = sequence.getValue().getLast();
        int dash = text.lastIndexOf('-', start(last));
        int dashColumn = column(dash);
        int itemColumn = column(start(last));
        StringBuilder added = new StringBuilder();
        for (int i = from; i < value.size(); i++) {
            added.append(newline)
                    .append(" ".repeat(dashColumn))
                    .append(text, dash, start(last))
                    .append(itemText(value.get(i), itemColumn));
        }
        int at = lineEnd(lastEnd(sequence));
        splice(at, at, added.toString());
    }

    // ---- rendering ------------------------------------------------------------------------------------

    /** The value written on one line, or null when it needs lines of its own. */
    private String inline(JsonNode value, Node old) {
        if (value.isValueNode() || value.isNull()) {
            return YamlValues.scalar(
                    value, old instanceof ScalarNode s ? s.getScalarStyle() : DumperOptions.ScalarStyle.PLAIN, false);
        }
        if (value.isEmpty()) {
            return value.isArray() ? "[]" : "{}";
        }
        boolean flowBefore = old instanceof CollectionNode<?> c && c.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
        boolean allScalars = value.isArray()
                && java.util.stream.StreamSupport.stream(value.spliterator(), false)
                        .allMatch(JsonNode::isValueNode);
        return flowBefore && allScalars ? YamlValues.flow(value) : null;
    }

    /** "key: value", or "key:" and the value's lines indented below it. */
    private List<String> entry(String key, JsonNode value, int column) {
        String indent = " ".repeat(column);
        String inline = inline(value, null);
        if (inline != null) {
            return List.of(indent + key + ": " + inline);
        }
        List<String> lines = new ArrayList<>();
        lines.add(indent + key + ":");
        lines.addAll(block(value, column + STEP));
        return lines;
    }

    /** A non-empty mapping or list, one line per entry or item, at {@code column}. */
    private List<String> block(JsonNode value, int column) {
        List<String> lines = new ArrayList<>();
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                if (!field.getValue().isNull()) {
                    lines.addAll(entry(field.getKey(), field.getValue(), column));
                }
            }
            return lines.isEmpty() ? List.of(" ".repeat(column) + "{}") : lines;
        }
        for (JsonNode item : value) {
            lines.add(" ".repeat(column) + "- " + itemText(item, column + STEP));
        }
        return lines;
    }

    /** A list item's text after its "- ": the first entry on the dash's line, the rest below. */
    private String itemText(JsonNode item, int column) {
        String inline = inline(item, null);
        if (inline != null) {
            return inline;
        }
        if (item.isArray()) {
            return YamlValues.flow(item);
        }
        List<String> lines = block(item, column);
        lines.set(0, lines.getFirst().substring(column));
        return String.join(newline, lines);
    }

    // ---- positions ------------------------------------------------------------------------------------

    private static NodeTuple find(MappingNode mapping, String key, List<String> aliases) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k
                    && (k.getValue().equals(key) || aliases.contains(k.getValue()))) {
                return tuple;
            }
        }
        return null;
    }

    private static boolean isBlock(Node node, Class<? extends CollectionNode<?>> type) {
        return type.isInstance(node) && ((CollectionNode<?>) node).getFlowStyle() == DumperOptions.FlowStyle.BLOCK;
    }

    /** Where the last character of a node is: a block collection's own end mark lies past its trailing comments. */
    private int lastEnd(Node node) {
        if (node instanceof MappingNode m
                && m.getFlowStyle() == DumperOptions.FlowStyle.BLOCK
                && !m.getValue().isEmpty()) {
            return lastEnd(m.getValue().getLast().getValueNode());
        }
        if (node instanceof SequenceNode s
                && s.getFlowStyle() == DumperOptions.FlowStyle.BLOCK
                && !s.getValue().isEmpty()) {
            return lastEnd(s.getValue().getLast());
        }
        return end(node);
    }

    /** Just after the ':' that follows a key (an empty value's position is not reliable). */
    private int afterColon(NodeTuple tuple) {
        int colon = text.indexOf(':', end(tuple.getKeyNode()));
        return colon < 0 ? end(tuple.getKeyNode()) : colon + 1;
    }

    private int start(Node node) {
        return charIndex(node.getStartMark().getIndex());
    }

    private int end(Node node) {
        return charIndex(node.getEndMark().getIndex());
    }

    /** SnakeYAML counts code points; Java strings count UTF-16 units. */
    private int charIndex(int codePoints) {
        return text.offsetByCodePoints(0, Math.min(codePoints, text.codePointCount(0, text.length())));
    }

    private int lineStart(int index) {
        return text.lastIndexOf('\n', index - 1) + 1;
    }

    private int column(int index) {
        return index - lineStart(index);
    }

    /** The end of the line holding {@code index}, before its line break. */
    private int lineEnd(int index) {
        int lf = text.indexOf('\n', index);
        if (lf < 0) {
            return text.length();
        }
        return lf > 0 && text.charAt(lf - 1) == '\r' ? lf - 1 : lf;
    }

    private int lineBreakLength(int lineEnd) {
        return text.startsWith("\r\n", lineEnd) ? 2 : 1;
    }

    private void splice(int start, int end, String replacement) {
        splices.add(new Splice(start, end, replacement, splices.size()));
    }
}
