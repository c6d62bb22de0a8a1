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
package io.socks5udp.core.client;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.Socket;

import org.jspecify.annotations.Nullable;

/**
 * Watches an association's control connection: RFC 1928 section 6 ends a UDP association
 * when the TCP connection that created it ends, so end of stream, a reset or any read
 * error marks the association dead at once. The server is not expected to send anything
 * after the UDP ASSOCIATE reply; whatever it sends is read and ignored.
 *
 * @author socks5-udp authors
 */
final class Socks5ControlConnectionWatcher implements Runnable {

	private static final Logger logger = System.getLogger(Socks5ControlConnectionWatcher.class.getName());

	private final Socks5UdpAssociation association;

	private final Socket socket;

	private @Nullable Thread thread;

	Socks5ControlConnectionWatcher(Socks5UdpAssociation association, Socket socket) {
		this.association = association;
		this.socket = socket;
	}

	/**
	 * Start watching, on a daemon thread named {@code socks5-udp-control-<name>}.
	 */
	synchronized void start() {
		Thread started = new Thread(this, "socks5-udp-control-" + this.association.name());
		started.setDaemon(true);
		this.thread = started;
		started.start();
	}

	/**
	 * Return the watching thread.
	 * @return the thread, or {@code null} before {@link #start()}
	 */
	synchronized @Nullable Thread thread() {
		return this.thread;
	}

	@Override
	public void run() {
		byte[] sink = new byte[256];
		long ignored = 0;
		try {
			this.socket.setSoTimeout(0);
			InputStream input = this.socket.getInputStream();
			while (true) {
				int count = input.read(sink);
				if (count < 0) {
					this.association.end().controlConnectionLost("control connection closed by server", null);
					return;
				}
				if (ignored == 0) {
					logger.log(Level.DEBUG, () -> "Ignoring bytes the SOCKS5 server sent after the UDP ASSOCIATE reply"
							+ " on association '" + this.association.name() + "'");
				}
				ignored += count;
			}
		}
		catch (IOException ex) {
			if (this.association.isOpen()) {
				this.association.end().controlConnectionLost(describe(ex), ex);
			}
		}
	}

	private static String describe(IOException ex) {
		String message = ex.getMessage();
		if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("reset")) {
			return "control connection reset by server";
		}
		return "control connection failed: " + ex;
	}

}
