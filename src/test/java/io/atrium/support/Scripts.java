package io.atrium.support;

/**
 * The JavaScript the {@link Browser} runs in the page to find things the way a person
 * would: by label and by visible text.
 */
final class Scripts {

	private static final String NORM = """
			const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim().replace(/[\\s*:]+$/, '').toLowerCase();
			const visible = (e) => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
			const mainFirst = (list) => { const m = list.filter((e) => e.closest('main')); return (m.length ? m : list)[0] || null; };
			""";

	/** Argument: label text, aria-label or id. Returns the form control or null. */
	static final String FIELD = NORM + """
			const want = norm(arguments[0]);
			const byId = document.getElementById(arguments[0]);
			if (byId) return byId;
			const labelled = Array.from(document.querySelectorAll('label'))
			    .filter((l) => l.control && norm(l.textContent) === want).map((l) => l.control);
			const named = Array.from(document.querySelectorAll('[aria-label]'))
			    .filter((e) => norm(e.getAttribute('aria-label')) === want);
			return mainFirst(labelled.concat(named));
			""";

	/** Returns the text of every label on the page, for error messages. */
	static final String LABELS = """
			return Array.from(document.querySelectorAll('label')).map((l) => l.textContent.replace(/\\s+/g, ' ').trim());
			""";

	private static final String CLICKABLES = """
			const all = Array.from(document.querySelectorAll('a[href], button, input[type=submit], input[type=button], '
			    + '[role=button], [role=link], [role=tab], [role=menuitem], summary')).filter(visible);
			const label = (e) => norm(e.tagName === 'INPUT' ? e.value : e.innerText);
			""";

	/** Argument: visible text or aria-label. Returns the link or button, or null. */
	static final String CLICKABLE = NORM + CLICKABLES + """
			const want = norm(arguments[0]);
			return mainFirst(all.filter((e) => label(e) === want || norm(e.getAttribute('aria-label')) === want));
			""";

	/** Returns the text of every visible link and button, for error messages. */
	static final String CLICKABLE_TEXTS = NORM + CLICKABLES + """
			return all.map(label).filter((t) => t);
			""";

	/**
	 * Argument: an element. Whether clicking it leaves the page (link or form
	 * submission).
	 */
	static final String LEAVES_PAGE = """
			const e = arguments[0];
			if (e.closest('[hx-get], [hx-post], [hx-put], [hx-patch], [hx-delete], [hx-boost]')) return false;
			const a = e.closest('a[href]');
			if (a) {
			  const href = a.getAttribute('href');
			  return !href.startsWith('#') && !href.startsWith('javascript:') && a.target !== '_blank';
			}
			const b = e.closest('button, input[type=submit], input[type=image]');
			return !!(b && b.form && (b.type === 'submit' || b.type === 'image') && b.form.target !== '_blank');
			""";

	/** Argument: an element. Whether it shows a focus indicator. */
	static final String VISIBLE_FOCUS = """
			const e = arguments[0];
			const style = getComputedStyle(e);
			const box = e.getBoundingClientRect();
			const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
			const shadow = style.boxShadow && style.boxShadow !== 'none';
			return e.matches(':focus-visible') && box.width > 1 && box.height > 1 && (outline || shadow);
			""";

	/**
	 * Returns the elements sticking out to the right of the viewport, when the page
	 * scrolls sideways.
	 */
	static final String OVERFLOW = """
			// a phone widens its layout viewport (innerWidth) to fit wide content; clientWidth stays the screen's
			const width = Math.min(window.innerWidth, document.documentElement.clientWidth);
			if (document.documentElement.scrollWidth <= width) return [];
			// what sticks out inside a box that scrolls or clips (a .table-responsive) is that box's business,
			// unless nothing else does (an absolutely positioned child escapes a box that is not positioned)
			const clipped = (e) => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
			    if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };
			const out = Array.from(document.body.querySelectorAll('*')).filter((e) => e.getBoundingClientRect().right > width + 0.5);
			const unclipped = out.filter((e) => !clipped(e));
			return (unclipped.length ? unclipped : out)
			    .slice(0, 8)
			    .map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
			        + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
			        + ' (right edge ' + Math.round(e.getBoundingClientRect().right) + 'px)')
			    .concat(['page is ' + document.documentElement.scrollWidth + 'px wide, viewport ' + width + 'px']);
			""";

	/**
	 * Returns the height of the page's {@code <header>} in pixels and the viewport's
	 * height, or an empty list when the page has no header.
	 */
	static final String HEADER_HEIGHT = """
			const header = document.querySelector('body > header');
			if (!header) return [];
			return [header.getBoundingClientRect().height, window.innerHeight];
			""";

	private Scripts() {
	}

}
