package dev.switchboard.domain.identity;

/** The value of an RFC 8941 dictionary member: a single item or an inner list. */
sealed interface DictionaryMember permits Item, InnerList {

    /** This member in its canonical RFC 8941 serialization. */
    String serialize();
}
