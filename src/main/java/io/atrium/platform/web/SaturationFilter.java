package io.atrium.platform.web;

import java.io.IOException;

import io.atrium.platform.BusyAnswers;
import io.atrium.platform.Saturation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter: a request that failed because no database connection came free in
 * time (anywhere: the session store, authentication, a controller) is answered 503 with
 * {@code Retry-After} instead of 500 (see {@link BusyAnswers}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SaturationFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(SaturationFilter.class);

	private final BusyAnswers busy;

	SaturationFilter(BusyAnswers busy) {
		this.busy = busy;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!Saturation.isSaturation(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("No database connection for {} {} in time; answered 503", request.getMethod(),
					request.getRequestURI());
			this.busy.write(request, response, Saturation.RETRY_AFTER_SECONDS);
		}
	}

}
