package dev.switchboard.adapter.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A response body written by a worker as HTTP chunks of up to {@value #CHUNK_BYTES} bytes. The worker blocks
 * while the connection's outbound buffer is full, so a slow client holds back the writer rather than filling
 * the server's memory; a connection gone is an {@link IOException}.
 */
final class ChunkedBody extends OutputStream {
    static final int CHUNK_BYTES = 16 * 1024;

    private final Channel channel;
    private final Consumer<LastHttpContent> end;
    private final byte[] buffer = new byte[CHUNK_BYTES];
    private int filled;
    private boolean closed;

    /** @param end writes the last chunk and completes the exchange */
    ChunkedBody(Channel channel, Consumer<LastHttpContent> end) {
        this.channel = channel;
        this.end = end;
    }

    @Override
    public void write(int b) throws IOException {
        if (filled == buffer.length) {
            writeChunk();
        }
        buffer[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (filled == buffer.length) {
                writeChunk();
            }
            int taken = Math.min(length, buffer.length - filled);
            System.arraycopy(bytes, offset, buffer, filled, taken);
            filled += taken;
            offset += taken;
            length -= taken;
        }
    }

    @Override
    public void flush() throws IOException {
        writeChunk();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        writeChunk();
        closed = true;
        end.accept(LastHttpContent.EMPTY_LAST_CONTENT);
    }

    private void writeChunk() throws IOException {
        if (closed) {
            throw new IOException("the response body is closed");
        }
        if (filled == 0) {
            return;
        }
        ChannelFuture written = channel.writeAndFlush(
                new DefaultHttpContent(Unpooled.wrappedBuffer(Arrays.copyOf(buffer, filled))));
        filled = 0;
        if (!channel.isWritable()) {
            written.awaitUninterruptibly();
        }
        if (written.isDone() && !written.isSuccess() || !channel.isActive()) {
            throw new IOException("the client is gone", written.cause());
        }
    }
}
