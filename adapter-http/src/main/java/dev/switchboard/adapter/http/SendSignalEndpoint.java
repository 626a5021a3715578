package dev.switchboard.adapter.http;

import com.fasterxml.jackson.core.JsonFactory;
import dev.switchboard.ports.driving.SendSignal;
import dev.switchboard.ports.model.SessionId;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code POST /v1/sessions/{sessionId}/signals}: relays a signal from the caller to one member ({@code to})
 * or to every other member. The body is read by streaming and the payload kept as the raw JSON the sender
 * wrote, so it travels verbatim; 201 with one stored signal per recipient.
 */
final class SendSignalEndpoint implements Endpoint {
    private static final Map<String, FlatJsonReader.Kind> FIELDS = Map.of(
            "to", FlatJsonReader.Kind.TEXT,
            "type", FlatJsonReader.Kind.TEXT,
            "payload", FlatJsonReader.Kind.RAW_JSON);

    private final SendSignal sendSignal;
    private final FlatJsonReader reader;

    SendSignalEndpoint(SendSignal sendSignal, JsonFactory factory) {
        this.sendSignal = sendSignal;
        this.reader = new FlatJsonReader(factory, "the request body", FIELDS);
    }

    @Override
    public Reply handle(Call call) {
        SessionId sessionId = call.sessionId();
        FlatJsonReader.Fields body = reader.read(utf8(call.rawBody()));
        SendSignal.Request request = SignalRequests.of(sessionId, body.text("to"), body.text("type"), "type",
                body.rawJson("payload"));
        return Reply.created(SentSignalsJson.from(sendSignal.send(call.caller(), request)));
    }

    /** The body as text; bytes that are not UTF-8 are refused rather than replaced. */
    private static String utf8(byte[] body) {
        if (body.length == 0) {
            throw WireJson.malformed("the request body must be a JSON object, and it is empty");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw WireJson.malformed("the request body is not valid UTF-8");
        }
    }
}
