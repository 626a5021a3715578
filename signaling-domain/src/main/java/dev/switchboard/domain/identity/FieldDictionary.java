package dev.switchboard.domain.identity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A parsed RFC 8941 dictionary such as {@code Signature-Input} or {@code Content-Digest}, in field order. */
record FieldDictionary(Map<String, DictionaryMember> members) {
    FieldDictionary {
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    /** The key of the first member, which is the signature Switchboard verifies. */
    Optional<String> firstKey() {
        return members.keySet().stream().findFirst();
    }

    Optional<DictionaryMember> get(String key) {
        return Optional.ofNullable(members.get(key));
    }
}
