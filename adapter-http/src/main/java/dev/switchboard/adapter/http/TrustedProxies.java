package dev.switchboard.adapter.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/** The address blocks of the reverse proxies whose forwarding headers are believed. */
final class TrustedProxies {
    private final List<Block> blocks;

    TrustedProxies(List<String> cidrs) {
        this.blocks = cidrs.stream().map(Block::parse).toList();
    }

    boolean isEmpty() {
        return blocks.isEmpty();
    }

    boolean trusts(InetAddress address) {
        return blocks.stream().anyMatch(block -> block.contains(address));
    }

    /**
     * A literal IPv4 or IPv6 address (no name lookup), as it appears in {@code X-Forwarded-For} or, without
     * brackets and port, in {@code Forwarded: for=}; empty for anything else ({@code unknown}, {@code _hidden}).
     */
    static Optional<InetAddress> literal(String text) {
        String address = text.strip();
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            address = close < 0 ? "" : address.substring(1, close);
        } else if (address.indexOf(':') >= 0 && address.indexOf(':') == address.lastIndexOf(':')) {
            address = address.substring(0, address.indexOf(':'));
        }
        if (address.isEmpty() || !(address.indexOf(':') >= 0 || address.matches("[0-9.]+"))
                || !address.matches("[0-9A-Fa-f:.%a-zA-Z]+")) {
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
            if (cidr == null) {
                throw new IllegalArgumentException("a CIDR block must be given");
            }
            int slash = cidr.indexOf('/');
            String address = slash < 0 ? cidr : cidr.substring(0, slash);
            InetAddress parsed = literal(address).filter(a -> !address.startsWith("["))
                    .orElseThrow(() -> new IllegalArgumentException("not an IP address block: " + cidr));
            byte[] bytes = parsed.getAddress();
            int prefix = bytes.length * 8;
            if (slash >= 0) {
                String bits = cidr.substring(slash + 1);
                if (!bits.matches("[0-9]{1,3}") || Integer.parseInt(bits) > bytes.length * 8) {
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
                int bits = Math.min(8, prefix - bit);
                int mask = (0xFF << (8 - bits)) & 0xFF;
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
