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

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Context of the observation of one request/reply exchange: from before the request is
 * sent until its reply arrives, it times out, fails or is cancelled.
 *
 * @author socks5-udp authors
 * @see Socks5UdpObservationDocumentation#REQUEST
 */
public class Socks5UdpRequestObservationContext extends Observation.Context {

	private String serverName;

	private final String destination;

	private @Nullable Outcome outcome;

	/**
	 * Create the context of a request.
	 * @param serverName the logical name of the server the request goes through, or
	 * {@code DIRECT}
	 * @param destination the destination as {@code host:port}
	 */
	public Socks5UdpRequestObservationContext(String serverName, String destination) {
		this.serverName = serverName;
		this.destination = destination;
	}

	/**
	 * Return the logical name of the server the request goes through.
	 * @return the server name, or {@code DIRECT}
	 */
	public String getServerName() {
		return this.serverName;
	}

	/**
	 * Set the server that took the request: for a rule with several servers, the one its
	 * failover chose, which is known only once the request went out.
	 * @param serverName the logical name of the server, or {@code DIRECT}
	 */
	public void setServerName(String serverName) {
		this.serverName = serverName;
	}

	/**
	 * Return the destination of the request.
	 * @return the destination as {@code host:port}
	 */
	public String getDestination() {
		return this.destination;
	}

	/**
	 * Return how the exchange ended.
	 * @return the outcome, or {@code null} while it is under way
	 */
	public @Nullable Outcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Set how the exchange ended.
	 * @param outcome the outcome
	 */
	public void setOutcome(@Nullable Outcome outcome) {
		this.outcome = outcome;
	}

	/**
	 * How a request/reply exchange ended.
	 */
	public enum Outcome {

		/** The reply arrived. */
		SUCCESS(Socks5UdpTelemetryNames.SUCCESS),

		/** No reply arrived within the timeout. */
		TIMEOUT(Socks5UdpTelemetryNames.TIMEOUT),

		/** The request could not be sent or the wait for its reply failed. */
		FAILURE(Socks5UdpTelemetryNames.FAILURE),

		/** The caller cancelled the exchange. */
		CANCELLED(Socks5UdpTelemetryNames.CANCELLED);

		private final String tag;

		Outcome(String tag) {
			this.tag = tag;
		}

		/**
		 * Return the value of the {@value Socks5UdpTelemetryNames#OUTCOME} tag.
		 * @return the tag value
		 */
		public String tag() {
			return this.tag;
		}

	}

}
