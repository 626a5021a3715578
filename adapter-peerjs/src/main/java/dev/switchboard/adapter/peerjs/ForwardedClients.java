package dev.switchboard.adapter.peerjs;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which address a PeerJS client connects from: the TCP peer's, unless the peer is a trusted proxy; then the
 * {@code Forwarded} (RFC 7239) or else {@code X-Forwarded-For} hops are read right to left, skipping trusted
 * proxies, and the first untrusted hop is the client (a hop that is no address ends the walk at the last trusted
 * proxy). A client can write anything on the left of those headers, but each proxy appends what it saw, so the
 * rightmost untrusted hop is the last one a trusted machine vouched for. The same rule as the HTTP adapter's
 * edge, kept here in its smallest form because adapters share no code.
 */
final class ForwardedClients {
    private final List<Block> proxies;

    ForwardedClients(List<String> blocks) {
        this.proxies = blocks.stream().map(Block::parse).toList();
    }

    /**
     * @param forwarded     every {@code Forwarded} field line, in order
     * @param forwardedFor  every {@code X-Forwarded-For} field line, read only without {@code Forwarded}
     */
    String clientOf(InetSocketAddress peer, List<String> forwarded, List<String> forwardedFor) {
        if (peer == null || peer.getAddress() == null) {
            return peer == null ? "unknown" : peer.getHostString();
        }
        InetAddress client = peer.getAddress();
        if (trusts(client)) {
            List<Optional<InetAddress>> hops = forwarded.isEmpty()
                    ? elements(forwardedFor).stream().map(ForwardedClients::literal).toList()
                    : elements(forwarded).stream().map(ForwardedClients::forAddress).toList();
            for (int i = hops.size() - 1; i >= 0 && hops.get(i).isPresent(); i--) {
                client = hops.get(i).get();
                if (!trusts(client)) {
                    break;
                }
            }
        }
        return client.getHostAddress();
    }

    private boolean trusts(InetAddress address) {
        return proxies.stream().anyMatch(block -> block.contains(address));
    }

    private static List<String> elements(List<String> lines) {
        List<String> elements = new ArrayList<>();
        for (String line : lines) {
            for (String element : line.split(",")) {
                elements.add(element.strip());
            }
        }
        return elements;
    }

    /** The {@code for=} of one {@code Forwarded} element, names case-insensitive, the value maybe quoted. */
    private static Optional<InetAddress> forAddress(String element) {
        for (String pair : element.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("for")) {
                String value = pair.substring(equals + 1).strip();
                boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
                return literal(quoted ? value.substring(1, value.length() - 1) : value);
            }
        }
        return Optional.empty();
    }

    /**
     * A literal IPv4 or IPv6 address (never a name lookup), bracketed or not, with a port or not; empty for
     * anything else ({@code unknown}, {@code _hidden}).
     */
    static Optional<InetAddress> literal(String text) {
        String address = text.strip();
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            address = close < 0 ? "" : address.substring(1, close);
        } else if (address.indexOf(':') >= 0 && address.indexOf(':') == address.lastIndexOf(':')) {
            address = address.substring(0, address.indexOf(':'));
        }
        boolean ipv6 = address.indexOf(':') >= 0 && address.matches("[0-9A-Fa-f:.]+");
        if (!ipv6 && !address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** One CIDR block, such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}; a bare address is a block of one. */
    record Block(byte[] network, int prefix) {

        static Block parse(String cidr) {
            int slash = cidr.indexOf('/');
            String address = slash < 0 ? cidr : cidr.substring(0, slash);
            byte[] bytes = (address.startsWith("[") ? Optional.<InetAddress>empty() : literal(address))
                    .orElseThrow(() -> new IllegalArgumentException("not an IP address block: " + cidr)).getAddress();
            int prefix = bytes.length * 8;
            if (slash >= 0) {
                String bits = cidr.substring(slash + 1);
                if (!bits.matches("[0-9]{1,3}") || Integer.parseInt(bits) > prefix) {
                    throw new IllegalArgumentException("not a prefix length for " + address + ": " + cidr);
                }
                prefix = Integer.parseInt(bits);
            }
            return new Block(bytes, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit += 8) {
                int mask = (0xFF << (8 - Math.min(8, prefix - bit))) & 0xFF;
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
