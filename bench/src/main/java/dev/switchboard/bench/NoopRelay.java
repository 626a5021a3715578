package dev.switchboard.bench;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The no-op relay ceiling for {@link PeerJsBench}: a WebSocket server on Undertow that answers each
 * {@code <path>peerjs?id=} with {@code OPEN} and forwards every frame untouched to the socket of its
 * {@code dst}, with no checks, queues or JSON. Whatever it relays on one core, the generator can drive;
 * {@code NoopRelay <port>}.
 */
public final class NoopRelay {
    private static final String DST = "\"dst\":\"";

    private NoopRelay() {}

    public static void main(String[] args) {
        Map<String, WebSocketChannel> peers = new ConcurrentHashMap<>();
        Undertow.builder().addHttpListener(Integer.parseInt(args[0]), "127.0.0.1")
                .setHandler(Handlers.path().addPrefixPath("/peerjs", Handlers.websocket((exchange, channel) -> {
                    peers.put(exchange.getRequestParameters().get("id").get(0), channel);
                    channel.getReceiveSetter().set(new AbstractReceiveListener() {
                        @Override
                        protected void onFullTextMessage(WebSocketChannel from, BufferedTextMessage message) {
                            String frame = message.getData();
                            int at = frame.indexOf(DST) + DST.length();
                            WebSocketChannel to = peers.get(frame.substring(at, frame.indexOf('"', at)));
                            if (to != null) {
                                WebSockets.sendText(frame, to, null);
                            }
                        }
                    });
                    channel.resumeReceives();
                    WebSockets.sendText("{\"type\":\"OPEN\"}", channel, null);
                })))
                .build().start();
    }
}
