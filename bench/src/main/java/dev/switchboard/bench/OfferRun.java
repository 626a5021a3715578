package dev.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One open-loop run of offer answers: offers published beforehand by owners whose sockets (opened with
 * {@code eventsAfter=0}) are on instance A, answered over signed HTTP by answerers on {@code answerSide} at a fixed
 * rate. Latency runs from the intended time of the answer request to the {@code offer-event} pushed to the owner,
 * and to the HTTP answer (201) at the answerer. The answer's SDP carries the intended time.
 */
final class OfferRun {
    private static final int OFFERS_PER_PUBLISH = 100;

    private OfferRun() {}

    static RunResult run(String placement, List<ScalingFleet.Client> owners, List<ScalingFleet.Client> answerers,
            int rate, Measurement.Current sockets, CpuSample.Sources cpu, Duration warmup, Duration measured)
            throws InterruptedException {
        long needed = (long) Math.ceil(rate * (warmup.toSeconds() + measured.toSeconds() + 2) * 1.1);
        Queue<String> offers = publish(owners, needed);
        Measurement measurement = sockets.start();
        AtomicLong sent = new AtomicLong();
        Pacer pacer = Pacer.start(rate, (i, intended) -> {
            String offerId = offers.poll();
            if (offerId == null) {
                measurement.failed("ran out of published offers");
                return;
            }
            sent.incrementAndGet();
            ScalingFleet.Client answerer = answerers.get((int) (i % answerers.size()));
            answerer.instance().http().post(answerer.credential(), "/v1/offers/" + offerId + "/answer",
                    "{\"sdp\":\"bench t=" + intended + "\"}", 201).whenComplete((answered, failure) -> {
                        if (failure == null) {
                            measurement.stored.relayed(System.nanoTime() - intended);
                        } else {
                            measurement.failed(failure.toString());
                        }
                    });
        });
        Measurement.Window window = measurement.measure(pacer, cpu, warmup, measured);
        System.out.printf("-- offers %s, %d/s offered:%n", placement, rate);
        Backlog.awaitDrained(sent::get, measurement.delivered::received, SignalRun.DRAIN_PATIENCE);
        return window.result("offers", placement, rate, measurement.delivered.failures(),
                measurement.delivered.closes());
    }

    /** Publishes {@code count} offers, round-robin over the owners in batches, and returns their ids interleaved. */
    private static Queue<String> publish(List<ScalingFleet.Client> owners, long count) {
        String batch = "{\"service\":\"bench:1\",\"ttlSeconds\":3600,\"offers\":["
                + String.join(",", java.util.Collections.nCopies(OFFERS_PER_PUBLISH, "{\"sdp\":\"v=0 bench\"}")) + "]}";
        List<CompletableFuture<JsonNode>> published = new ArrayList<>();
        for (long i = 0; i * OFFERS_PER_PUBLISH < count; i++) {
            ScalingFleet.Client owner = owners.get((int) (i % owners.size()));
            published.add(owner.instance().http().post(owner.credential(), "/v1/offers", batch, 201));
        }
        Queue<String> ids = new ConcurrentLinkedQueue<>();
        List<List<String>> batches = published.stream().map(CompletableFuture::join)
                .map(json -> {
                    List<String> batchIds = new ArrayList<>();
                    json.get("offers").forEach(offer -> batchIds.add(offer.get("id").asText()));
                    return batchIds;
                }).toList();
        // Interleave the batches, so that consecutive answers go to different owners.
        for (int j = 0; j < OFFERS_PER_PUBLISH; j++) {
            for (List<String> batchIds : batches) {
                if (j < batchIds.size()) {
                    ids.add(batchIds.get(j));
                }
            }
        }
        return ids;
    }
}
