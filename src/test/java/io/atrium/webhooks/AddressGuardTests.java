package io.atrium.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which URLs and addresses webhooks may go to.
 */
class AddressGuardTests {

	private final AddressGuard production = new AddressGuard(false, false);

	@Test
	void privateLoopbackLinkLocalMetadataAndReservedAddressesAreNotPublic() throws UnknownHostException {
		for (String address : new String[] { "127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.1",
				"169.254.169.254", "100.64.0.1", "100.100.100.200", "0.0.0.0", "224.0.0.1", "255.255.255.255",
				"192.0.2.1", "198.18.0.1", "::1", "::", "fe80::1", "fd00:ec2::254", "fc00::1", "::ffff:10.0.0.1",
				"64:ff9b::a00:1", "2001:db8::1" }) {
			assertThat(AddressGuard.isPublic(InetAddress.getByName(address))).as(address).isFalse();
		}
		for (String address : new String[] { "8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
				"64:ff9b::808:808" }) {
			assertThat(AddressGuard.isPublic(InetAddress.getByName(address))).as(address).isTrue();
		}
	}

	@Test
	void urlsMustBeHttpsWithAHostAndNoCredentials() {
		assertThat(this.production.parse(" https://hooks.example.com/atrium?x=1 ").getHost())
			.isEqualTo("hooks.example.com");
		assertRefused("http://hooks.example.com/", "must start with https://");
		assertRefused("ftp://hooks.example.com/", "must start with https://");
		assertRefused("https://user:pw@hooks.example.com/", "user name or password");
		assertRefused("https:///path", "no host");
		assertRefused("https://hooks.example.com/#x", "fragment");
		assertRefused("not a url", "not valid");
		assertRefused("", "required");
		assertThat(new AddressGuard(false, true).parse("http://hooks.example.com/").getScheme()).isEqualTo("http");
	}

	@Test
	void aHostResolvingToAPrivateAddressIsRefusedUnlessAllowed() {
		URI local = URI.create("https://127.0.0.1:8443/hook");
		assertThatThrownBy(() -> this.production.resolve(local)).isInstanceOfSatisfying(WebhookRefused.class, (ex) -> {
			assertThat(ex.reason()).isEqualTo(WebhookRefused.Reason.ADDRESS_NOT_ALLOWED);
			assertThat(ex.getMessage()).contains("127.0.0.1").contains("only sent to public addresses");
		});
		assertThat(new AddressGuard(true, true).resolve(local)).hasSize(1);
		assertThat(this.production.resolve(URI.create("https://8.8.8.8/"))).hasSize(1);
	}

	private void assertRefused(String url, String message) {
		assertThatThrownBy(() -> this.production.parse(url)).isInstanceOfSatisfying(WebhookRefused.class, (ex) -> {
			assertThat(ex.reason()).isEqualTo(WebhookRefused.Reason.INVALID);
			assertThat(ex.getMessage()).contains(message);
		});
	}

}
