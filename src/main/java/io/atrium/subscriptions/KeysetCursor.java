package io.atrium.subscriptions;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A keyset position in a list, as an opaque, URL-safe token: the sort key of the item a
 * page ends (or starts) at, and which way to go from it. A page after a position holds
 * the items that follow it; a page before holds the items that precede it. Tokens are
 * Base64url (no padding) of a small JSON such as {@code {"list":"subscriptions","after":[
 * 1767225600000000,42]}}; each list names itself, so a token of one list is refused by
 * another.
 *
 * @param list the list the position belongs to
 * @param backward whether the page is the one before the position
 * @param key the sort key of the item at the position
 */
public record KeysetCursor(String list, boolean backward, long[] key) {

	private static final Pattern SHAPE = Pattern
		.compile("\\{\"list\":\"([a-z]{1,20})\",\"(after|before)\":\\[(-?\\d{1,19}(?:,-?\\d{1,19}){0,3})\\]\\}");

	/**
	 * @param list the list
	 * @param key the sort key of the last item of the page
	 * @return the position of the next page
	 */
	public static KeysetCursor after(String list, long... key) {
		return new KeysetCursor(list, false, key.clone());
	}

	/**
	 * @param list the list
	 * @param key the sort key of the first item of the page
	 * @return the position of the previous page
	 */
	public static KeysetCursor before(String list, long... key) {
		return new KeysetCursor(list, true, key.clone());
	}

	/**
	 * Reads a token.
	 * @param list the list it must belong to
	 * @param size the number of values in the list's sort key
	 * @param token the token, may be null or blank for the first page
	 * @return the position, or null for the first page
	 * @throws InvalidCursor when the token was not issued for this list
	 */
	public static KeysetCursor parse(String list, int size, String token) {
		if (token == null || token.isBlank()) {
			return null;
		}
		String text = token.strip();
		if (text.length() <= 200) {
			try {
				String json = new String(Base64.getUrlDecoder().decode(text.replace('+', '-').replace('/', '_')),
						StandardCharsets.UTF_8);
				Matcher m = SHAPE.matcher(json);
				if (m.matches() && m.group(1).equals(list)) {
					long[] key = Arrays.stream(m.group(3).split(",")).mapToLong(Long::parseLong).toArray();
					if (key.length == size) {
						return new KeysetCursor(list, m.group(2).equals("before"), key);
					}
				}
			}
			catch (IllegalArgumentException ex) {
				// not Base64, or a number out of range: answered below
			}
		}
		throw new InvalidCursor();
	}

	/**
	 * @return the token
	 */
	public String token() {
		String values = String.join(",", Arrays.stream(this.key).mapToObj(Long::toString).toList());
		String json = "{\"list\":\"" + this.list + "\",\"" + (this.backward ? "before" : "after") + "\":[" + values
				+ "]}";
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @param index which value of the sort key
	 * @return that value
	 */
	public long value(int index) {
		return this.key[index];
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof KeysetCursor that && this.list.equals(that.list) && this.backward == that.backward
				&& Arrays.equals(this.key, that.key);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * this.list.hashCode() + Boolean.hashCode(this.backward)) + Arrays.hashCode(this.key);
	}

	@Override
	public String toString() {
		return token();
	}

	/** A page token this list did not issue. */
	public static class InvalidCursor extends IllegalArgumentException {

		InvalidCursor() {
			super("The page token is not valid; pass the next_page_token or prev_page_token of a page of this list.");
		}

	}

}
