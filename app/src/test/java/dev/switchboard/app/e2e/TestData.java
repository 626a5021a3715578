package dev.switchboard.app.e2e;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Values that keep tests apart: each test publishes under a service of its own. */
final class TestData {

    private TestData() {}

    /** A service name no other test uses, so counts and pages see only this test's offers. */
    static String uniqueService() {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "e2e-" + HexFormat.of().formatHex(bytes) + ":1.0";
    }

    /** A small SDP carrying {@code label}, so tests can tell offers and answers apart. */
    static String sdp(String label) {
        return "v=0\r\no=- " + label + " 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
    }
}
