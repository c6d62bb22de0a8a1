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

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;

/**
 * Published when a server of a rule with alternatives is passed over after a failure, or
 * takes the rule's traffic back: to the template's
 * {@link ManagedAssociationListener#failover(Socks5UdpFailoverEvent) association
 * listeners}, and as an application event when the template runs in an application
 * context.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpFailoverEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	private final String rule;

	private final String server;

	private final Kind kind;

	private final @Nullable String carrier;

	private final transient @Nullable Throwable cause;

	/**
	 * Create an event.
	 * @param source the template
	 * @param rule the rule's servers, separated by commas
	 * @param server the server that failed or returned
	 * @param kind what happened
	 * @param carrier the server that carries the rule's traffic now (unless it spreads),
	 * or {@code null} if none does
	 * @param cause why the server failed, or {@code null} when it returned
	 */
	public Socks5UdpFailoverEvent(Object source, String rule, String server, Kind kind, @Nullable String carrier,
			@Nullable Throwable cause) {
		super(source);
		this.rule = rule;
		this.server = server;
		this.kind = kind;
		this.carrier = carrier;
		this.cause = cause;
	}

	/**
	 * Return the rule's servers in order of preference, separated by commas.
	 * @return the rule's name
	 */
	public String getRule() {
		return this.rule;
	}

	/**
	 * Return the server that failed or returned.
	 * @return the server's name
	 */
	public String getServer() {
		return this.server;
	}

	/**
	 * Return what happened.
	 * @return the kind of change
	 */
	public Kind getKind() {
		return this.kind;
	}

	/**
	 * Return the server that carries the rule's traffic now, unless it spreads.
	 * @return the server's name, or {@code null} if every server is passed over
	 */
	public @Nullable String getCarrier() {
		return this.carrier;
	}

	/**
	 * Return why the server failed.
	 * @return the failure, or {@code null} when the server returned
	 */
	public @Nullable Throwable getFailure() {
		return this.cause;
	}

	@Override
	public String toString() {
		return "Socks5UdpFailoverEvent[rule=" + this.rule + ", server=" + this.server + ", kind=" + this.kind
				+ ", carrier=" + this.carrier + "]";
	}

	/**
	 * What happened to the server.
	 */
	public enum Kind {

		/**
		 * The server failed: the rule's traffic goes to its next working server.
		 */
		FAILED_OVER,

		/**
		 * The server works again and takes its share of the rule's traffic back.
		 */
		RETURNED

	}

}
