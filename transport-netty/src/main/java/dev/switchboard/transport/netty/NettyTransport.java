package dev.switchboard.transport.netty;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The fastest transport this machine offers a server: Linux's native epoll (edge-triggered reads, fewer copies),
 * else Java NIO, which works everywhere.
 *
 * @param io            how the network threads wait for and do I/O
 * @param serverChannel the listening socket's channel type, which must match {@code io}
 * @param name          {@code epoll} or {@code NIO}, for the start-up log line
 */
public record NettyTransport(IoHandlerFactory io, Class<? extends ServerChannel> serverChannel, String name) {

    public static NettyTransport best() {
        return Epoll.isAvailable()
                ? new NettyTransport(EpollIoHandler.newFactory(), EpollServerSocketChannel.class, "epoll")
                : new NettyTransport(NioIoHandler.newFactory(), NioServerSocketChannel.class, "NIO");
    }

    /** {@code threads} network threads named {@code <prefix>-…}, daemons, so that they never keep a JVM alive. */
    public EventLoopGroup eventLoops(int threads, String prefix) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(prefix, true), io);
    }
}
