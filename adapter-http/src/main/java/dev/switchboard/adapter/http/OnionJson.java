package dev.switchboard.adapter.http;

import dev.switchboard.ports.model.OnionEndpoint;

/** A device's Tor v3 onion endpoint on the wire; the port record checks the address and its checksum. */
record OnionJson(String address, Integer port) {

    OnionEndpoint toEndpoint() {
        return new OnionEndpoint(address, Required.field(port, "onion.port"));
    }

    static OnionJson from(OnionEndpoint onion) {
        return new OnionJson(onion.address(), onion.port());
    }
}
