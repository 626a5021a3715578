package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.PublishOffers;

/** {@code POST /v1/offers}: publishes the caller's offers, all or none. */
final class PublishOffersEndpoint implements Endpoint {
    private final PublishOffers publishOffers;

    PublishOffersEndpoint(PublishOffers publishOffers) {
        this.publishOffers = publishOffers;
    }

    @Override
    public Reply handle(Call call) {
        PublishOffers.Request request = call.body(PublishOffersJson.class).toRequest();
        return Reply.created(PublishedOffersJson.from(publishOffers.publish(call.caller(), request)));
    }
}
