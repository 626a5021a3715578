package dev.switchboard.domain.identity;

import java.util.Objects;

/** An RFC 8941 item: a bare item with its parameters. */
record Item(BareItem value, Parameters parameters) implements DictionaryMember {
    Item {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public String serialize() {
        return value.serialize() + parameters.serialize();
    }
}
