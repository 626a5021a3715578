package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.AcknowledgeMessages;
import dev.switchboard.ports.driving.SendSignal;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.MemberId;
import dev.switchboard.ports.model.SessionId;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.model.SignalPayload;
import dev.switchboard.ports.model.SignalType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Carries out the frames one client sends, in order, as the socket's owner: parses each strictly by
 * streaming (the payload kept as the raw JSON the client wrote), calls the use case it asks for, and adds
 * the answer to the round's batch: {@code sent} for a relayed signal, {@code error} for a refused frame.
 * Counts malformed frames, so that the connection can give up on a client that keeps sending them.
 * Used by one round at a time.
 */
final class ClientFrames {
    /** The fields a client frame may carry, whatever its type. */
    static final Map<String, FlatJsonReader.Kind> FIELDS = Map.of(
            "type", FlatJsonReader.Kind.TEXT,
            "ref", FlatJsonReader.Kind.TEXT,
            "sessionId", FlatJsonReader.Kind.TEXT,
            "to", FlatJsonReader.Kind.TEXT,
            "signalType", FlatJsonReader.Kind.TEXT,
            "payload", FlatJsonReader.Kind.RAW_JSON,
            "upTo", FlatJsonReader.Kind.WHOLE_NUMBER);
    static final int MAX_REF_LENGTH = 128;
    /** Stands in the queue for a binary frame, whose content nobody reads; compared by identity. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    static final String BINARY_FRAME = new String("<binary frame>");
    private static final List<String> SIGNAL_ONLY = List.of("sessionId", "to", "signalType", "payload");

    private final Identity owner;
    private final SendSignal sendSignal;
    private final AcknowledgeMessages acknowledgeMessages;
    private final FlatJsonReader reader;
    private int malformed;
    /** Where the last signal went; its payload is not kept, so an idle connection holds little. */
    private Addressing lastAddressing;

    ClientFrames(Identity owner, SendSignal sendSignal, AcknowledgeMessages acknowledgeMessages,
            FlatJsonReader reader) {
        this.owner = owner;
        this.sendSignal = sendSignal;
        this.acknowledgeMessages = acknowledgeMessages;
        this.reader = reader;
    }

    /** Carries out one text frame (or refuses the {@link #BINARY_FRAME}). */
    void handle(String text, FrameBatch out) {
        if (text == BINARY_FRAME) {
            refuse(null, WireJson.malformed("binary frames are not accepted; send JSON text frames"), out);
            return;
        }
        FlatJsonReader.Fields frame;
        try {
            frame = reader.read(text);
        } catch (SignalingException refused) {
            refuse(null, refused, out);
            return;
        }
        String ref = null;
        try {
            ref = refOf(frame);
            String type = frame.text("type").orElseThrow(() -> WireJson.malformed("type: missing; send signal or ack"));
            switch (type) {
                case "signal" -> signal(frame, ref, out);
                case "ack" -> acknowledge(frame);
                default -> throw WireJson.malformed("type: '" + type + "' is not a frame type; send signal or ack");
            }
        } catch (RuntimeException refused) {
            refuse(ref, refused, out);
        }
    }

    /** How many malformed frames this client has sent. */
    int malformed() {
        return malformed;
    }

    /** The client's id for the frame, echoed in the answer; an over-long one is refused, not echoed. */
    private static String refOf(FlatJsonReader.Fields frame) {
        String ref = frame.text("ref").orElse(null);
        if (ref != null && ref.length() > MAX_REF_LENGTH) {
            throw SignalingException.invalid("ref", "must be at most " + MAX_REF_LENGTH + " characters");
        }
        return ref;
    }

    private void signal(FlatJsonReader.Fields frame, String ref, FrameBatch out) {
        if (frame.present("upTo")) {
            throw WireJson.malformed("upTo: not a field of a signal frame");
        }
        SendSignal.Request request = requestOf(frame);
        List<SessionMessage.Signal> sent = sendSignal.send(owner, request);
        Long[] sequences = new Long[sent.size()];
        for (int i = 0; i < sequences.length; i++) {
            sequences[i] = sent.get(i).sequence();
        }
        out.add(new ServerFrame.Sent(ref, Arrays.asList(sequences)));
    }

    /**
     * The request a signal frame makes. While the client keeps addressing the same session, member and type,
     * their values (each checked by a pattern) are taken from its previous signal; anything else, or a frame
     * without a payload, goes the full way, so a refusal is always the same.
     */
    private SendSignal.Request requestOf(FlatJsonReader.Fields frame) {
        String sessionId = frame.requiredText("sessionId");
        Optional<String> to = frame.text("to");
        Optional<String> type = frame.text("signalType");
        Optional<String> payload = frame.rawJson("payload");
        Addressing previous = lastAddressing;
        if (previous != null && payload.isPresent() && previous.sameAs(sessionId, to, type)) {
            return new SendSignal.Request(previous.sessionId, previous.to, previous.type,
                    new SignalPayload(payload.get()));
        }
        SendSignal.Request request = SignalRequests.of(new SessionId(sessionId), to, type, "signalType", payload);
        lastAddressing = new Addressing(sessionId, to, type, request);
        return request;
    }

    private void acknowledge(FlatJsonReader.Fields frame) {
        for (String field : SIGNAL_ONLY) {
            if (frame.present(field)) {
                throw WireJson.malformed(field + ": not a field of an ack frame");
            }
        }
        long upTo = frame.wholeNumber("upTo").orElseThrow(() -> SignalingException.invalid("upTo", "is required"));
        if (upTo < 0) {
            throw SignalingException.invalid("upTo", "must not be negative");
        }
        acknowledgeMessages.acknowledge(owner, upTo);
    }

    private void refuse(String ref, RuntimeException failure, FrameBatch out) {
        Reply.Problem problem = Failures.reply(failure, "WebSocket frame from " + owner.keyId());
        if (problem.code() == ErrorCode.MALFORMED_REQUEST) {
            malformed++;
        }
        out.add(new ServerFrame.Error(ref, problem));
    }

    /** A signal frame's session, recipient and type, as written and as checked. */
    private static final class Addressing {
        private final String sessionIdText;
        private final Optional<String> toText;
        private final Optional<String> typeText;
        private final SessionId sessionId;
        private final Optional<MemberId> to;
        private final SignalType type;

        Addressing(String sessionIdText, Optional<String> toText, Optional<String> typeText,
                SendSignal.Request request) {
            this.sessionIdText = sessionIdText;
            this.toText = toText;
            this.typeText = typeText;
            this.sessionId = request.sessionId();
            this.to = request.to();
            this.type = request.type();
        }

        boolean sameAs(String sessionIdText, Optional<String> toText, Optional<String> typeText) {
            return this.sessionIdText.equals(sessionIdText) && this.toText.equals(toText)
                    && this.typeText.equals(typeText);
        }
    }
}
