package io.atrium.api.web;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the input checks every request passes ({@link HostileInputFilter}, ahead of
 * security), the JSON reading limits ({@link InputLimitsJacksonModule}) and the API's
 * answer to the container's error dispatch ({@link ApiErrorDispatchFilter}).
 */
@Configuration(proxyBeanMethods = false)
class InputLimitsConfiguration {

	@Bean
	InputLimitsJacksonModule inputLimitsJacksonModule() {
		return new InputLimitsJacksonModule();
	}

	@Bean
	FilterRegistrationBean<HostileInputFilter> hostileInputFilter(JsonMapper json) {
		FilterRegistrationBean<HostileInputFilter> registration = new FilterRegistrationBean<>(
				new HostileInputFilter(new ApiErrorWriter(json)));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ApiErrorDispatchFilter> apiErrorDispatchFilter(JsonMapper json) {
		FilterRegistrationBean<ApiErrorDispatchFilter> registration = new FilterRegistrationBean<>(
				new ApiErrorDispatchFilter(new ApiErrorWriter(json)));
		registration.setDispatcherTypes(jakarta.servlet.DispatcherType.ERROR);
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 20);
		return registration;
	}

}
