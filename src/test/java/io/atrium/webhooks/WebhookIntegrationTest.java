package io.atrium.webhooks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.atrium.support.AtriumIntegrationTest;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * An {@link AtriumIntegrationTest} whose webhooks may reach receivers on 127.0.0.1 over
 * plain HTTP, with short timeouts and claims (every class using it shares one
 * application).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@AtriumIntegrationTest
@AutoConfigureTestRestTemplate
@TestPropertySource(properties = { "atrium.webhooks.allow-private-addresses=true", "atrium.webhooks.allow-http=true",
		"atrium.webhooks.connect-timeout=1s", "atrium.webhooks.read-timeout=2s", "atrium.webhooks.claim-margin=2s",
		"atrium.webhooks.poll-interval=100ms", "atrium.webhooks.workers=8", "atrium.webhooks.per-endpoint=2",
		"atrium.webhooks.abandoned-cart-scan-every=1h" })
@interface WebhookIntegrationTest {

}
