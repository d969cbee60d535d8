package dev.gatehouse.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The client's address: the socket peer, unless the peer is a configured trusted proxy, in which
 * case the right-most {@code X-Forwarded-For} entry that is not itself a trusted proxy.
 */
public final class ClientIp {

    private final List<Cidr> trusted = new ArrayList<>();

    public ClientIp(Set<String> trustedProxies) {
        for (String t : trustedProxies) {
            trusted.add(Cidr.parse(t));
        }
    }

    public String of(HttpServletRequest request) {
        String peer = unbracket(request.getRemoteAddr());
        if (trusted.isEmpty() || !isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String part : header.split(",")) {
                if (!part.isBlank()) {
                    hops.add(part.strip());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!isLiteralIp(hop)) {
                return peer; // garbage in the header: do not trust any of it
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return peer;
    }

    /** Jetty reports IPv6 peers as {@code [::1]}. */
    private static String unbracket(String ip) {
        return ip != null && ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
    }

    private boolean isTrusted(String ip) {
        byte[] addr = literal(ip);
        return addr != null && trusted.stream().anyMatch(c -> c.contains(addr));
    }

    private static boolean isLiteralIp(String s) {
        return literal(s) != null;
    }

    /** Parses an IP literal without DNS; null if it is not one. */
    static byte[] literal(String s) {
        if (s == null || s.isEmpty() || s.length() > 45 || !s.matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Cidr(byte[] network, int bits) {
        static Cidr parse(String spec) {
            String[] p = spec.strip().split("/", 2);
            byte[] addr = literal(p[0]);
            if (addr == null) {
                throw new IllegalArgumentException("trustedProxies entry '" + spec + "' is not an IP address or CIDR block");
            }
            int bits = p.length == 2 ? Integer.parseInt(p[1]) : addr.length * 8;
            if (bits < 0 || bits > addr.length * 8) {
                throw new IllegalArgumentException("trustedProxies entry '" + spec + "' has a bad prefix length");
            }
            return new Cidr(addr, bits);
        }

        boolean contains(byte[] addr) {
            if (addr.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((addr[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
