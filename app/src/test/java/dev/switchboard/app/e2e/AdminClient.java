package dev.switchboard.app.e2e;

import java.net.http.HttpRequest;
import java.util.Map;

/** The operator calling the admin routes with the admin bearer token (or any token, to be refused). */
final class AdminClient {
    private final Api api;
    private final String token;

    AdminClient(Api api, String token) {
        this.api = api;
        this.token = token;
    }

    /** The admin with the configured token. */
    static AdminClient of(Api api) {
        return new AdminClient(api, Enterprise.ADMIN_TOKEN);
    }

    ApiResponse get(String pathAndQuery) {
        return api.send(api.withBearer(pathAndQuery, token).GET().build());
    }

    ApiResponse post(String path, Object body) {
        return api.send(api.withBearer(path, token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body)))
                .header("Content-Type", "application/json").build());
    }

    ApiResponse approve(String deviceId) {
        return api.send(api.withBearer("/v1/admin/devices/" + deviceId + "/approve", token)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    ApiResponse revoke(String deviceId, String reason) {
        return post("/v1/admin/devices/" + deviceId + "/revoke", Map.of("reason", reason));
    }
}
