package io.atrium.dashboard;

/**
 * Whether a producer has set their brand (logo, colours): the module that owns branding
 * implements this as a bean so the dashboard's "what to do next" can tick the step off.
 * Without such a bean the step shows as not done.
 */
public interface BrandingStatus {

	/**
	 * @param producerAccountId a producer
	 * @return whether the producer has set any branding
	 */
	boolean branded(long producerAccountId);

}
