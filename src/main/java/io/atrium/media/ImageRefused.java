package io.atrium.media;

import java.util.List;

/**
 * An upload that is not accepted; nothing was stored. Pages show {@link #messageKey()}
 * (the media bundle) with {@link #args()}.
 */
public class ImageRefused extends RuntimeException {

	private final Reason reason;

	private final List<Object> args;

	/**
	 * @param reason why
	 * @param message the same in English, for logs and API answers
	 * @param args the message's arguments
	 */
	public ImageRefused(Reason reason, String message, Object... args) {
		super(message);
		this.reason = reason;
		this.args = List.of(args);
	}

	/**
	 * @return why
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * @return the message key, {@code media.refused.<reason>}
	 */
	public String messageKey() {
		return "media.refused." + this.reason.name().toLowerCase().replace('_', '-');
	}

	/**
	 * @return the message's arguments
	 */
	public List<Object> args() {
		return this.args;
	}

	/** Why an upload is refused. */
	public enum Reason {

		/** No bytes at all. */
		EMPTY,

		/** More bytes than the purpose allows (argument: the limit in MB). */
		TOO_LARGE,

		/** Not a PNG, JPEG or WebP file, judged by its content. */
		TYPE,

		/** Too many pixels (arguments: the limit in megapixels). */
		TOO_MANY_PIXELS,

		/** Starts like an image but cannot be decoded. */
		UNREADABLE

	}

}
