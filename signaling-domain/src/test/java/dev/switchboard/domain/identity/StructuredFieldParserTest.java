package dev.switchboard.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.switchboard.domain.identity.BareItem.BooleanItem;
import dev.switchboard.domain.identity.BareItem.ByteSequenceItem;
import dev.switchboard.domain.identity.BareItem.IntegerItem;
import dev.switchboard.domain.identity.BareItem.StringItem;
import dev.switchboard.domain.identity.BareItem.TokenItem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StructuredFieldParserTest {

    @Nested
    class WhenTheFieldIsWellFormed {

        @Test
        void readsASignatureInputAsAnInnerListWithParameters() throws Exception {
            FieldDictionary dictionary = StructuredFieldParser.parseDictionary(
                    "sig1=(\"@method\" \"@target-uri\");created=1618884473;keyid=\"k\";alg=\"hmac-sha256\"");

            InnerList list = (InnerList) dictionary.get("sig1").orElseThrow();
            assertThat(list.items()).extracting(Item::value)
                    .containsExactly(new StringItem("@method"), new StringItem("@target-uri"));
            assertThat(list.parameters().values()).containsExactly(
                    entry("created", new IntegerItem(1618884473)),
                    entry("keyid", new StringItem("k")),
                    entry("alg", new StringItem("hmac-sha256")));
        }

        @Test
        void readsEveryKindOfBareItem() throws Exception {
            FieldDictionary dictionary = StructuredFieldParser.parseDictionary(
                    "a=-42, b=\"say \\\"hi\\\" \\\\o/\", c=*tok/en:x, d=?0, e=:AQID:, f;p=?1");

            assertThat(dictionary.members().values()).extracting(member -> ((Item) member).value()).containsExactly(
                    new IntegerItem(-42),
                    new StringItem("say \"hi\" \\o/"),
                    new TokenItem("*tok/en:x"),
                    new BooleanItem(false),
                    new ByteSequenceItem(new byte[] {1, 2, 3}),
                    new BooleanItem(true));
        }

        @Test
        void keepsMembersInFieldOrderAndNamesTheFirst() throws Exception {
            FieldDictionary dictionary = StructuredFieldParser.parseDictionary("zz=1, aa=2, mm=3");

            assertThat(dictionary.members().keySet()).containsExactly("zz", "aa", "mm");
            assertThat(dictionary.firstKey()).contains("zz");
        }

        @Test
        void allowsSpacesAroundTheFieldAndOptionalWhitespaceAroundCommas() throws Exception {
            FieldDictionary dictionary = StructuredFieldParser.parseDictionary("  a=1 ,\tb=( \"x\"  \"y\" ) ");

            assertThat(dictionary.members().keySet()).containsExactly("a", "b");
            assertThat(((InnerList) dictionary.get("b").orElseThrow()).items()).hasSize(2);
        }

        @Test
        void readsAnEmptyFieldAsAnEmptyDictionary() throws Exception {
            assertThat(StructuredFieldParser.parseDictionary("").members()).isEmpty();
        }

        @Test
        void readsBase64WithoutPadding() throws Exception {
            Item item = (Item) StructuredFieldParser.parseDictionary("a=:YWI:").get("a").orElseThrow();

            assertThat(item.value()).isEqualTo(new ByteSequenceItem("ab".getBytes()));
        }
    }

    @Nested
    class WhenSerializingWhatItRead {

        @ParameterizedTest
        @ValueSource(strings = {
                "(\"@method\" \"content-digest\");created=1;keyid=\"a\\\"b\";tag=token;flag;off=?0",
                "()",
                "(\"x\";p=:AQID:)",
        })
        void reproducesACanonicalInnerListExactly(String innerList) throws Exception {
            DictionaryMember member =
                    StructuredFieldParser.parseDictionary("sig=" + innerList).get("sig").orElseThrow();

            assertThat(member.serialize()).isEqualTo(innerList);
        }

        @Test
        void writesAnInnerListCanonicallyWhateverTheInputSpacing() throws Exception {
            DictionaryMember member = StructuredFieldParser.parseDictionary("sig=(  \"a\"   \"b\" );p=1")
                    .get("sig").orElseThrow();

            assertThat(member.serialize()).isEqualTo("(\"a\" \"b\");p=1");
        }
    }

    @Nested
    class WhenTheFieldIsMalformed {

        @ParameterizedTest
        @ValueSource(strings = {
                "a=1,",                      // trailing comma
                "a=1 b=2",                   // missing comma
                "A=1",                       // keys are lower case
                "1a=1",                      // keys start with a letter or '*'
                "a=",                        // no value
                "a=\"open",                  // unclosed string
                "a=\"bad \\n escape\"",      // only \" and \\ may be escaped
                "a=\"tab\there\"",           // no tab inside a string
                "a=\"caf\u00e9\"",           // only ASCII
                "a=1.5",                     // decimals are refused
                "a=1234567890123456",        // more than 15 digits
                "a=-",                       // sign without digits
                "a=?2",                      // booleans are ?0 or ?1
                "a=:not base64!:",           // byte sequence alphabet
                "a=:AQID",                   // unclosed byte sequence
                "a=:A===:",                  // invalid base64
                "a=(\"x\"\"y\")",            // inner list items need a space
                "a=(\"x\"",                  // unclosed inner list
                "a=1, a=2",                  // duplicate key
                "a=1;p=1;p=2",               // duplicate parameter
                "a=1;P=1",                   // parameter keys are lower case
                "a=@x",                      // no such bare item
                "a=1\n",                     // control character
        })
        void refusesIt(String field) {
            assertThatThrownBy(() -> StructuredFieldParser.parseDictionary(field))
                    .isInstanceOf(StructuredFieldException.class)
                    .hasMessageContaining("at position");
        }

        @Test
        void saysWhatIsWrongAndWhere() {
            assertThatThrownBy(() -> StructuredFieldParser.parseDictionary("a=1.5"))
                    .hasMessage("decimals are not supported at position 3");
        }
    }
}
