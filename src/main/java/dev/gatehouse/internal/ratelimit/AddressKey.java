package dev.gatehouse.internal.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The key a per-address limit counts under: an IPv4 address as it is (an IPv4-mapped IPv6 address
 * is its IPv4 address), an IPv6 address as its /64, which one subscriber usually holds whole (RFC
 * 6177), so rotating through it does not reset the count. Anything else is its own key; never DNS.
 */
public final class AddressKey {

    private AddressKey() {
    }

    public static String of(String ip) {
        String s = ip != null && ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
        if (s == null || s.length() > 45 || s.indexOf(':') < 0 || !s.matches("[0-9A-Fa-f:.]+")) {
            return ip; // IPv4 (kept per address), or not an address literal
        }
        InetAddress a;
        try {
            a = InetAddress.getByName(s); // a literal with ':' is parsed, never looked up
        } catch (UnknownHostException e) {
            return ip;
        }
        if (!(a instanceof Inet6Address)) {
            return a.getHostAddress(); // ::ffff:a.b.c.d
        }
        byte[] b = a.getAddress();
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            key.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
        }
        return key.append(":/64").toString();
    }
}
