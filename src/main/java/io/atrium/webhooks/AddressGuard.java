package io.atrium.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Keeps webhooks away from Atrium's own network (SSRF): a URL must be {@code https://}
 * (or {@code http://} where {@code atrium.webhooks.allow-http} is set), without user
 * info, and every address its host resolves to must be public: no private, loopback,
 * link-local (which holds the cloud metadata address 169.254.169.254), carrier-grade NAT,
 * unique-local, multicast, documentation or reserved address. Checked when an endpoint is
 * saved and again before every attempt, which then connects to the address checked, not
 * to a second lookup (DNS rebinding). {@code atrium.webhooks.allow-private-addresses}
 * lifts the address check for development and tests.
 */
final class AddressGuard {

	private final boolean allowPrivate;

	private final boolean allowHttp;

	AddressGuard(boolean allowPrivate, boolean allowHttp) {
		this.allowPrivate = allowPrivate;
		this.allowHttp = allowHttp;
	}

	/**
	 * @param url a URL as typed
	 * @return it parsed
	 * @throws WebhookRefused {@code INVALID} when it is not an acceptable URL
	 */
	URI parse(String url) {
		if (url == null || url.isBlank()) {
			throw invalid("The URL is required.");
		}
		String value = url.strip();
		if (value.length() > 2000) {
			throw invalid("The URL is longer than 2000 characters.");
		}
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			throw invalid("The URL is not valid: " + ex.getReason() + ".");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !(this.allowHttp && scheme.equals("http"))) {
			throw invalid(this.allowHttp ? "The URL must start with https:// or http://."
					: "The URL must start with https://.");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			throw invalid("The URL has no host name.");
		}
		if (uri.getRawUserInfo() != null) {
			throw invalid("The URL must not carry a user name or password.");
		}
		if (uri.getRawFragment() != null) {
			throw invalid("The URL must not have a #fragment.");
		}
		return uri;
	}

	/**
	 * @param uri a parsed URL
	 * @return the addresses its host resolves to, each one checked
	 * @throws WebhookRefused {@code ADDRESS_NOT_ALLOWED} when the host does not resolve
	 * or one of its addresses is not public
	 */
	List<InetAddress> resolve(URI uri) {
		String host = uri.getHost();
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			throw new WebhookRefused(WebhookRefused.Reason.ADDRESS_NOT_ALLOWED, "url",
					"The host name " + host + " does not resolve to any address.");
		}
		if (!this.allowPrivate) {
			for (InetAddress address : addresses) {
				if (!isPublic(address)) {
					throw new WebhookRefused(WebhookRefused.Reason.ADDRESS_NOT_ALLOWED, "url", "The host " + host
							+ " resolves to " + address.getHostAddress()
							+ ", a private, loopback, link-local or metadata address: webhooks are only sent to public addresses.");
				}
			}
		}
		return List.of(addresses);
	}

	/**
	 * @param address an address
	 * @return whether it is a public unicast address
	 */
	static boolean isPublic(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] b = address.getAddress();
		if (address instanceof Inet4Address) {
			return publicV4(b);
		}
		if (address instanceof Inet6Address) {
			int first = b[0] & 0xff;
			if ((first & 0xfe) == 0xfc) {
				// fc00::/7 unique local (holds fd00:ec2::254, a metadata address)
				return false;
			}
			if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
				// 2001:db8::/32 documentation
				return false;
			}
			boolean leadingZeros = true;
			for (int i = 0; i < 10; i++) {
				leadingZeros &= b[i] == 0;
			}
			if (leadingZeros) {
				// ::/80: unspecified, IPv4-compatible and IPv4-mapped forms
				return (b[10] == 0 && b[11] == 0) ? false : ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff)
						&& publicV4(new byte[] { b[12], b[13], b[14], b[15] });
			}
			if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
				// 64:ff9b::/96 NAT64: judge the IPv4 address inside
				return publicV4(new byte[] { b[12], b[13], b[14], b[15] });
			}
			return true;
		}
		return false;
	}

	private static boolean publicV4(byte[] b) {
		int a0 = b[0] & 0xff;
		int a1 = b[1] & 0xff;
		int a2 = b[2] & 0xff;
		return !(a0 == 0 || a0 == 10 || a0 == 127 || (a0 == 100 && (a1 & 0xc0) == 64) || (a0 == 169 && a1 == 254)
				|| (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168) || (a0 == 192 && a1 == 0 && a2 == 0)
				|| (a0 == 192 && a1 == 0 && a2 == 2) || (a0 == 198 && (a1 & 0xfe) == 18)
				|| (a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113) || a0 >= 224);
	}

	private static WebhookRefused invalid(String message) {
		return new WebhookRefused(WebhookRefused.Reason.INVALID, "url", message);
	}

}
