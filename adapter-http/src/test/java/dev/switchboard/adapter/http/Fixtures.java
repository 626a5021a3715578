package dev.switchboard.adapter.http;

import dev.switchboard.ports.model.Answer;
import dev.switchboard.ports.model.AuditEntry;
import dev.switchboard.ports.model.AuditEvent;
import dev.switchboard.ports.model.AuditEventType;
import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.Chunk;
import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.DeviceId;
import dev.switchboard.ports.model.DeviceStatus;
import dev.switchboard.ports.model.IceCandidate;
import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.MemberId;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.OnionEndpoint;
import dev.switchboard.ports.model.Role;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.Sdp;
import dev.switchboard.ports.model.ServiceName;
import dev.switchboard.ports.model.SessionId;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.model.SignalPayload;
import dev.switchboard.ports.model.SignalType;
import dev.switchboard.ports.model.Tags;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferId;
import dev.switchboard.ports.testing.TransferFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port values for the use-case doubles to return. */
final class Fixtures {
    static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");
    static final OfferId OFFER_ID = new OfferId("offer-0001");
    static final String OWNER = "b3duZXItcHVibGljLWtleS0zMi1ieXRlcy1sb25nLi4";
    static final String CANDIDATE_JSON = "{\"candidate\":\"candidate:1 1 udp 2122260223 192.0.2.1 54400 typ host\","
            + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0}";

    static final SessionId SESSION_ID = new SessionId("session-0000000001");
    static final MemberId ALICE_MEMBER = new MemberId("member-alice");
    static final MemberId BOB_MEMBER = new MemberId("member-bob1");
    static final String BOB_KEY = "Ym9iLXB1YmxpYy1rZXktMzItYnl0ZXMtbG9uZy4uLi4";

    static final TransferId TRANSFER_ID = new TransferId("transfer-0000000001");
    static final InviteCode TRANSFER_CODE = new InviteCode("H4KR7WQZ");
    static final DeviceId DEVICE_ID = new DeviceId("alice-laptop");
    /** A well-formed Tor v3 address: the key 00 01 .. 1f, its checksum and version 3. */
    static final String ONION = "aaaqeayeaudaocajbifqydiob4ibceqtcqkrmfyydenbwha5dyp3kead.onion";
    /** 32 bytes whose base64 needs both '+' and '/' in the standard alphabet: fb ff ... */
    static final byte[] DEVICE_KEY = new byte[32];

    static {
        for (int i = 0; i < DEVICE_KEY.length; i++) {
            DEVICE_KEY[i] = (byte) (0xfb + i);
        }
    }

    private Fixtures() {}

    /**
     * ALICE's transfer of 4 chunks of up to 1 KiB (3000 bytes in all), created {@link #CREATED} from
     * 127.0.0.1, expiring 10 minutes later; {@code uploaded} chunks of 1000 bytes uploaded and {@code acknowledged}
     * of them acknowledged, claimed when anything was acknowledged.
     */
    static Transfer transfer(int uploaded, int acknowledged) {
        return new Transfer(TRANSFER_ID, TRANSFER_CODE, UseCaseDoubles.ALICE.keyId(), "127.0.0.1", 4, 1024, 3000,
                Optional.empty(), acknowledged > 0 ? Optional.of(BOB_KEY) : Optional.empty(), CREATED,
                CREATED.plusSeconds(600), CREATED.plusSeconds(3600), uploaded, uploaded * 1000L, acknowledged,
                Optional.empty(), Optional.empty());
    }

    /** The transfer with every chunk uploaded and acknowledged. */
    static Transfer completeTransfer() {
        Transfer done = transfer(3, 3);
        return new Transfer(done.id(), done.code(), done.senderKeyId(), done.senderAddress(), 4, 1024, 3000,
                Optional.empty(), done.receiverKeyId(), CREATED, done.expiresAt(), done.hardExpiresAt(), 4, 3000, 4,
                Optional.of(CREATED.plusSeconds(90)), Optional.empty());
    }

    static Chunk chunk(int index, byte[] bytes) {
        return new Chunk(TRANSFER_ID, index, bytes, TransferFixtures.sha256(bytes));
    }

    /** ALICE's laptop, pending review, registered {@link #CREATED} for 30 days, with or without an onion endpoint. */
    static Device device(boolean withOnion) {
        return new Device(DEVICE_ID, UseCaseDoubles.ALICE.keyId(), "Alice's laptop", DEVICE_KEY,
                withOnion ? Optional.of(new OnionEndpoint(ONION, 443)) : Optional.empty(), DeviceStatus.PENDING,
                Optional.empty(), Optional.empty(), CREATED, CREATED, CREATED.plus(Duration.ofDays(30)), 1);
    }

    /** The device revoked by admin {@code ops}. */
    static Device revokedDevice() {
        Device device = device(false);
        return device.changed(device.displayName(), device.publicKey(), device.onion(), DeviceStatus.REVOKED,
                Optional.of("lost"), Optional.of("admin:ops"), CREATED.plusSeconds(60), device.expiresAt());
    }

    /** The audit entry at {@code sequence}: BOB claimed the transfer, one second per sequence after {@link #CREATED}. */
    static AuditEntry auditEntry(long sequence) {
        return new AuditEntry(sequence, new AuditEvent(AuditEventType.TRANSFER_CLAIMED,
                CREATED.plusSeconds(sequence), BOB_KEY, Optional.of(TRANSFER_ID.value()), Optional.of("192.0.2.7"),
                Map.of("chunks", "4")), "%064x".formatted(sequence - 1), "%064x".formatted(sequence));
    }

    /** A session ALICE hosts and BOB joined, open for five minutes from {@link #CREATED}. */
    static PairingSession session() {
        return new PairingSession(SESSION_ID, new InviteCode("K7M2Q9XA"), 2, CREATED, CREATED.plusSeconds(300),
                CREATED.plusSeconds(3600), Optional.empty(), List.of(
                        new Member(ALICE_MEMBER, UseCaseDoubles.ALICE.keyId(), true, CREATED, CREATED),
                        new Member(BOB_MEMBER, BOB_KEY, false, CREATED.plusSeconds(5), CREATED.plusSeconds(5))));
    }

    /** A signal from BOB to ALICE, not yet stored (sequence 0), carrying {@code payload} as raw JSON. */
    static SessionMessage.Signal signalToAlice(String type, String payload) {
        return new SessionMessage.Signal(0, SESSION_ID, UseCaseDoubles.ALICE.keyId(), BOB_MEMBER, ALICE_MEMBER,
                new SignalType(type), new SignalPayload(payload), CREATED.plusSeconds(7));
    }

    /** ALICE is told that BOB left, for {@code reason}. */
    static SessionMessage.MembershipChange bobLeft(SessionMessage.LeaveReason reason) {
        return new SessionMessage.MembershipChange(0, SESSION_ID, UseCaseDoubles.ALICE.keyId(),
                SessionMessage.Kind.PEER_LEFT, BOB_MEMBER, Optional.of(reason), CREATED.plusSeconds(9));
    }

    /** ALICE is told that BOB joined. */
    static SessionMessage.MembershipChange bobJoined() {
        return new SessionMessage.MembershipChange(0, SESSION_ID, UseCaseDoubles.ALICE.keyId(),
                SessionMessage.Kind.PEER_JOINED, BOB_MEMBER, Optional.empty(), CREATED.plusSeconds(5));
    }

    static Offer offer(String id) {
        return new Offer(new OfferId(id), OWNER, new ServiceName("chat:1.0"), Tags.of("eu", "video"),
                new Sdp("v=0 offer"), CREATED, CREATED.plusSeconds(300), Optional.empty());
    }

    static Offer answered(String id) {
        return offer(id).withAnswer(new Answer(UseCaseDoubles.ALICE.keyId(), new Sdp("v=0 answer"),
                CREATED.plusSeconds(10)), CREATED.plusSeconds(130));
    }

    static Candidate candidate(long sequence, Role from) {
        return new Candidate(sequence, OFFER_ID, from, new IceCandidate(CANDIDATE_JSON), CREATED.plusSeconds(sequence));
    }
}
