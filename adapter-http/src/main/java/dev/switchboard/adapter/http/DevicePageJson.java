package dev.switchboard.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.ports.driving.ListDevices;
import dev.switchboard.ports.model.DeviceId;
import java.util.List;

/** A page of devices; {@code nextAfter} continues the listing and is left out on the last page. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DevicePageJson(List<DeviceJson> devices, String nextAfter) {

    static DevicePageJson from(ListDevices.Page page) {
        return new DevicePageJson(DeviceJson.fromAll(page.devices()), page.nextAfterId().map(DeviceId::value)
                .orElse(null));
    }
}
