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
 * Context of the observation of one attempt to open a server's association: connect,
 * negotiate the method, authenticate, UDP ASSOCIATE, start receiving.
 *
 * @author socks5-udp authors
 * @see Socks5UdpObservationDocumentation#ASSOCIATE
 */
public class Socks5UdpAssociationObservationContext extends Observation.Context {

	private final String serverName;

	private final String serverAddress;

	private final boolean reassociation;

	private @Nullable String relayAddress;

	private @Nullable String errorCode;

	/**
	 * Create the context of an attempt.
	 * @param serverName the server's logical name
	 * @param serverAddress the server's address as {@code host:port}
	 * @param reassociation whether the attempt re-establishes an association after a
	 * failure (the association died or the previous attempt failed)
	 */
	public Socks5UdpAssociationObservationContext(String serverName, String serverAddress, boolean reassociation) {
		this.serverName = serverName;
		this.serverAddress = serverAddress;
		this.reassociation = reassociation;
	}

	/**
	 * Return the server's logical name.
	 * @return the server name
	 */
	public String getServerName() {
		return this.serverName;
	}

	/**
	 * Return the server's address.
	 * @return the address as {@code host:port}
	 */
	public String getServerAddress() {
		return this.serverAddress;
	}

	/**
	 * Return whether the attempt re-establishes an association after a failure.
	 * @return whether it is a re-association
	 */
	public boolean isReassociation() {
		return this.reassociation;
	}

	/**
	 * Return the relay address the server gave, once the attempt succeeded.
	 * @return the relay address as {@code host:port}, or {@code null}
	 */
	public @Nullable String getRelayAddress() {
		return this.relayAddress;
	}

	/**
	 * Set the relay address the server gave.
	 * @param relayAddress the relay address as {@code host:port}
	 */
	public void setRelayAddress(@Nullable String relayAddress) {
		this.relayAddress = relayAddress;
	}

	/**
	 * Return the SOCKS5 error ({@code S5_*} name) or exception class of a failed attempt.
	 * @return the error code, or {@code null} unless the attempt failed
	 */
	public @Nullable String getErrorCode() {
		return this.errorCode;
	}

	/**
	 * Set the error code of a failed attempt.
	 * @param errorCode the {@code S5_*} name or exception class
	 */
	public void setErrorCode(@Nullable String errorCode) {
		this.errorCode = errorCode;
	}

}
