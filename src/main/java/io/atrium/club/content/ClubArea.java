package io.atrium.club.content;

/**
 * A producer's members area.
 *
 * @param producerAccountId the producer
 * @param subdomain the area's address, {@code /club/{subdomain}} (a real subdomain maps
 * onto it behind a proxy, see docs/club.md)
 * @param name the name students see
 */
public record ClubArea(long producerAccountId, String subdomain, String name) {

	/**
	 * @return the area's path, {@code /club/{subdomain}}
	 */
	public String path() {
		return "/club/" + this.subdomain;
	}

}
