/*
 * Copyright 2026 the socks5-udp authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.socks5udp.sample;

import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.support.EnvironmentPostProcessorApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults that differ between the two modes of the sample. A run is a quiet command-line
 * tool: no web server, no banner, warnings only, so that standard output holds the
 * summary line alone. With {@code sample.keep-running=true} it is a small service: a web
 * server for Actuator's endpoints, and INFO logging. Any property set anywhere else wins
 * over these.
 *
 * @author socks5-udp authors
 */
class RunModeDefaults implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	/**
	 * Name of the property source with the defaults.
	 */
	static final String PROPERTY_SOURCE = "sampleRunModeDefaults";

	private static final Map<String, Object> RUN = Map.of("spring.main.web-application-type", "none",
			"spring.main.banner-mode", "off", "logging.level.root", "warn",
			// StartupFailures and PingRunner report what the template would warn about
			"logging.level.io.socks5udp", "error");

	private static final Map<String, Object> KEEP_RUNNING = Map.of("spring.main.web-application-type", "servlet",
			"logging.level.root", "info");

	@Override
	public int getOrder() {
		// After application.properties is read, before the logging system starts
		return EnvironmentPostProcessorApplicationListener.DEFAULT_ORDER + 1;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		boolean keepRunning = isKeepRunning(environment);
		environment.getPropertySources()
			.addLast(new MapPropertySource(PROPERTY_SOURCE, keepRunning ? KEEP_RUNNING : RUN));
	}

	private static boolean isKeepRunning(ConfigurableEnvironment environment) {
		try {
			return Binder.get(environment).bind("sample.keep-running", Boolean.class).orElse(false);
		}
		catch (BindException ex) {
			// The binding of SampleProperties reports it, once logging is set up
			return false;
		}
	}

}
