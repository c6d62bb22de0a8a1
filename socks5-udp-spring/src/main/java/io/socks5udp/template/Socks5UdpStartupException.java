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

package io.socks5udp.template;

import java.io.IOException;

/**
 * Thrown by {@link Socks5UdpTemplate#start()} when fail-fast is on and an association
 * cannot be opened.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpStartupException extends Socks5UdpException {

	private static final long serialVersionUID = 1L;

	private final String serverName;

	private final String serverAddress;

	/**
	 * Create an exception.
	 * @param serverName the logical name of the server
	 * @param serverAddress the server's {@code host:port}
	 * @param cause why the association could not be opened
	 */
	public Socks5UdpStartupException(String serverName, String serverAddress, IOException cause) {
		super("Could not open a UDP association with SOCKS5 server '" + serverName + "' at " + serverAddress + ": "
				+ Socks5UdpErrors.describe(cause), cause);
		this.serverName = serverName;
		this.serverAddress = serverAddress;
	}

	/**
	 * Return the logical name of the server.
	 * @return the server name
	 */
	public String serverName() {
		return this.serverName;
	}

	/**
	 * Return the address of the server.
	 * @return the server's {@code host:port}
	 */
	public String serverAddress() {
		return this.serverAddress;
	}

}
