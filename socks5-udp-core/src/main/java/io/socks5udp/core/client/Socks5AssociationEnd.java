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

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.socks5udp.core.protocol.Socks5AssociationClosedException;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link Socks5UdpAssociation} ends, once: closed locally, or dead because its
 * control connection ended, its UDP channel failed or its receive loop died. The first
 * reason wins; ending closes the UDP channel and the control connection and completes the
 * association's close future.
 *
 * @author socks5-udp authors
 */
final class Socks5AssociationEnd {

	// The association's logger, which users configure for its messages
	private static final Logger logger = System.getLogger(Socks5UdpAssociation.class.getName());

	private static final long JOIN_MILLIS = 2000;

	private final String name;

	private final String server;

	private final Socks5RelayChannel channel;

	private final Socket controlSocket;

	private final CompletableFuture<@Nullable Throwable> future = new CompletableFuture<>();

	private final AtomicReference<@Nullable String> reason = new AtomicReference<>();

	/**
	 * Create the end of an association that is open.
	 * @param name the association's name
	 * @param server the server's address, formatted
	 * @param channel the UDP channel
	 * @param controlSocket the control connection
	 */
	Socks5AssociationEnd(String name, String server, Socks5RelayChannel channel, Socket controlSocket) {
		this.name = name;
		this.server = server;
		this.channel = channel;
		this.controlSocket = controlSocket;
	}

	boolean isOpen() {
		return this.reason.get() == null;
	}

	/**
	 * Return why the association ended.
	 * @return the reason, or {@code null} while it is open
	 */
	@Nullable String reason() {
		return this.reason.get();
	}

	/**
	 * Return a new future that completes when the association ends.
	 * @return the future: the exception saying why it died, or {@code null} if closed
	 * locally
	 */
	CompletableFuture<@Nullable Throwable> future() {
		return this.future.copy();
	}

	/**
	 * Called by the watcher when the control connection ends.
	 * @param reason what happened
	 * @param cause the read error, or {@code null} at end of stream
	 */
	void controlConnectionLost(String reason, @Nullable Throwable cause) {
		die(reason, cause);
	}

	/**
	 * Called when the UDP channel closed or failed while the association was open.
	 * @param cause the error
	 */
	void channelFailed(Throwable cause) {
		if (isOpen()) {
			die("UDP channel failed: " + cause, cause);
		}
	}

	/**
	 * Called when the receive loop ends by a failure, so that the association does not go
	 * on without it.
	 * @param cause the failure
	 */
	void receiveLoopFailed(Throwable cause) {
		if (isOpen()) {
			die("receive loop ended by " + cause, cause);
		}
	}

	private void die(String reason, @Nullable Throwable cause) {
		if (!this.reason.compareAndSet(null, reason)) {
			return;
		}
		Socks5AssociationClosedException ex = new Socks5AssociationClosedException(describe(reason), cause);
		logger.log(Level.WARNING, () -> "SOCKS5 UDP association '" + this.name + "' is dead: " + reason);
		release();
		this.future.complete(ex);
	}

	/**
	 * Close the association locally: the UDP channel and the control connection, which
	 * ends the association at the server. Idempotent.
	 * @return whether this call ended the association, which was open before
	 */
	boolean closeLocally() {
		boolean first = this.reason.compareAndSet(null, "closed locally");
		release();
		return first;
	}

	/**
	 * Complete the close future of an association closed locally, once its threads ended.
	 */
	void closedLocally() {
		logger.log(Level.DEBUG, () -> "Closed SOCKS5 UDP association '" + this.name + "'");
		this.future.complete(null);
	}

	private void release() {
		this.channel.close();
		Closeables.closeQuietly(this.controlSocket);
	}

	/**
	 * Return the exception for an operation on the ended association.
	 * @param cause the error that showed it ended, or {@code null}
	 * @return the exception, saying why the association ended
	 */
	Socks5AssociationClosedException closedException(@Nullable Throwable cause) {
		String reason = this.reason.get();
		return new Socks5AssociationClosedException(describe((reason != null) ? reason : "closed"), cause);
	}

	private String describe(String reason) {
		return "SOCKS5 UDP association '" + this.name + "' via " + this.server + " is closed: " + reason;
	}

	/**
	 * Return the control connection, for tests.
	 * @return the control connection's socket
	 */
	Socket controlSocket() {
		return this.controlSocket;
	}

	/**
	 * Wait briefly for a thread of the association to end, unless it is the calling one.
	 * @param thread the thread, or {@code null} if it was never started
	 */
	static void joinBriefly(@Nullable Thread thread) {
		if (thread == null || thread == Thread.currentThread()) {
			return;
		}
		try {
			thread.join(JOIN_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
