package dev.switchboard.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Wake-ups fit PostgreSQL's payload limit, read back as sent, and fail safe. */
class WakeUpMessageTest {
    private static final String ORIGIN = "instance-1";

    @Test
    void readsBackTheOriginAndEveryRecipient() {
        List<String> payloads = WakeUpMessage.payloads(ORIGIN, List.of("key-a", "hk_b-c"));

        assertThat(payloads).singleElement()
                .extracting(WakeUpMessage::parse)
                .isEqualTo(new WakeUpMessage(ORIGIN, false, List.of("key-a", "hk_b-c")));
    }

    @Test
    void carriesKeysWithSpacesAndOtherCharactersIntact() {
        List<String> odd = List.of("a key", "ключ", "x+y%z", "*");

        assertThat(WakeUpMessage.parse(WakeUpMessage.payloads(ORIGIN, odd).get(0)).recipients())
                .containsExactlyElementsOf(odd);
    }

    @Test
    void splitsManyRecipientsOverPayloadsUnderTheLimit() {
        List<String> recipients = IntStream.range(0, 1000).mapToObj(i -> "key-" + "x".repeat(40) + i).toList();

        List<String> payloads = WakeUpMessage.payloads(ORIGIN, recipients);

        assertThat(payloads).hasSizeGreaterThan(1).allSatisfy(payload ->
                assertThat(payload.getBytes(StandardCharsets.UTF_8).length).isLessThan(8000));
        List<String> received = new ArrayList<>();
        payloads.forEach(payload -> received.addAll(WakeUpMessage.parse(payload).recipients()));
        assertThat(received).containsExactlyElementsOf(recipients);
    }

    @Test
    void wakesEveryoneForAKeyTooLongForAnyPayload() {
        List<String> payloads = WakeUpMessage.payloads(ORIGIN, List.of("short", "k".repeat(8000)));

        assertThat(payloads).singleElement().extracting(WakeUpMessage::parse)
                .isEqualTo(new WakeUpMessage(ORIGIN, true, List.of()));
    }

    @Test
    void wakesEveryoneForAPayloadItCannotRead() {
        assertThat(WakeUpMessage.parse("v9 something else").everyone()).isTrue();
        assertThat(WakeUpMessage.parse("").everyone()).isTrue();
        assertThat(WakeUpMessage.parse(ORIGIN + " keys %zz").everyone()).isTrue();
    }

    @Test
    void sendsNothingForNoRecipients() {
        assertThat(WakeUpMessage.payloads(ORIGIN, List.of())).isEmpty();
    }
}
