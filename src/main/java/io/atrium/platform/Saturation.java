package io.atrium.platform;

import java.sql.SQLTransientConnectionException;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Tells a request that failed because Atrium is saturated (no database connection came
 * free within the pool's {@code connection-timeout}) from any other failure: such a
 * request is answered 503 with {@code Retry-After}, never 500.
 */
public final class Saturation {

	/** What {@code Retry-After} says when Atrium is saturated, in seconds. */
	public static final long RETRY_AFTER_SECONDS = 2;

	private Saturation() {
	}

	/**
	 * @param failure any exception
	 * @return whether it, or one of its causes, is a connection pool timeout
	 */
	public static boolean isSaturation(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof CannotGetJdbcConnectionException || cause instanceof SQLTransientConnectionException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
