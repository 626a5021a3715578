package dev.switchboard.adapter.http;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Matches decoded paths against templates such as {@code /v1/offers/{offerId}/answer}. A {@code {name}} segment
 * takes any one non-empty segment; where a literal segment and a parameter could both go on, the literal wins,
 * so {@code /v1/offers/count} is never read as an offer id. Built once, then only read.
 *
 * @param <T> what a template leads to
 */
final class PathTemplates<T> {
    private final Node<T> root = new Node<>();

    /** One template's match: the template, what it leads to, and its parameters by name. */
    record Match<T>(String template, T value, Map<String, String> parameters) {}

    /** Adds {@code template}; adding one twice, or two that differ only in parameter names, is refused. */
    void add(String template, T value) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a template starts with /: " + template);
        }
        Node<T> node = root;
        for (String segment : template.substring(1).split("/", -1)) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String name = segment.substring(1, segment.length() - 1);
                if (node.parameter == null) {
                    node.parameter = new Node<>();
                    node.parameterName = name;
                } else if (!node.parameterName.equals(name)) {
                    throw new IllegalArgumentException("{" + name + "} clashes with {" + node.parameterName
                            + "} in " + template);
                }
                node = node.parameter;
            } else {
                node = node.literals.computeIfAbsent(segment, s -> new Node<>());
            }
        }
        if (node.template != null) {
            throw new IllegalArgumentException(template + " clashes with " + node.template);
        }
        node.template = template;
        node.value = value;
    }

    Optional<Match<T>> match(String path) {
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        Map<String, String> parameters = new HashMap<>();
        Node<T> found = find(root, path.substring(1).split("/", -1), 0, parameters);
        return found == null ? Optional.empty()
                : Optional.of(new Match<>(found.template, found.value, Map.copyOf(parameters)));
    }

    private static <T> Node<T> find(Node<T> node, String[] segments, int index, Map<String, String> parameters) {
        if (index == segments.length) {
            return node.template != null ? node : null;
        }
        String segment = segments[index];
        Node<T> literal = node.literals.get(segment);
        if (literal != null) {
            Node<T> found = find(literal, segments, index + 1, parameters);
            if (found != null) {
                return found;
            }
        }
        if (node.parameter != null && !segment.isEmpty()) {
            Node<T> found = find(node.parameter, segments, index + 1, parameters);
            if (found != null) {
                parameters.put(node.parameterName, segment);
                return found;
            }
        }
        return null;
    }

    private static final class Node<T> {
        private final Map<String, Node<T>> literals = new LinkedHashMap<>();
        private Node<T> parameter;
        private String parameterName;
        private String template;
        private T value;
    }
}
