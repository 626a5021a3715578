package dev.switchboard.adapter.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One HTTP request on a connection and the answer it gets: what the client sent (method, target, headers, the
 * body as it arrives), the response being prepared (status, headers), the facts the chain attaches on the way,
 * and the moments others wait for: the response being committed (its headers final) and the exchange being
 * complete (written, or the connection lost). Exactly one answer is ever written; it may be written from any
 * thread, while everything about the connection happens on its event loop.
 */
final class HttpExchange {
    /** The body reader of a body nobody will read: the parts that still come are dropped. */
    private static final Consumer<HttpContent> DISCARD = HttpContent::release;
    /**
     * The largest unread body that is read and dropped after the answer, to keep the connection for the next
     * request; a larger one, or one of unknown length, closes the connection instead.
     */
    private static final long DRAIN_LIMIT_BYTES = 64 * 1024;
    /** How long a body being drained may take before the connection is closed anyway. */
    private static final long DRAIN_SECONDS = 5;

    private final HttpConnection connection;
    private final Channel channel;
    private final HttpRequest request;
    private final RequestTarget target;
    private final boolean secure;
    private final HttpHeaders responseHeaders = new DefaultHttpHeaders();
    private final Map<AttachmentKey<?>, Object> attachments = new ConcurrentHashMap<>();
    private final List<Consumer<HttpExchange>> commitListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<HttpExchange>> completeListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean committed = new AtomicBoolean();
    private final boolean bodyless;
    private volatile int status = 200;
    private volatile boolean persistent;
    // Confined to the event loop.
    private final List<HttpContent> early = new ArrayList<>();
    private Consumer<HttpContent> bodyReader;
    private boolean lastContentSeen;
    private boolean continueSent;
    private boolean completed;
    private boolean awaitingEnd;

    HttpExchange(HttpConnection connection, Channel channel, HttpRequest request, boolean secure) {
        this.connection = connection;
        this.channel = channel;
        this.request = request;
        this.target = RequestTarget.of(request.uri());
        this.secure = secure;
        this.persistent = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
        this.bodyless = !HttpUtil.isTransferEncodingChunked(request) && HttpUtil.getContentLength(request, 0L) == 0;
    }

    // The request.

    String method() {
        return request.method().name();
    }

    boolean isMethod(HttpMethod method) {
        return request.method().equals(method);
    }

    HttpHeaders requestHeaders() {
        return request.headers();
    }

    RequestTarget target() {
        return target;
    }

    /** The decoded path, which routes match. */
    String path() {
        return target.path();
    }

    /** The declared body length, or -1 if none was declared. */
    long requestContentLength() {
        return HttpUtil.getContentLength(request, -1L);
    }

    /** Why the head could not be read, if it could not: such a request is answered 4xx and the connection closed. */
    Optional<Throwable> malformedHead() {
        if (request.decoderResult().isFailure()) {
            return Optional.of(request.decoderResult().cause());
        }
        return target.malformed().map(IllegalArgumentException::new);
    }

    InetSocketAddress sourceAddress() {
        SocketAddress remote = channel.remoteAddress();
        return remote instanceof InetSocketAddress inet ? inet : null;
    }

    String scheme() {
        return secure ? "https" : "http";
    }

    /** The authority of an absolute-form target, else the address the connection reached. */
    String hostAndPort() {
        if (target.authority().isPresent()) {
            return target.authority().get();
        }
        SocketAddress local = channel.localAddress();
        if (local instanceof InetSocketAddress inet) {
            String host = inet.getHostString();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return "localhost";
    }

    /** Whether the request declares no body at all (no length, or 0, and not chunked). */
    boolean hasNoBody() {
        return bodyless;
    }

    /** Whether the whole request, body included, has arrived. */
    boolean isRequestComplete() {
        return bodyless || lastContentSeen;
    }

    // The chain's facts.

    <T> void attach(AttachmentKey<T> key, T value) {
        attachments.put(key, value);
    }

    @SuppressWarnings("unchecked")
    <T> T attachment(AttachmentKey<T> key) {
        return (T) attachments.get(key);
    }

    /** Runs {@code listener} as the response is committed, on the thread that answers, to add headers. */
    void onCommit(Consumer<HttpExchange> listener) {
        commitListeners.add(listener);
    }

    /** Runs {@code listener} on the event loop once the response is written, or the connection is lost. */
    void onComplete(Consumer<HttpExchange> listener) {
        completeListeners.add(listener);
    }

    EventLoop eventLoop() {
        return channel.eventLoop();
    }

    boolean inEventLoop() {
        return channel.eventLoop().inEventLoop();
    }

    // The response.

    HttpHeaders responseHeaders() {
        return responseHeaders;
    }

    int status() {
        return status;
    }

    /** Closes the connection after this response instead of keeping it for the next request. */
    void closeAfterResponse() {
        persistent = false;
    }

    /** Answers with {@code body} (sent whole; for HEAD only its length). */
    void send(int status, String contentType, byte[] body) {
        this.status = status;
        responseHeaders.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        commit();
        boolean head = request.method().equals(HttpMethod.HEAD);
        ByteBuf content = head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body);
        FullHttpResponse response = new DefaultFullHttpResponse(version(), HttpResponseStatus.valueOf(status),
                content, responseHeaders, EmptyHttpHeaders.INSTANCE);
        HttpUtil.setContentLength(response, body.length);
        finish(channel.writeAndFlush(response));
    }

    /** Answers with no body at all: a 204, a 304. */
    void sendEmpty(int status) {
        this.status = status;
        commit();
        FullHttpResponse response = new DefaultFullHttpResponse(version(), HttpResponseStatus.valueOf(status),
                Unpooled.EMPTY_BUFFER, responseHeaders, EmptyHttpHeaders.INSTANCE);
        if (status != 204 && status != 304) {
            HttpUtil.setContentLength(response, 0);
        }
        finish(channel.writeAndFlush(response));
    }

    /**
     * Starts a 200 whose body is written in chunks by the calling worker, which blocks while the client is slow
     * to read. Closing the stream ends the response; {@link #cut()} ends it as visibly incomplete.
     */
    OutputStream stream(String contentType) {
        this.status = 200;
        responseHeaders.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        commit();
        DefaultHttpResponse response = new DefaultHttpResponse(version(), HttpResponseStatus.OK, responseHeaders);
        HttpUtil.setTransferEncodingChunked(response, true);
        channel.writeAndFlush(response);
        return new ChunkedBody(channel, last -> finish(channel.writeAndFlush(last)));
    }

    /** Cuts the connection: a response already under way then cannot be mistaken for a complete one. */
    void cut() {
        persistent = false;
        channel.close();
    }

    /**
     * Hands the connection to {@code upgrade}, which answers (101, or a refusal) and takes it over; the exchange
     * completes once that answer is written.
     */
    void switchProtocols(SocketUpgrade upgrade) {
        commit();
        runOnEventLoop(() -> {
            connection.handOver();
            ChannelFuture answered;
            try {
                answered = upgrade.switchProtocols(channel, request);
            } catch (RuntimeException e) {
                status = 500;
                channel.close();
                complete();
                throw e;
            }
            answered.addListener(written -> {
                status = written.isSuccess() ? 101 : 500;
                if (!written.isSuccess()) {
                    channel.close();
                }
                complete();
            });
        });
    }

    /**
     * Hands the body to {@code reader} on the event loop as it arrives, starting with what came already; the last
     * part is a {@link LastHttpContent}. The reader releases each part. A client that waits for
     * {@code 100 Continue} is told to go on now.
     */
    void readBody(Consumer<HttpContent> reader) {
        runOnEventLoop(() -> {
            if (completed) {
                return;
            }
            bodyReader = reader;
            if (!continueSent && !lastContentSeen && HttpUtil.is100ContinueExpected(request)) {
                continueSent = true;
                channel.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                        Unpooled.EMPTY_BUFFER));
            }
            List<HttpContent> arrived = new ArrayList<>(early);
            early.clear();
            arrived.forEach(reader);
            connection.inputWanted();
        });
    }

    /**
     * Stops reading the body: what still comes is dropped. A short body of declared length is drained after the
     * answer so that the connection serves the next request; for any other, the connection closes.
     */
    void discardBody() {
        long declared = requestContentLength();
        if (declared < 0 || declared > DRAIN_LIMIT_BYTES) {
            persistent = false;
        }
        runOnEventLoop(() -> {
            bodyReader = DISCARD;
            early.forEach(HttpContent::release);
            early.clear();
        });
    }

    /** Whether this exchange waits for more of its body from the network (event loop). */
    boolean wantsBody() {
        return !lastContentSeen && !completed && (awaitingEnd || bodyReader != null && bodyReader != DISCARD);
    }

    /** A part of the body arrived (event loop). */
    void contentArrived(HttpContent content) {
        if (content instanceof LastHttpContent) {
            lastContentSeen = true;
        }
        if (completed || awaitingEnd) {
            content.release();
            if (awaitingEnd && lastContentSeen) {
                complete();
            }
        } else if (bodyReader != null) {
            bodyReader.accept(content);
        } else {
            early.add(content);
        }
    }

    /** The connection closed before the exchange completed (event loop). */
    void connectionLost() {
        persistent = false;
        complete();
    }

    private void commit() {
        if (!committed.compareAndSet(false, true)) {
            throw new IllegalStateException("the exchange is answered already");
        }
        for (Consumer<HttpExchange> listener : commitListeners) {
            listener.accept(this);
        }
        responseHeaders.set(HttpHeaderNames.DATE, DateFormatter.format(new Date()));
        if (!persistent) {
            responseHeaders.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            responseHeaders.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }

    private HttpVersion version() {
        return request.protocolVersion().equals(HttpVersion.HTTP_1_0) ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
    }

    /**
     * Once the answer is written: the connection goes on to its next request once the request has arrived whole
     * (a short body left unread is drained first), or it closes.
     */
    private void finish(ChannelFuture written) {
        written.addListener(done -> {
            if (!done.isSuccess()) {
                persistent = false;
                channel.close();
            } else if (persistent && !isRequestComplete()) {
                awaitingEnd = true;
                early.forEach(HttpContent::release);
                early.clear();
                channel.eventLoop().schedule(() -> {
                    if (!completed) {
                        channel.close();
                    }
                }, DRAIN_SECONDS, TimeUnit.SECONDS);
                connection.inputWanted();
                return;
            }
            complete();
        });
    }

    private void complete() {
        if (completed) {
            return;
        }
        completed = true;
        early.forEach(HttpContent::release);
        early.clear();
        for (Consumer<HttpExchange> listener : completeListeners) {
            listener.accept(this);
        }
        connection.exchangeDone(this, persistent && channel.isActive());
    }

    private void runOnEventLoop(Runnable task) {
        if (channel.eventLoop().inEventLoop()) {
            task.run();
        } else {
            channel.eventLoop().execute(task);
        }
    }
}
