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

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of socks5-udp. Each is made only where the template has an
 * {@link io.micrometer.observation.ObservationRegistry ObservationRegistry}; every key of
 * low cardinality becomes a tag of the timer that Micrometer's meter handler records.
 *
 * @author socks5-udp authors
 */
public enum Socks5UdpObservationDocumentation implements ObservationDocumentation {

	/**
	 * One attempt to open a server's association (connect, method negotiation,
	 * authentication, UDP ASSOCIATE, receive loop started): the first, on demand or at
	 * start for a warm server, or one that re-establishes the association after a failure
	 * ({@code reassociation=true}).
	 */
	ASSOCIATE {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultSocks5UdpAssociationObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return AssociationLowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return AssociationHighCardinalityKeyNames.values();
		}

	},

	/**
	 * One request/reply exchange ({@code sendAndReceive}, {@code request},
	 * {@code requestAsync}): from before the request is sent until its reply arrives, it
	 * times out, fails or is cancelled.
	 */
	REQUEST {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultSocks5UdpRequestObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return RequestLowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return RequestHighCardinalityKeyNames.values();
		}

	};

	/**
	 * Keys of low cardinality of {@link #ASSOCIATE}.
	 */
	public enum AssociationLowCardinalityKeyNames implements KeyName {

		/** The server's logical name. */
		SERVER(Socks5UdpTelemetryNames.SERVER),

		/** {@code success}, {@code failure}, or {@code unknown} while under way. */
		OUTCOME(Socks5UdpTelemetryNames.OUTCOME),

		/** {@code true} if the attempt re-establishes an association after a failure. */
		REASSOCIATION(Socks5UdpTelemetryNames.REASSOCIATION),

		/**
		 * The {@code S5_*} name (such as {@code S5_EPERM}) or exception class of a
		 * failure, else {@code none}; Micrometer's meter handler adds {@code error}, the
		 * exception class, itself.
		 */
		CODE(Socks5UdpTelemetryNames.CODE);

		private final String name;

		AssociationLowCardinalityKeyNames(String name) {
			this.name = name;
		}

		@Override
		public String asString() {
			return this.name;
		}

	}

	/**
	 * Keys of high cardinality of {@link #ASSOCIATE}.
	 */
	public enum AssociationHighCardinalityKeyNames implements KeyName {

		/** The server's address, {@code host:port}. */
		SERVER_ADDRESS("server.address"),

		/** The relay address the server gave, {@code host:port}, on success. */
		RELAY_ADDRESS("relay.address");

		private final String name;

		AssociationHighCardinalityKeyNames(String name) {
			this.name = name;
		}

		@Override
		public String asString() {
			return this.name;
		}

	}

	/**
	 * Keys of low cardinality of {@link #REQUEST}.
	 */
	public enum RequestLowCardinalityKeyNames implements KeyName {

		/** The server's logical name, {@code DIRECT} for the direct route. */
		SERVER(Socks5UdpTelemetryNames.SERVER),

		/**
		 * {@code success}, {@code timeout}, {@code failure}, {@code cancelled}, or
		 * {@code unknown} while under way.
		 */
		OUTCOME(Socks5UdpTelemetryNames.OUTCOME);

		private final String name;

		RequestLowCardinalityKeyNames(String name) {
			this.name = name;
		}

		@Override
		public String asString() {
			return this.name;
		}

	}

	/**
	 * Keys of high cardinality of {@link #REQUEST}.
	 */
	public enum RequestHighCardinalityKeyNames implements KeyName {

		/** The request's destination, {@code host:port}. */
		DESTINATION("destination");

		private final String name;

		RequestHighCardinalityKeyNames(String name) {
			this.name = name;
		}

		@Override
		public String asString() {
			return this.name;
		}

	}

}
