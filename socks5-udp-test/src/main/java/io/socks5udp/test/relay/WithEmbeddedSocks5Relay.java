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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs an {@link EmbeddedSocks5Relay} around the tests of a class: started before all of
 * them, closed after all of them, its faults switched off after each test. Tests and
 * lifecycle methods get it as a parameter of type {@link EmbeddedSocks5Relay}.
 * <pre class="code">
 * &#64;WithEmbeddedSocks5Relay(users = "alice:secret")
 * class MyTests {
 *
 *     &#64;Test
 *     void relays(EmbeddedSocks5Relay relay) {
 *         // connect to relay.host() and relay.port()
 *     }
 *
 * }
 * </pre>
 *
 * @author socks5-udp authors
 * @see EmbeddedSocks5RelayExtension
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedSocks5RelayExtension.class)
public @interface WithEmbeddedSocks5Relay {

	/**
	 * The address to listen on, an IPv4 or IPv6 literal.
	 * @return the address
	 */
	String bind() default "127.0.0.1";

	/**
	 * Users, each as {@code name:password}; when any is given, clients must authenticate
	 * with username/password.
	 * @return the users
	 */
	String[] users() default {};

}
