package dev.switchboard.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link NoopRelay} on Netty (native epoll, one event-loop thread): answers each {@code <path>peerjs?id=}
 * with {@code OPEN} and forwards every frame untouched to the socket of its {@code dst}. Writes are flushed
 * once per read pass, so frames that arrive together leave together; {@code NettyNoopRelay <port>}.
 */
public final class NettyNoopRelay {
    private static final byte[] DST = "\"dst\":\"".getBytes(StandardCharsets.US_ASCII);

    private NettyNoopRelay() {}

    public static void main(String[] args) throws InterruptedException {
        Map<String, Channel> peers = new ConcurrentHashMap<>();
        List<Channel> unflushed = new ArrayList<>();
        EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        new ServerBootstrap().group(loop).channel(EpollServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler("/peerjs", null, false, 65536, false, true),
                                new Forwarder(peers, unflushed));
                    }
                })
                .bind("127.0.0.1", Integer.parseInt(args[0])).sync().channel().closeFuture().sync();
    }

    /** Registers a socket under its id, then forwards its frames; everything runs on the one event-loop thread. */
    private static final class Forwarder extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        private final Map<String, Channel> peers;
        private final List<Channel> unflushed;

        Forwarder(Map<String, Channel> peers, List<Channel> unflushed) {
            super(false);
            this.peers = peers;
            this.unflushed = unflushed;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete done) {
                peers.put(new QueryStringDecoder(done.requestUri()).parameters().get("id").get(0), ctx.channel());
                ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"OPEN\"}"));
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            Channel to = peers.get(dst(frame.content()));
            if (to == null) {
                frame.release();
                return;
            }
            to.write(frame);
            unflushed.add(to);
        }

        /** One flush per socket written to in this read pass, not one per frame. */
        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            for (Channel channel : unflushed) {
                channel.flush();
            }
            unflushed.clear();
        }
    }

    private static String dst(ByteBuf content) {
        int start = content.readerIndex();
        int end = content.writerIndex();
        outer:
        for (int i = start; i <= end - DST.length; i++) {
            for (int j = 0; j < DST.length; j++) {
                if (content.getByte(i + j) != DST[j]) {
                    continue outer;
                }
            }
            int from = i + DST.length;
            int to = content.indexOf(from, end, (byte) '"');
            return content.toString(from, to - from, StandardCharsets.UTF_8);
        }
        return "";
    }
}
