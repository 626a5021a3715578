package dev.switchboard.adapter.http;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Correlates a request's log lines: the client's {@code X-Request-Id} when it is a sensible token, a new
 * UUID otherwise; echoed in the response and put in the SLF4J MDC as {@code requestId} on each thread
 * that works on the request, and removed when that thread is done (worker threads are reused).
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final AttachmentKey<String> KEY = AttachmentKey.named("request id");
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {}

    /** Takes the client's id or makes one, and attaches it. */
    static String assign(HttpExchange exchange) {
        String sent = exchange.requestHeaders().get(HEADER);
        String id = sent != null && VALID.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
        exchange.attach(KEY, id);
        return id;
    }

    static String of(HttpExchange exchange) {
        String id = exchange.attachment(KEY);
        return id != null ? id : "-";
    }

    /** Runs {@code task} with the request's id in the MDC, then takes it out again. */
    static void withMdc(HttpExchange exchange, Runnable task) {
        String id = exchange.attachment(KEY);
        if (id == null) {
            task.run();
            return;
        }
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        try {
            task.run();
        } finally {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }
}
