package org.wuyi.notification.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Where Wuyi may send a robot or SMS-gateway request (against server-side request forgery: a district officer's
 * form must not make the server call its own database or the intranet): https only, no user info in the address,
 * and a host whose every address is public. {@code wuyi.notification.allow-private-targets=true} lifts this for an
 * intranet gateway or a local test receiver (then http and private addresses are allowed). Checked when a route is
 * saved and again before each send (a host's addresses may change in between).
 */
@Component
public class TargetPolicy {

    private final boolean allowPrivate;

    TargetPolicy(NotificationProperties properties) {
        this.allowPrivate = properties.allowPrivateTargets();
    }

    /** The message key of what is wrong with this address, or empty when Wuyi may call it. */
    public Optional<String> problem(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException malformed) {
            return Optional.of("problem.channel.url");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getUserInfo() != null || !(scheme.equals("https") || allowPrivate && scheme.equals("http"))) {
            return Optional.of("problem.channel.https");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isPrivate(address)) {
                    return Optional.of("problem.channel.private");
                }
            }
        } catch (UnknownHostException unknown) {
            return Optional.of("problem.channel.unknown-host");
        }
        return Optional.empty();
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 0.0.0.0/8, carrier-grade NAT 100.64.0.0/10, benchmarking 198.18.0.0/15
            return first == 0 || first == 100 && second >= 64 && second < 128 || first == 198 && (second == 18 || second == 19);
        }
        // IPv6 unique local addresses fc00::/7
        return (bytes[0] & 0xfe) == 0xfc;
    }
}
