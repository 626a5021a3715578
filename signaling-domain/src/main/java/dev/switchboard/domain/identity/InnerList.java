package dev.switchboard.domain.identity;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** An RFC 8941 inner list, such as the covered components of a signature with its parameters. */
record InnerList(List<Item> items, Parameters parameters) implements DictionaryMember {
    InnerList {
        items = List.copyOf(items);
        Objects.requireNonNull(parameters, "parameters");
    }

    /** RFC 8941 §4.1.1.1: {@code (a b);p=1}, items separated by one space. */
    @Override
    public String serialize() {
        return items.stream().map(Item::serialize).collect(Collectors.joining(" ", "(", ")"))
                + parameters.serialize();
    }
}
