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
package io.socks5udp.test.relay;

import java.io.IOException;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit Jupiter extension that runs an {@link EmbeddedSocks5Relay} around tests and
 * injects it into parameters of that type. Faults are switched off after each test.
 * <p>
 * Either declaratively, with {@link WithEmbeddedSocks5Relay} (or
 * {@code @ExtendWith(EmbeddedSocks5RelayExtension.class)} for the defaults): one relay
 * for the test class. Or programmatically: <pre class="code">
 * &#64;RegisterExtension
 * static EmbeddedSocks5RelayExtension relay = EmbeddedSocks5RelayExtension.create().user("alice", "secret");
 * </pre> A static field gives one relay for the class, an instance field one relay per
 * test; {@link #relay()} returns it. Use one of the two forms per class, not both.
 *
 * @author socks5-udp authors
 */
public final class EmbeddedSocks5RelayExtension
		implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(EmbeddedSocks5RelayExtension.class);

	private static final String DECLARED_KEY = "declared-relay";

	private final @Nullable EmbeddedSocks5RelayBuilder builder;

	private volatile @Nullable EmbeddedSocks5Relay relay;

	/**
	 * Create the extension for {@code @ExtendWith} and {@link WithEmbeddedSocks5Relay}:
	 * the relay is configured from the annotation when present. Use {@link #create()} for
	 * {@code @RegisterExtension}.
	 */
	public EmbeddedSocks5RelayExtension() {
		this.builder = null;
	}

	private EmbeddedSocks5RelayExtension(EmbeddedSocks5RelayBuilder builder) {
		this.builder = builder;
	}

	/**
	 * Create the extension for {@code @RegisterExtension}, with the defaults of
	 * {@link EmbeddedSocks5Relay#builder()}.
	 * @return the extension
	 */
	public static EmbeddedSocks5RelayExtension create() {
		return new EmbeddedSocks5RelayExtension(EmbeddedSocks5Relay.builder());
	}

	/**
	 * Create the extension for {@code @RegisterExtension} with a configured builder.
	 * @param builder the builder of the relay
	 * @return the extension
	 */
	public static EmbeddedSocks5RelayExtension create(EmbeddedSocks5RelayBuilder builder) {
		return new EmbeddedSocks5RelayExtension(Objects.requireNonNull(builder, "'builder' must not be null"));
	}

	/**
	 * Listen on an address given as an IPv4 or IPv6 literal.
	 * @param address the address, for example {@code ::1}
	 * @return this extension
	 * @see EmbeddedSocks5RelayBuilder#bind(String)
	 */
	public EmbeddedSocks5RelayExtension bind(String address) {
		programmatic().bind(address);
		return this;
	}

	/**
	 * Add a user; clients must then authenticate.
	 * @param username the username
	 * @param password the password
	 * @return this extension
	 * @see EmbeddedSocks5RelayBuilder#user(String, String)
	 */
	public EmbeddedSocks5RelayExtension user(String username, String password) {
		programmatic().user(username, password);
		return this;
	}

	/**
	 * Return the running relay of a programmatically registered extension.
	 * @return the relay
	 * @throws IllegalStateException outside of the tests it runs around
	 */
	public EmbeddedSocks5Relay relay() {
		EmbeddedSocks5Relay current = this.relay;
		if (current == null) {
			throw new IllegalStateException("relay: not running (expected: used during a test)");
		}
		return current;
	}

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		startIfAbsent(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		startIfAbsent(context);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		EmbeddedSocks5Relay current = find(context);
		if (current != null) {
			current.faults().reset();
		}
		closeIfStartedIn(context);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		closeIfStartedIn(context);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == EmbeddedSocks5Relay.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		EmbeddedSocks5Relay current = find(extensionContext);
		if (current == null) {
			throw new ParameterResolutionException(
					"No embedded SOCKS5 relay is running for " + parameterContext.getParameter());
		}
		return current;
	}

	private void startIfAbsent(ExtensionContext context) throws IOException {
		if (find(context) != null) {
			return;
		}
		EmbeddedSocks5Relay started = configuredBuilder(context).build().start();
		context.getStore(NAMESPACE).put(key(), started);
		if (this.builder != null) {
			this.relay = started;
		}
	}

	private void closeIfStartedIn(ExtensionContext context) {
		EmbeddedSocks5Relay started = context.getStore(NAMESPACE).remove(key(), EmbeddedSocks5Relay.class);
		if (started != null) {
			started.close();
			if (this.relay == started) {
				this.relay = null;
			}
		}
	}

	private @Nullable EmbeddedSocks5Relay find(ExtensionContext context) {
		return context.getStore(NAMESPACE).get(key(), EmbeddedSocks5Relay.class);
	}

	private Object key() {
		return (this.builder != null) ? this : DECLARED_KEY;
	}

	private EmbeddedSocks5RelayBuilder configuredBuilder(ExtensionContext context) {
		if (this.builder != null) {
			return this.builder;
		}
		EmbeddedSocks5RelayBuilder declared = EmbeddedSocks5Relay.builder();
		WithEmbeddedSocks5Relay annotation = findAnnotation(context.getTestClass().orElse(null));
		if (annotation != null) {
			declared.bind(annotation.bind());
			for (String user : annotation.users()) {
				int colon = user.indexOf(':');
				if (colon < 0) {
					throw new IllegalArgumentException("users: an entry without ':' (expected: name:password)");
				}
				declared.user(user.substring(0, colon), user.substring(colon + 1));
			}
		}
		return declared;
	}

	private static @Nullable WithEmbeddedSocks5Relay findAnnotation(@Nullable Class<?> testClass) {
		for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
			WithEmbeddedSocks5Relay annotation = AnnotationSupport.findAnnotation(type, WithEmbeddedSocks5Relay.class)
				.orElse(null);
			if (annotation != null) {
				return annotation;
			}
		}
		return null;
	}

	private EmbeddedSocks5RelayBuilder programmatic() {
		if (this.builder == null) {
			throw new IllegalStateException(
					"extension: declared (expected: created with EmbeddedSocks5RelayExtension.create())");
		}
		return this.builder;
	}

}
