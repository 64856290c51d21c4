package io.atrium.media;

import java.util.Optional;

/**
 * A producer's brand for the pages their buyers and students see: put it in the model as
 * {@code brand}
 * ({@code model.addAttribute("brand", branding.forProducer(id).orElse(null))}) and the
 * layout shows the logo, the favicon and the colours.
 */
public interface Branding {

	/**
	 * @param producerAccountId a producer
	 * @return their brand, empty when they have not set one
	 */
	Optional<Brand> forProducer(long producerAccountId);

}
