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

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of an {@link EmbeddedSocks5Relay}: associations, datagrams relayed each way
 * and datagrams refused, by reason. Thread-safe; the counts only grow while the relay
 * runs.
 *
 * @author socks5-udp authors
 */
public final class RelayCounters {

	private final LongAdder associationsOpened = new LongAdder();

	private final LongAdder associationsRefused = new LongAdder();

	private final AtomicLong activeAssociations = new AtomicLong();

	private final LongAdder connectionsRefused = new LongAdder();

	private final LongAdder acceptFailures = new LongAdder();

	private final LongAdder datagramsToDestinations = new LongAdder();

	private final LongAdder bytesToDestinations = new LongAdder();

	private final LongAdder datagramsToClients = new LongAdder();

	private final LongAdder bytesToClients = new LongAdder();

	private final LongAdder datagramsDelayed = new LongAdder();

	private final Map<RefusalReason, LongAdder> refused = new EnumMap<>(RefusalReason.class);

	RelayCounters() {
		for (RefusalReason reason : RefusalReason.values()) {
			this.refused.put(reason, new LongAdder());
		}
	}

	/**
	 * Return how many associations the relay opened (UDP ASSOCIATE answered with X'00').
	 * @return the number of associations opened
	 */
	public long associationsOpened() {
		return this.associationsOpened.sum();
	}

	/**
	 * Return how many handshakes ended without an association: no acceptable method,
	 * failed authentication, another command, or a reply code set as a fault.
	 * @return the number of refused handshakes
	 */
	public long associationsRefused() {
		return this.associationsRefused.sum();
	}

	/**
	 * Return how many associations are open now.
	 * @return the number of open associations
	 */
	public long activeAssociations() {
		return this.activeAssociations.get();
	}

	/**
	 * Return how many connections the relay closed as soon as it accepted them, because
	 * it was serving as many as it may at a time.
	 * @return the number of refused connections
	 * @see EmbeddedSocks5RelayBuilder#maxConnections(int)
	 */
	public long connectionsRefused() {
		return this.connectionsRefused.sum();
	}

	/**
	 * Return how many times accepting a connection failed, out of descriptors for
	 * example. The relay pauses after each failure, longer after each in a row.
	 * @return the number of failed accepts
	 */
	public long acceptFailures() {
		return this.acceptFailures.sum();
	}

	/**
	 * Return how many datagrams the relay sent to destinations.
	 * @return the number of datagrams relayed from clients
	 */
	public long datagramsToDestinations() {
		return this.datagramsToDestinations.sum();
	}

	/**
	 * Return how many payload bytes the relay sent to destinations.
	 * @return the number of bytes relayed from clients
	 */
	public long bytesToDestinations() {
		return this.bytesToDestinations.sum();
	}

	/**
	 * Return how many datagrams the relay sent to clients.
	 * @return the number of datagrams relayed from destinations
	 */
	public long datagramsToClients() {
		return this.datagramsToClients.sum();
	}

	/**
	 * Return how many bytes (header included) the relay sent to clients.
	 * @return the number of bytes relayed from destinations
	 */
	public long bytesToClients() {
		return this.bytesToClients.sum();
	}

	/**
	 * Return how many datagrams were held back by {@link RelayFaults#delayDatagrams}
	 * (counted when held, and again in the datagrams relayed when sent).
	 * @return the number of delayed datagrams
	 */
	public long datagramsDelayed() {
		return this.datagramsDelayed.sum();
	}

	/**
	 * Return how many datagrams were refused for a reason.
	 * @param reason the reason
	 * @return the number of datagrams refused for that reason
	 */
	public long refused(RefusalReason reason) {
		Objects.requireNonNull(reason, "'reason' must not be null");
		return Objects.requireNonNull(this.refused.get(reason)).sum();
	}

	/**
	 * Return how many datagrams were refused, for any reason.
	 * @return the number of refused datagrams
	 */
	public long refusedTotal() {
		long total = 0;
		for (LongAdder count : this.refused.values()) {
			total += count.sum();
		}
		return total;
	}

	/**
	 * Return a snapshot of every counter, keyed by name ({@code associations-opened},
	 * {@code datagrams-to-destinations}, {@code refused.foreign-source}, ...), in a
	 * stable order.
	 * @return the counters
	 */
	public Map<String, Long> asMap() {
		Map<String, Long> map = new LinkedHashMap<>();
		map.put("associations-opened", associationsOpened());
		map.put("associations-refused", associationsRefused());
		map.put("associations-active", activeAssociations());
		map.put("connections-refused", connectionsRefused());
		map.put("accept-failures", acceptFailures());
		map.put("datagrams-to-destinations", datagramsToDestinations());
		map.put("bytes-to-destinations", bytesToDestinations());
		map.put("datagrams-to-clients", datagramsToClients());
		map.put("bytes-to-clients", bytesToClients());
		map.put("datagrams-delayed", datagramsDelayed());
		for (Map.Entry<RefusalReason, LongAdder> entry : this.refused.entrySet()) {
			map.put("refused." + entry.getKey().tag(), entry.getValue().sum());
		}
		return map;
	}

	/**
	 * Return the counters on one line, {@code name=value} separated by spaces.
	 * @return the counters
	 */
	@Override
	public String toString() {
		StringBuilder line = new StringBuilder();
		asMap().forEach((name, value) -> {
			if (line.length() > 0) {
				line.append(' ');
			}
			line.append(name).append('=').append(value);
		});
		return line.toString();
	}

	void associationOpened() {
		this.associationsOpened.increment();
		this.activeAssociations.incrementAndGet();
	}

	void associationClosed() {
		this.activeAssociations.decrementAndGet();
	}

	void associationRefused() {
		this.associationsRefused.increment();
	}

	void connectionRefused() {
		this.connectionsRefused.increment();
	}

	void acceptFailed() {
		this.acceptFailures.increment();
	}

	void toDestination(int datagrams, int bytes) {
		this.datagramsToDestinations.add(datagrams);
		this.bytesToDestinations.add(bytes);
	}

	void toClient(int datagrams, int bytes) {
		this.datagramsToClients.add(datagrams);
		this.bytesToClients.add(bytes);
	}

	void delayed() {
		this.datagramsDelayed.increment();
	}

	void refuse(RefusalReason reason) {
		// Every reason has its adder from the constructor on
		Objects.requireNonNull(this.refused.get(reason)).increment();
	}

}
