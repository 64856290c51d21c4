package io.atrium.platform.web;

import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@code #viewer} in templates: who is looking at the page, read once per page from the
 * security context ({@code #viewer.signedIn()}, {@code #viewer.producer()},
 * {@code #viewer.admin()}). It replaces thymeleaf-extras-springsecurity's
 * {@code sec:authorize}, which parsed and evaluated a Spring Security expression, with
 * its own evaluation context, at every use: the layout's eight were 9 % of a lesson
 * page's CPU samples (JFR, docs/performance.md). A page rendered with no signed-in user
 * (a visitor, an e-mail) sees nobody.
 */
@Component
class ViewerDialect extends AbstractDialect implements IExpressionObjectDialect {

	private static final String NAME = "viewer";

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	private static final IExpressionObjectFactory FACTORY = new IExpressionObjectFactory() {

		@Override
		public Set<String> getAllExpressionObjectNames() {
			return Set.of(NAME);
		}

		@Override
		public Object buildObject(IExpressionContext context, String expressionObjectName) {
			return NAME.equals(expressionObjectName) ? Viewer.current() : null;
		}

		@Override
		public boolean isCacheable(String expressionObjectName) {
			// built once per page
			return true;
		}

	};

	ViewerDialect() {
		super("atrium-viewer");
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return FACTORY;
	}

	/**
	 * Who is looking at a page.
	 *
	 * @param signedIn whether someone is signed in (Spring Security's
	 * {@code isAuthenticated()}: not anonymous)
	 * @param producer whether they are a producer ({@code hasRole('PRODUCER')})
	 * @param admin whether they are a platform admin ({@code hasRole('ADMIN')})
	 */
	record Viewer(boolean signedIn, boolean producer, boolean admin) {

		static final Viewer NOBODY = new Viewer(false, false, false);

		static Viewer current() {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (!TRUST.isAuthenticated(authentication)) {
				return NOBODY;
			}
			boolean producer = false;
			boolean admin = false;
			for (GrantedAuthority authority : authentication.getAuthorities()) {
				producer |= "ROLE_PRODUCER".equals(authority.getAuthority());
				admin |= "ROLE_ADMIN".equals(authority.getAuthority());
			}
			return new Viewer(true, producer, admin);
		}

	}

}
