package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.verify;

import dev.switchboard.ports.driving.OperationsUseCases;
import dev.switchboard.ports.model.LimitSubject;
import dev.switchboard.ports.model.LimitedAction;
import dev.switchboard.ports.model.SignedRequest;
import dev.switchboard.ports.model.Statistics;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class ClientAddressTest {
    private final FakeLimiter limiter = new FakeLimiter().limit(LimitedAction.API_CALL, LimitSubject.Kind.ADDRESS, 1000);
    private RunningServer running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    private void start(List<String> trustedProxies) {
        start(RunningServer.settings().withEdge(EdgeSettings.defaults().withTrustedProxies(trustedProxies)));
    }

    private void start(HttpSettings settings) {
        running = RunningServer.start(settings, builder -> builder.operations(new OperationsUseCases(limiter,
                () -> new Statistics(0, 0, 0, 0, 0, 0, 0, 0))));
    }

    private String addressOf(HttpRequest.Builder request) {
        limiter.asked.clear();
        assertThat(running.send(request.GET().build()).statusCode()).isEqualTo(200);
        return limiter.subjects(LimitedAction.API_CALL).get(0);
    }

    private SignedRequest signedAs(HttpRequest.Builder request) {
        assertThat(running.send(request.DELETE().build()).statusCode()).isEqualTo(204);
        ArgumentCaptor<SignedRequest> captor = ArgumentCaptor.forClass(SignedRequest.class);
        verify(running.doubles.authenticateRequest).authenticate(captor.capture());
        return captor.getValue();
    }

    @Nested
    class FromAnUntrustedPeer {

        @Test
        void ignoresASpoofedForwardedForAndCountsTheSocketsAddress() {
            start(List.of());

            assertThat(addressOf(running.request("/openapi.yaml").header("X-Forwarded-For", "203.0.113.9")
                    .header("Forwarded", "for=198.51.100.7;proto=https"))).isEqualTo("address:127.0.0.1");
        }

        @Test
        void ignoresForwardedHeadersEvenWhenOtherProxiesAreTrusted() {
            start(List.of("10.0.0.0/8"));

            assertThat(addressOf(running.request("/openapi.yaml").header("X-Forwarded-For", "10.1.2.3")))
                    .isEqualTo("address:127.0.0.1");
        }

        @Test
        void verifiesSignaturesOverWhatTheServerSawNotWhatTheHeadersClaim() {
            start(List.of());

            SignedRequest signed = signedAs(running.request("/v1/offers/offer-0001")
                    .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "evil.example"));

            assertThat(signed.scheme()).isEqualTo("http");
            assertThat(signed.authority()).isEqualTo("127.0.0.1:" + running.port());
        }
    }

    @Nested
    class ThroughATrustedProxy {

        @Test
        void takesTheForwardedForAddressTheProxyAdded() {
            start(List.of("127.0.0.1/32"));

            assertThat(addressOf(running.request("/openapi.yaml").header("X-Forwarded-For", "203.0.113.9")))
                    .isEqualTo("address:203.0.113.9");
        }

        @Test
        void walksAChainOfTrustedProxiesRightToLeftAndStopsAtTheFirstUntrustedHop() {
            start(List.of("127.0.0.0/8", "10.0.0.0/8"));

            // The client itself claimed 6.6.6.6; 203.0.113.9 is what the outer proxy saw.
            assertThat(addressOf(running.request("/openapi.yaml")
                    .header("X-Forwarded-For", "6.6.6.6, 203.0.113.9, 10.0.0.5"))).isEqualTo("address:203.0.113.9");
        }

        @Test
        void prefersTheStandardForwardedHeaderWithQuotedIpv6AndPorts() {
            start(List.of("127.0.0.1/32"));

            assertThat(addressOf(running.request("/openapi.yaml")
                    .header("Forwarded", "for=\"[2001:db8::1]:4711\";proto=https, for=127.0.0.1")
                    .header("X-Forwarded-For", "198.51.100.1")))
                    .isEqualTo("address:2001:db8:0:0:0:0:0:1");
        }

        @Test
        void stopsAtTheProxyWhenAHopIsNotAnAddress() {
            start(List.of("127.0.0.1/32"));

            assertThat(addressOf(running.request("/openapi.yaml").header("Forwarded", "for=unknown")))
                    .isEqualTo("address:127.0.0.1");
        }

        @Test
        void verifiesSignaturesOverTheSchemeAndHostTheProxyReports() {
            start(List.of("127.0.0.1/32"));

            SignedRequest signed = signedAs(running.request("/v1/offers/offer-0001")
                    .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "api.example.com"));

            assertThat(signed.scheme()).isEqualTo("https");
            assertThat(signed.authority()).isEqualTo("api.example.com");
        }

        @Test
        void sendsHstsWhenTheProxyReportsHttps() {
            start(List.of("127.0.0.1/32"));

            assertThat(running.send(running.request("/openapi.yaml").header("X-Forwarded-Proto", "https").GET()
                    .build()).headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
            assertThat(running.get("/openapi.yaml").headers().firstValue("Strict-Transport-Security")).isEmpty();
        }
    }

    @Test
    void verifiesSignaturesOverThePublicBaseUrlWhenOneIsConfigured() {
        start(RunningServer.settings().withPublicBaseUrl(URI.create("https://switchboard.example.com"))
                .withEdge(EdgeSettings.defaults().withTrustedProxies(List.of("127.0.0.1/32"))));

        SignedRequest signed = signedAs(running.request("/v1/offers/offer-0001")
                .header("X-Forwarded-Proto", "http").header("X-Forwarded-Host", "other.example"));

        assertThat(signed.scheme()).isEqualTo("https");
        assertThat(signed.authority()).isEqualTo("switchboard.example.com");
    }

    @Nested
    class Blocks {

        @Test
        void matchIpv4AndIpv6AddressesByPrefix() throws Exception {
            assertThat(TrustedProxies.Block.parse("10.0.0.0/8").contains(InetAddress.getByName("10.200.1.1"))).isTrue();
            assertThat(TrustedProxies.Block.parse("10.0.0.0/8").contains(InetAddress.getByName("11.0.0.1"))).isFalse();
            assertThat(TrustedProxies.Block.parse("192.168.1.0/25").contains(InetAddress.getByName("192.168.1.127")))
                    .isTrue();
            assertThat(TrustedProxies.Block.parse("192.168.1.0/25").contains(InetAddress.getByName("192.168.1.128")))
                    .isFalse();
            assertThat(TrustedProxies.Block.parse("2001:db8::/32").contains(InetAddress.getByName("2001:db8:ff::1")))
                    .isTrue();
            assertThat(TrustedProxies.Block.parse("2001:db8::/32").contains(InetAddress.getByName("10.0.0.1")))
                    .isFalse();
            assertThat(TrustedProxies.Block.parse("::1").contains(InetAddress.getByName("::1"))).isTrue();
        }

        @Test
        void refuseNamesAndBadPrefixes() {
            assertThatThrownBy(() -> TrustedProxies.Block.parse("proxy.example.com"))
                    .hasMessageContaining("proxy.example.com");
            assertThatThrownBy(() -> TrustedProxies.Block.parse("10.0.0.0/33")).hasMessageContaining("10.0.0.0/33");
        }
    }
}
