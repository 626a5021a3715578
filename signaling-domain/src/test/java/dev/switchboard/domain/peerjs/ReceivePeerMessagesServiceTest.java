package dev.switchboard.domain.peerjs;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.peerjs.TestPeerJs.KEY;
import static dev.switchboard.domain.peerjs.TestPeerJs.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.driving.ReceivePeerMessages;
import dev.switchboard.ports.model.PeerMessage;
import dev.switchboard.ports.model.PeerMessageType;
import dev.switchboard.ports.model.PeerSession;
import dev.switchboard.ports.model.Subscription;
import dev.switchboard.ports.testing.WakeCounter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceivePeerMessagesServiceTest {
    private final TestPeerJs peerJs = new TestPeerJs();
    private final ReceivePeerMessages receiving = peerJs.useCases.receivePeerMessages();
    private final PeerSession alice = peerJs.connect("alice");
    private final PeerSession bob = peerJs.connect("bob");

    @Test
    void readsOnlyWhatCameAfterTheCursorAndAtMostTheLimit() {
        peerJs.relay(alice, PeerMessageType.OFFER, "bob", "1");
        peerJs.relay(alice, PeerMessageType.CANDIDATE, "bob", "2");
        peerJs.relay(alice, PeerMessageType.CANDIDATE, "bob", "3");
        long first = peerJs.receive(bob).get(0).sequence();

        assertThat(receiving.receive(bob, first, 1)).extracting(PeerMessage::payload).containsExactly("2");
        assertThat(receiving.receive(bob, first, 10)).extracting(PeerMessage::payload).containsExactly("2", "3");
    }

    @Test
    void keepsMessagesUntilAcknowledgedSoADroppedSocketLosesNothing() {
        peerJs.relay(alice, PeerMessageType.OFFER, "bob", "1");
        peerJs.relay(alice, PeerMessageType.CANDIDATE, "bob", "2");
        List<PeerMessage> read = peerJs.receive(bob);

        receiving.acknowledge(bob, read.get(0).sequence());

        assertThat(peerJs.receive(bob)).extracting(PeerMessage::payload).containsExactly("2");
    }

    @Test
    void handsTheQueueToTheSocketThatReplacedADroppedOne() {
        peerJs.relay(alice, PeerMessageType.OFFER, "bob");
        peerJs.receive(bob);

        PeerSession again = peerJs.connect(KEY, "bob", tokenOf("bob")).session();

        assertThat(peerJs.receive(again)).hasSize(1);
        assertRefused(ErrorCode.PEER_SUPERSEDED, () -> receiving.acknowledge(bob, Long.MAX_VALUE));
        assertThat(peerJs.receive(again)).hasSize(1);
    }

    @Test
    void refusesANegativeCursorOrABadLimit() {
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> receiving.receive(bob, -1, 10));
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> receiving.receive(bob, 0, 0));
        assertRefused(ErrorCode.VALIDATION_FAILED,
                () -> receiving.receive(bob, 0, ReceivePeerMessagesService.MAX_PAGE_SIZE + 1));
    }

    @Test
    void wakesAWatcherUntilItsSubscriptionIsClosed() {
        WakeCounter woken = new WakeCounter();
        Subscription subscription = receiving.watch(bob, woken);
        peerJs.relay(alice, PeerMessageType.OFFER, "bob");

        subscription.close();
        peerJs.relay(alice, PeerMessageType.CANDIDATE, "bob");

        assertThat(woken.count()).isOne();
    }

    @Test
    void refusesToWatchForASupersededSocketAndLeavesNoSubscriptionBehind() {
        peerJs.connect(KEY, "bob", tokenOf("bob"));
        WakeCounter woken = new WakeCounter();

        assertRefused(ErrorCode.PEER_SUPERSEDED, () -> receiving.watch(bob, woken));
        peerJs.relay(alice, PeerMessageType.OFFER, "bob");

        assertThat(woken.count()).isZero();
    }
}
