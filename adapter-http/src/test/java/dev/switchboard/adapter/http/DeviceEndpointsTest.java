package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.ListDevices;
import dev.switchboard.ports.driving.RegisterDevice;
import dev.switchboard.ports.driving.UpdateDevice;
import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.DeviceId;
import dev.switchboard.ports.model.OnionEndpoint;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class DeviceEndpointsTest {
    private static final Actor.User ALICE = new Actor.User(UseCaseDoubles.ALICE);
    private static final String KEY_STANDARD = Base64.getEncoder().encodeToString(Fixtures.DEVICE_KEY);
    private static final String KEY_URL = Base64.getUrlEncoder().withoutPadding().encodeToString(Fixtures.DEVICE_KEY);

    private final RunningServer running = RunningServer.start();
    private final UseCaseDoubles uses = running.doubles;

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void describesTheEditionWithoutASignature() {
        HttpResponse<String> response = running.get("/v1/edition");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(
                "{\"edition\":\"consumer\",\"features\":[\"offers\",\"pairing\",\"transfer-relay\"],\"adminEnabled\":false}");
        verifyNoInteractions(uses.authenticateRequest);
    }

    @Nested
    class Registering {

        private HttpResponse<String> register(String body) {
            when(uses.registerDevice.register(any(), any())).thenReturn(Fixtures.device(true));
            return running.send("POST", "/v1/devices", body);
        }

        private RegisterDevice.Request registered() {
            ArgumentCaptor<RegisterDevice.Request> request = ArgumentCaptor.forClass(RegisterDevice.Request.class);
            verify(uses.registerDevice).register(eq(UseCaseDoubles.ALICE), request.capture());
            return request.getValue();
        }

        @Test
        void registersForTheSignerAndAnswersTheDeviceWithItsKeyAsBase64Url() {
            HttpResponse<String> response = register("{\"deviceId\":\"alice-laptop\",\"displayName\":\"Alice's laptop\","
                    + "\"publicKey\":\"" + KEY_STANDARD + "\",\"onion\":{\"address\":\"" + Fixtures.ONION
                    + "\",\"port\":443},\"ttlSeconds\":86400}");

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.body()).isEqualTo("{\"deviceId\":\"alice-laptop\",\"owner\":\""
                    + UseCaseDoubles.ALICE.keyId() + "\",\"displayName\":\"Alice's laptop\",\"publicKey\":\"" + KEY_URL
                    + "\",\"onion\":{\"address\":\"" + Fixtures.ONION + "\",\"port\":443},\"status\":\"pending\","
                    + "\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"updatedAt\":\"2026-01-02T03:04:05.000Z\","
                    + "\"expiresAt\":\"2026-02-01T03:04:05.000Z\"}");
            RegisterDevice.Request request = registered();
            assertThat(request.deviceId()).isEqualTo(Fixtures.DEVICE_ID);
            assertThat(request.publicKey()).isEqualTo(Fixtures.DEVICE_KEY);
            assertThat(request.onion()).contains(new OnionEndpoint(Fixtures.ONION, 443));
            assertThat(request.ttl()).contains(Duration.ofDays(1));
        }

        @Test
        void acceptsTheKeyInBase64UrlToo() {
            register("{\"deviceId\":\"alice-laptop\",\"displayName\":\"laptop\",\"publicKey\":\"" + KEY_URL + "\"}");

            assertThat(registered().publicKey()).isEqualTo(Fixtures.DEVICE_KEY);
            assertThat(registered().onion()).isEmpty();
        }

        @Test
        void refusesAKeyThatMixesTheAlphabets() {
            String mixed = KEY_STANDARD.replace('/', '_');
            assertThat(mixed).contains("+", "_");

            HttpResponse<String> response = running.send("POST", "/v1/devices",
                    "{\"deviceId\":\"alice-laptop\",\"displayName\":\"laptop\",\"publicKey\":\"" + mixed + "\"}");

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(RunningServer.json(response).path("detail").asText()).startsWith("publicKey:");
            verifyNoInteractions(uses.registerDevice);
        }

        @Test
        void refusesAKeyWithWhitespaceOrANonCanonicalEnding() {
            for (String key : List.of(KEY_URL.substring(0, 10) + " " + KEY_URL.substring(10), "AB", "")) {
                HttpResponse<String> response = running.send("POST", "/v1/devices",
                        "{\"deviceId\":\"alice-laptop\",\"displayName\":\"laptop\",\"publicKey\":\"" + key + "\"}");

                assertThat(response.statusCode()).as(key).isEqualTo(422);
            }
            verifyNoInteractions(uses.registerDevice);
        }

        @Test
        void refusesAMistypedOnionAddress() {
            String typo = "b" + Fixtures.ONION.substring(1);

            HttpResponse<String> response = running.send("POST", "/v1/devices", "{\"deviceId\":\"alice-laptop\","
                    + "\"displayName\":\"laptop\",\"publicKey\":\"" + KEY_URL + "\",\"onion\":{\"address\":\"" + typo
                    + "\",\"port\":443}}");

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(RunningServer.json(response).path("detail").asText()).contains("onion.address");
        }

        @Test
        void answersATakenIdWith409() {
            when(uses.registerDevice.register(any(), any())).thenThrow(new SignalingException(
                    ErrorCode.DEVICE_ID_TAKEN, "the device id is taken"));

            HttpResponse<String> response = running.send("POST", "/v1/devices",
                    "{\"deviceId\":\"alice-laptop\",\"displayName\":\"laptop\",\"publicKey\":\"" + KEY_URL + "\"}");

            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(RunningServer.json(response).path("code").asText()).isEqualTo("device_id_taken");
        }

        @Test
        void answersAConsumerServerWith403() {
            when(uses.registerDevice.register(any(), any())).thenThrow(new SignalingException(
                    ErrorCode.FEATURE_NOT_IN_EDITION, "the device registry is an Enterprise feature"));

            HttpResponse<String> response = running.send("POST", "/v1/devices",
                    "{\"deviceId\":\"alice-laptop\",\"displayName\":\"laptop\",\"publicKey\":\"" + KEY_URL + "\"}");

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(RunningServer.json(response).path("code").asText()).isEqualTo("feature_not_in_edition");
        }
    }

    @Nested
    class Listing {

        @Test
        void listsTheSignersOwnDevicesAPageAtATime() {
            when(uses.listDevices.list(any(), any())).thenReturn(
                    new ListDevices.Page(List.of(Fixtures.revokedDevice()), Optional.of(Fixtures.DEVICE_ID)));

            HttpResponse<String> response = running.get("/v1/devices?after=alice-desktop&limit=1");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode page = RunningServer.json(response);
            assertThat(page.path("devices").get(0).path("status").asText()).isEqualTo("revoked");
            assertThat(page.path("devices").get(0).path("revocationReason").asText()).isEqualTo("lost");
            assertThat(page.path("devices").get(0).path("reviewedBy").asText()).isEqualTo("admin:ops");
            assertThat(page.path("nextAfter").asText()).isEqualTo("alice-laptop");
            verify(uses.listDevices).list(ALICE, new ListDevices.Query(Optional.empty(), Optional.empty(),
                    Optional.of(new DeviceId("alice-desktop")), 1));
        }

        @Test
        void refusesALimitOutOfRange() {
            HttpResponse<String> response = running.get("/v1/devices?limit=0");

            assertThat(response.statusCode()).isEqualTo(422);
            verifyNoInteractions(uses.listDevices);
        }
    }

    @Nested
    class Changing {

        private UpdateDevice.Changes patch(String body) {
            when(uses.updateDevice.update(any(), any(), any())).thenReturn(Fixtures.device(false));
            HttpResponse<String> response = running.send("PATCH", "/v1/devices/alice-laptop", body);
            assertThat(response.statusCode()).isEqualTo(200);
            ArgumentCaptor<UpdateDevice.Changes> changes = ArgumentCaptor.forClass(UpdateDevice.Changes.class);
            verify(uses.updateDevice).update(eq(ALICE), eq(Fixtures.DEVICE_ID), changes.capture());
            return changes.getValue();
        }

        @Test
        void keepsWhatTheBodyLeavesOut() {
            UpdateDevice.Changes changes = patch("{\"displayName\":\"work laptop\"}");

            assertThat(changes.displayName()).contains("work laptop");
            assertThat(changes.publicKey()).isEmpty();
            assertThat(changes.onion()).isEmpty();
            assertThat(changes.ttl()).isEmpty();
        }

        @Test
        void removesTheOnionEndpointWhenItIsNull() {
            assertThat(patch("{\"onion\":null}").onion()).contains(Optional.empty());
        }

        @Test
        void replacesTheOnionEndpointAndTheKey() {
            UpdateDevice.Changes changes = patch("{\"onion\":{\"address\":\"" + Fixtures.ONION + "\",\"port\":80},"
                    + "\"publicKey\":\"" + KEY_URL + "\",\"ttlSeconds\":60}");

            assertThat(changes.onion()).contains(Optional.of(new OnionEndpoint(Fixtures.ONION, 80)));
            assertThat(changes.publicKey().orElseThrow()).isEqualTo(Fixtures.DEVICE_KEY);
            assertThat(changes.ttl()).contains(Duration.ofSeconds(60));
        }

        @Test
        void refusesAnUnknownFieldInTheOnionEndpoint() {
            HttpResponse<String> response = running.send("PATCH", "/v1/devices/alice-laptop",
                    "{\"onion\":{\"address\":\"" + Fixtures.ONION + "\",\"port\":80,\"v\":2}}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(RunningServer.json(response).path("detail").asText()).isEqualTo("onion: unknown field 'v'");
            verifyNoInteractions(uses.updateDevice);
        }

        @Test
        void answersSomeoneElsesDeviceWith403AndARevokedOneWith409() {
            when(uses.updateDevice.update(any(), any(), any()))
                    .thenThrow(new SignalingException(ErrorCode.NOT_DEVICE_OWNER, "not your device"))
                    .thenThrow(new SignalingException(ErrorCode.DEVICE_REVOKED, "the device was revoked"));

            assertThat(running.send("PATCH", "/v1/devices/alice-laptop", "{}").statusCode()).isEqualTo(403);
            assertThat(running.send("PATCH", "/v1/devices/alice-laptop", "{}").statusCode()).isEqualTo(409);
        }

        @Test
        void removesADeviceWith204() {
            HttpResponse<String> response = running.delete("/v1/devices/alice-laptop");

            assertThat(response.statusCode()).isEqualTo(204);
            verify(uses.removeDevice).remove(ALICE, Fixtures.DEVICE_ID);
        }

        @Test
        void answersAnUnknownDeviceWith404() {
            org.mockito.Mockito.doThrow(new SignalingException(ErrorCode.DEVICE_NOT_FOUND, "no such device"))
                    .when(uses.removeDevice).remove(any(), any());

            HttpResponse<String> response = running.delete("/v1/devices/alice-laptop");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(RunningServer.json(response).path("code").asText()).isEqualTo("device_not_found");
        }
    }
}
