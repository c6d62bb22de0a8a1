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
package io.socks5udp.test.reliability;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The threads of associations, found by name: every association names its threads
 * {@code socks5-udp-<role>-<association name>}.
 *
 * @author socks5-udp authors
 */
final class AssociationThreads {

	/** Prefix of the names of every thread the core starts. */
	static final String PREFIX = "socks5-udp-";

	private static final AtomicInteger names = new AtomicInteger();

	private AssociationThreads() {
	}

	/**
	 * Return a name for an association that no other test uses.
	 * @param purpose what the association is for
	 * @return the name
	 */
	static String uniqueName(String purpose) {
		return "reliability-" + purpose + "-" + names.incrementAndGet();
	}

	/**
	 * Return the live threads of the core.
	 * @return the threads whose name starts with {@value #PREFIX}
	 */
	static Set<Thread> snapshot() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && thread.getName().startsWith(PREFIX))
			.collect(Collectors.toSet());
	}

	/**
	 * Return the names of the live threads of one association.
	 * @param associationName the association's name
	 * @return the thread names
	 */
	static Set<String> of(String associationName) {
		return snapshot().stream()
			.map(Thread::getName)
			.filter((name) -> name.endsWith("-" + associationName))
			.collect(Collectors.toSet());
	}

	/**
	 * Wait until no thread of the core is alive that was not alive before.
	 * @param before the threads alive before
	 */
	static void assertNoneLeftBehind(Set<Thread> before) {
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(10))
			.untilAsserted(
					() -> assertThat(snapshot()).as("threads of the core left behind").allMatch(before::contains));
	}

	/**
	 * Wait until no thread of an association is alive.
	 * @param associationName the association's name
	 */
	static void assertGone(String associationName) {
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(10))
			.untilAsserted(
					() -> assertThat(of(associationName)).as("threads of association %s", associationName).isEmpty());
	}

}
