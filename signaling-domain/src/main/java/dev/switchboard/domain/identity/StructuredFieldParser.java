package dev.switchboard.domain.identity;

import dev.switchboard.domain.identity.BareItem.BooleanItem;
import dev.switchboard.domain.identity.BareItem.ByteSequenceItem;
import dev.switchboard.domain.identity.BareItem.IntegerItem;
import dev.switchboard.domain.identity.BareItem.StringItem;
import dev.switchboard.domain.identity.BareItem.TokenItem;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict parser of RFC 8941 dictionaries (§4.2), limited to the bare items signatures and digests use.
 * Stricter than the RFC where leniency could hide an attack: a repeated dictionary key or parameter is
 * refused instead of silently overwriting the first, and decimals are refused.
 */
final class StructuredFieldParser {
    private static final int MAX_INTEGER_DIGITS = 15;
    private static final String TOKEN_PUNCTUATION = "!#$%&'*+-.^_`|~:/";

    private final String input;
    private int position;

    private StructuredFieldParser(String input) {
        this.input = input;
    }

    /** Parses a whole field value as a dictionary; the empty value is the empty dictionary. */
    static FieldDictionary parseDictionary(String input) throws StructuredFieldException {
        StructuredFieldParser parser = new StructuredFieldParser(input);
        parser.requireVisibleAscii();
        return parser.dictionary();
    }

    private FieldDictionary dictionary() throws StructuredFieldException {
        Map<String, DictionaryMember> members = new LinkedHashMap<>();
        skipSpaces();
        while (!atEnd()) {
            String key = key();
            DictionaryMember member;
            if (accept('=')) {
                member = peek() == '(' ? innerList() : item();
            } else {
                member = new Item(new BooleanItem(true), parameters());
            }
            if (members.putIfAbsent(key, member) != null) {
                throw fail("the key " + key + " appears twice");
            }
            skipOptionalWhitespace();
            if (atEnd()) {
                break;
            }
            expect(',');
            skipOptionalWhitespace();
            if (atEnd()) {
                throw fail("a trailing comma ends the field");
            }
        }
        return new FieldDictionary(members);
    }

    private InnerList innerList() throws StructuredFieldException {
        expect('(');
        List<Item> items = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (accept(')')) {
                return new InnerList(items, parameters());
            }
            items.add(item());
            if (atEnd() || (peek() != ' ' && peek() != ')')) {
                throw fail("expected a space or ')' in the inner list");
            }
        }
    }

    private Item item() throws StructuredFieldException {
        return new Item(bareItem(), parameters());
    }

    private Parameters parameters() throws StructuredFieldException {
        Map<String, BareItem> values = new LinkedHashMap<>();
        while (accept(';')) {
            skipSpaces();
            String key = key();
            BareItem value = accept('=') ? bareItem() : new BooleanItem(true);
            if (values.putIfAbsent(key, value) != null) {
                throw fail("the parameter " + key + " appears twice");
            }
        }
        return values.isEmpty() ? Parameters.NONE : new Parameters(values);
    }

    private BareItem bareItem() throws StructuredFieldException {
        char c = peek();
        if (c == '-' || isDigit(c)) {
            return integer();
        } else if (c == '"') {
            return string();
        } else if (c == ':') {
            return byteSequence();
        } else if (c == '?') {
            return bool();
        } else if (c == '*' || isAlpha(c)) {
            return token();
        }
        throw fail("expected an integer, string, token, byte sequence or boolean");
    }

    private IntegerItem integer() throws StructuredFieldException {
        int start = position;
        accept('-');
        int digitsStart = position;
        while (!atEnd() && isDigit(peek())) {
            position++;
        }
        int digits = position - digitsStart;
        if (digits == 0) {
            throw fail("expected a digit");
        }
        if (!atEnd() && peek() == '.') {
            throw fail("decimals are not supported");
        }
        if (digits > MAX_INTEGER_DIGITS) {
            throw fail("an integer has at most 15 digits");
        }
        return new IntegerItem(Long.parseLong(input.substring(start, position)));
    }

    private StringItem string() throws StructuredFieldException {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (!atEnd()) {
            char c = input.charAt(position++);
            if (c == '"') {
                return new StringItem(value.toString());
            }
            if (c == '\\') {
                if (atEnd() || (peek() != '"' && peek() != '\\')) {
                    throw fail("only \\\" and \\\\ may be escaped in a string");
                }
                c = input.charAt(position++);
            } else if (c == '\t') {
                throw fail("a string must not contain a tab");
            }
            value.append(c);
        }
        throw fail("a string is not closed");
    }

    private TokenItem token() {
        int start = position++;
        while (!atEnd() && (isAlpha(peek()) || isDigit(peek()) || TOKEN_PUNCTUATION.indexOf(peek()) >= 0)) {
            position++;
        }
        return new TokenItem(input.substring(start, position));
    }

    private ByteSequenceItem byteSequence() throws StructuredFieldException {
        expect(':');
        int end = input.indexOf(':', position);
        if (end < 0) {
            throw fail("a byte sequence is not closed with ':'");
        }
        String encoded = input.substring(position, end);
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (!isAlpha(c) && !isDigit(c) && c != '+' && c != '/' && c != '=') {
                throw fail("a byte sequence must be base64 (A-Z a-z 0-9 + / =)");
            }
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(encoded);
            position = end + 1;
            return new ByteSequenceItem(bytes);
        } catch (IllegalArgumentException e) {
            throw fail("a byte sequence is not valid base64");
        }
    }

    private BooleanItem bool() throws StructuredFieldException {
        expect('?');
        if (accept('1')) {
            return new BooleanItem(true);
        }
        if (accept('0')) {
            return new BooleanItem(false);
        }
        throw fail("a boolean is ?0 or ?1");
    }

    private String key() throws StructuredFieldException {
        if (atEnd() || !(isLowerAlpha(peek()) || peek() == '*')) {
            throw fail("expected a key starting with a-z or '*'");
        }
        int start = position++;
        while (!atEnd() && (isLowerAlpha(peek()) || isDigit(peek()) || "_-.*".indexOf(peek()) >= 0)) {
            position++;
        }
        return input.substring(start, position);
    }

    private void requireVisibleAscii() throws StructuredFieldException {
        for (position = 0; position < input.length(); position++) {
            char c = input.charAt(position);
            if (c != '\t' && (c < 0x20 || c > 0x7e)) {
                throw fail("only printable ASCII is allowed");
            }
        }
        position = 0;
    }

    private void skipSpaces() {
        while (!atEnd() && peek() == ' ') {
            position++;
        }
    }

    private void skipOptionalWhitespace() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
            position++;
        }
    }

    private boolean accept(char expected) {
        if (!atEnd() && peek() == expected) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char expected) throws StructuredFieldException {
        if (!accept(expected)) {
            throw fail("expected '" + expected + "'");
        }
    }

    private boolean atEnd() {
        return position >= input.length();
    }

    /** The current character, or NUL at the end (which no rule accepts). */
    private char peek() {
        return atEnd() ? '\0' : input.charAt(position);
    }

    private StructuredFieldException fail(String problem) {
        return new StructuredFieldException(problem + " at position " + position);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLowerAlpha(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isAlpha(char c) {
        return isLowerAlpha(c) || (c >= 'A' && c <= 'Z');
    }
}
