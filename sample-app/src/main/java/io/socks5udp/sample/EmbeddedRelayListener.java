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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.socks5udp.autoconfigure.Socks5UdpProperties;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.UdpEchoServer;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded default: when no SOCKS5 server is configured (or
 * {@code sample.embedded=true}), starts the embedded relay of socks5-udp-test and, unless
 * {@code sample.target} is set, a UDP echo server, both on loopback. Then points the
 * starter at them with properties that win over all others: server {@value #SERVER},
 * rules that send every destination through it, and the echo server as
 * {@code sample.target}.
 * <p>
 * A listener rather than a bean, because the relay must listen before the starter binds
 * {@code socks5.udp.*}. Once the application context exists, the relay and the echo
 * server become beans of it, so that they close after the template has closed its
 * associations; they close at once if the application fails to start.
 *
 * @author socks5-udp authors
 */
class EmbeddedRelayListener implements SmartApplicationListener {

	/**
	 * Logical name of the embedded relay in {@code socks5.udp.servers}.
	 */
	static final String SERVER = "embedded";

	/**
	 * Name of the property source that points the starter at the embedded relay.
	 */
	static final String PROPERTY_SOURCE = "sampleEmbeddedRelay";

	private @Nullable EmbeddedSocks5Relay relay;

	private @Nullable UdpEchoServer echo;

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType)
				|| ApplicationPreparedEvent.class.isAssignableFrom(eventType)
				|| ApplicationFailedEvent.class.isAssignableFrom(eventType);
	}

	@Override
	public int getOrder() {
		// After logging is set up, so that a wrong value is reported as any other
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			if (isWanted(prepared.getEnvironment())) {
				start(prepared.getEnvironment());
			}
		}
		else if (event instanceof ApplicationPreparedEvent prepared) {
			handOver((GenericApplicationContext) prepared.getApplicationContext());
		}
		else {
			close();
		}
	}

	private static boolean isWanted(ConfigurableEnvironment environment) {
		if (environment.getProperty(AbstractAotProcessor.AOT_PROCESSING, Boolean.class, false)) {
			// Ahead-of-time processing only prepares the context: there is nothing to
			// relay, and a bean registered with an instance (as the relay is) cannot
			// become code
			return false;
		}
		Binder binder = Binder.get(environment);
		Boolean embedded = binder.bind("sample.embedded", Boolean.class).orElse(null);
		if (embedded != null) {
			return embedded;
		}
		return !binder.bind("socks5.udp", Socks5UdpProperties.class)
			.map(EmbeddedRelayListener::hasServers)
			.orElse(false);
	}

	private static boolean hasServers(Socks5UdpProperties properties) {
		return !properties.getServers().isEmpty() || !properties.getRules().isEmpty()
				|| properties.getConfigFile() != null;
	}

	private void start(ConfigurableEnvironment environment) {
		try {
			this.relay = EmbeddedSocks5Relay.builder().build().start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the embedded SOCKS5 relay", ex);
		}
		Map<String, Object> properties = new LinkedHashMap<>(this.relay.springProperties(SERVER));
		properties.put("socks5.udp.rules[0].destination", "0.0.0.0/0");
		properties.put("socks5.udp.rules[0].server", SERVER);
		properties.put("socks5.udp.rules[1].destination", "::/0");
		properties.put("socks5.udp.rules[1].server", SERVER);
		if (!environment.containsProperty("sample.target")) {
			this.echo = UdpEchoServer.startIpv4();
			properties.put("sample.target", this.echo.host() + ":" + this.echo.port());
		}
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
	}

	private void handOver(GenericApplicationContext context) {
		// As beans, AutoCloseable objects are closed when the context closes
		if (this.relay != null) {
			EmbeddedSocks5Relay relay = this.relay;
			context.registerBean("embeddedSocks5Relay", EmbeddedSocks5Relay.class, () -> relay);
		}
		if (this.echo != null) {
			UdpEchoServer echo = this.echo;
			context.registerBean("udpEchoServer", UdpEchoServer.class, () -> echo);
		}
	}

	private void close() {
		if (this.echo != null) {
			this.echo.close();
		}
		if (this.relay != null) {
			this.relay.close();
		}
	}

}
