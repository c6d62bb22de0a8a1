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

package io.socks5udp.observation;

/**
 * The names of every meter and observation of socks5-udp and of their tags, in one place,
 * so that new meters follow the same rules:
 * <ul>
 * <li>names are lower-case words separated by dots, under {@value #PREFIX};</li>
 * <li>a name never carries its unit: the unit is the meter's base unit (payload sizes in
 * {@code bytes}, times in seconds through timers), which registries such as Prometheus
 * append once, as in {@code socks5_udp_sent_bytes_total};</li>
 * <li>counters are not suffixed with {@code total} or {@code count}, registries add
 * that;</li>
 * <li>tag keys are single lower-case words ({@value #SERVER}, {@value #OUTCOME}, ...) and
 * their values lower-case, words separated by hyphens; every tag is of low
 * cardinality.</li>
 * </ul>
 *
 * @author socks5-udp authors
 */
public final class Socks5UdpTelemetryNames {

	/** Prefix of every meter and observation name. */
	public static final String PREFIX = "socks5.udp";

	/** Counter of datagrams sent. */
	public static final String DATAGRAMS_SENT = PREFIX + ".datagrams.sent";

	/** Counter of datagrams received. */
	public static final String DATAGRAMS_RECEIVED = PREFIX + ".datagrams.received";

	/** Counter of datagrams dropped, tagged {@value #REASON}. */
	public static final String DATAGRAMS_DROPPED = PREFIX + ".datagrams.dropped";

	/** Counter of payload bytes sent, base unit bytes. */
	public static final String SENT = PREFIX + ".sent";

	/** Counter of payload bytes received, base unit bytes. */
	public static final String RECEIVED = PREFIX + ".received";

	/** Gauge: 1 while a server's association is up, else 0. */
	public static final String ASSOCIATIONS_ACTIVE = PREFIX + ".associations.active";

	/** Timer of connecting and the handshake, tagged {@value #OUTCOME}. */
	public static final String HANDSHAKE = PREFIX + ".handshake";

	/** Counter of attempts to re-establish an association, tagged {@value #OUTCOME}. */
	public static final String RECONNECTS = PREFIX + ".reconnects";

	/** Counter of reloads of a watched socks5c.conf file, tagged {@value #OUTCOME}. */
	public static final String REGISTRY_RELOADS = PREFIX + ".registry.reloads";

	/** Gauge of the rules in use. */
	public static final String REGISTRY_RULES = PREFIX + ".registry.rules";

	/**
	 * Counter of the times a rule's traffic moved away from a failed server, tagged
	 * {@value #SERVER} and {@value #RULE}.
	 */
	public static final String FAILOVERS = PREFIX + ".failovers";

	/**
	 * Counter of the times a server took a rule's traffic back, tagged {@value #SERVER}
	 * and {@value #RULE}.
	 */
	public static final String FAILOVER_RETURNS = PREFIX + ".failover.returns";

	/** Observation of one attempt to open a server's association. */
	public static final String ASSOCIATE_OBSERVATION = PREFIX + ".associate";

	/** Observation of one request/reply exchange. */
	public static final String REQUEST_OBSERVATION = PREFIX + ".request";

	/** Tag: the server's logical name, {@code DIRECT} for the direct route. */
	public static final String SERVER = "server";

	/** Tag: a rule with alternatives, named by its servers in order ({@code a,b}). */
	public static final String RULE = "rule";

	/** Tag: how an operation ended. */
	public static final String OUTCOME = "outcome";

	/** Tag: why a datagram was dropped. */
	public static final String REASON = "reason";

	/** Tag: the SOCKS5 error ({@code S5_*}) or exception class of a failure. */
	public static final String ERROR = "error";

	/**
	 * Key of an association attempt's observation: the {@code S5_*} name or exception
	 * class of a failure. Not {@value #ERROR}, which Micrometer's meter handler sets to
	 * the exception class itself.
	 */
	public static final String CODE = "code";

	/** Tag: whether an association attempt re-establishes one after a failure. */
	public static final String REASSOCIATION = "reassociation";

	/** Outcome of an operation that succeeded. */
	public static final String SUCCESS = "success";

	/** Outcome of an operation that failed. */
	public static final String FAILURE = "failure";

	/** Outcome of a request whose reply did not come in time. */
	public static final String TIMEOUT = "timeout";

	/** Outcome of a request that its caller cancelled. */
	public static final String CANCELLED = "cancelled";

	/** Outcome of an operation still under way. */
	public static final String UNKNOWN = "unknown";

	/** Value of {@value #ERROR} or {@value #CODE} when there was none. */
	public static final String NONE = "none";

	private Socks5UdpTelemetryNames() {
	}

}
