package io.atrium.club.access;

import org.springframework.modulith.NamedInterface;

/**
 * What one group sees of one module or page: whether it sees it at all, when it is
 * released and when it expires. A page's rule, when it has one, overrides its module's;
 * content with no rule is visible, released at once and never expires.
 *
 * @param visible whether the group sees the content
 * @param drip when it is released
 * @param expiration when it closes again
 */
@NamedInterface("access")
public record ContentRule(boolean visible, Drip drip, Expiration expiration) {

	/** The rule of content nobody configured. */
	public static final ContentRule DEFAULT = new ContentRule(true, Drip.IMMEDIATE, Expiration.NEVER);

	public ContentRule {
		if (drip == null || expiration == null) {
			throw new IllegalArgumentException("A rule needs a drip and an expiration.");
		}
	}

	/**
	 * @param visible whether the group sees the content
	 * @return this rule with another visibility
	 */
	public ContentRule withVisible(boolean visible) {
		return new ContentRule(visible, this.drip, this.expiration);
	}

	/**
	 * @param pageRule the page's own rule for the group, or null
	 * @param moduleRule the module's rule for the group, or null
	 * @return the rule that applies to the page
	 */
	public static ContentRule effective(ContentRule pageRule, ContentRule moduleRule) {
		if (pageRule != null) {
			return pageRule;
		}
		return (moduleRule != null) ? moduleRule : DEFAULT;
	}

}
