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

package io.socks5udp.test.dante;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A Dante server configuration ({@code danted.conf}) for tests: Dante listens on
 * {@code 127.0.0.1} and {@code ::1}, relays from the same loopback addresses, accepts
 * control connections from loopback only and lets clients do UDP ASSOCIATE. Build one
 * with {@link #builder()} and {@link #render() render} it into the text Dante reads.
 * <p>
 * Instances are immutable; {@link #toBuilder()} starts a modified copy.
 *
 * @author socks5-udp authors
 */
public final class DanteConfig {

	/**
	 * SOCKS commands the default socks rules pass: the UDP association and its replies.
	 */
	public static final List<String> UDP_COMMANDS = List.of("udpassociate", "udpreply");

	private static final List<String> LOOPBACK_NETWORKS = List.of("127.0.0.0/8", "::1/128");

	private static final List<String> ANY_NETWORKS = List.of("0.0.0.0/0", "::/0");

	private final int port;

	private final DanteSocksMethod socksMethod;

	private final List<String> commands;

	private final boolean socksFromAnywhere;

	private final @Nullable Duration udpIoTimeout;

	private final @Nullable Duration negotiateTimeout;

	private final List<String> logOutputs;

	private DanteConfig(Builder builder) {
		this.port = builder.port;
		this.socksMethod = builder.socksMethod;
		this.commands = List.copyOf(builder.commands);
		this.socksFromAnywhere = builder.socksFromAnywhere;
		this.udpIoTimeout = builder.udpIoTimeout;
		this.negotiateTimeout = builder.negotiateTimeout;
		this.logOutputs = List.copyOf(builder.logOutputs);
	}

	/**
	 * Start a configuration with the defaults: no port yet, socks method {@code none},
	 * commands {@code udpassociate udpreply} from loopback, no timeouts, log to stderr.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Start a builder that holds the values of this configuration.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.port = this.port;
		builder.socksMethod = this.socksMethod;
		builder.commands = new ArrayList<>(this.commands);
		builder.socksFromAnywhere = this.socksFromAnywhere;
		builder.udpIoTimeout = this.udpIoTimeout;
		builder.negotiateTimeout = this.negotiateTimeout;
		builder.logOutputs = new ArrayList<>(this.logOutputs);
		return builder;
	}

	/**
	 * Return a copy of this configuration on another port.
	 * @param port the port Dante listens on, 1 to 65535
	 * @return the copy
	 */
	public DanteConfig withPort(int port) {
		return toBuilder().port(port).build();
	}

	/**
	 * Return a copy of this configuration with other log outputs.
	 * @param logOutputs the outputs, files or {@code stderr}, {@code stdout},
	 * {@code syslog}
	 * @return the copy
	 */
	public DanteConfig withLogOutput(String... logOutputs) {
		return toBuilder().logOutput(logOutputs).build();
	}

	/**
	 * Return the port Dante listens on, on {@code 127.0.0.1} and {@code ::1}.
	 * @return the port, or 0 when none was chosen yet
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Return the SOCKS method Dante asks clients for.
	 * @return the method
	 */
	public DanteSocksMethod socksMethod() {
		return this.socksMethod;
	}

	/**
	 * Return the SOCKS commands the socks rules pass.
	 * @return the commands, as Dante spells them
	 */
	public List<String> commands() {
		return this.commands;
	}

	/**
	 * Return whether the socks rules pass requests from any address rather than loopback
	 * only.
	 * @return whether socks rules say {@code from: 0.0.0.0/0}
	 */
	public boolean socksFromAnywhere() {
		return this.socksFromAnywhere;
	}

	/**
	 * Return the idle timeout of UDP associations ({@code timeout.io.udp}).
	 * @return the timeout, or {@code null} for Dante's default
	 */
	public @Nullable Duration udpIoTimeout() {
		return this.udpIoTimeout;
	}

	/**
	 * Return the time a client has to finish negotiation ({@code timeout.negotiate}).
	 * @return the timeout, or {@code null} for Dante's default
	 */
	public @Nullable Duration negotiateTimeout() {
		return this.negotiateTimeout;
	}

	/**
	 * Return where Dante writes its log ({@code logoutput}).
	 * @return the outputs
	 */
	public List<String> logOutputs() {
		return this.logOutputs;
	}

	/**
	 * Render this configuration as the text of a {@code danted.conf}.
	 * @return the configuration text, one statement per line
	 * @throws IllegalStateException if no port was chosen
	 */
	public String render() {
		if (this.port == 0) {
			throw new IllegalStateException("port: 0 (expected: 1-65535, chosen before rendering)");
		}
		StringBuilder text = new StringBuilder();
		text.append("# danted.conf written by socks5-udp-test\n");
		text.append("logoutput: ").append(String.join(" ", this.logOutputs)).append('\n');
		for (String address : List.of("127.0.0.1", "::1")) {
			text.append("internal: ").append(address).append(" port = ").append(this.port).append('\n');
		}
		for (String address : List.of("127.0.0.1", "::1")) {
			text.append("external: ").append(address).append('\n');
		}
		text.append("clientmethod: none\n");
		text.append("socksmethod: ").append(this.socksMethod.keyword()).append('\n');
		text.append("user.privileged: root\n");
		text.append("user.unprivileged: nobody\n");
		if (this.negotiateTimeout != null) {
			text.append("timeout.negotiate: ").append(this.negotiateTimeout.toSeconds()).append('\n');
		}
		if (this.udpIoTimeout != null) {
			text.append("timeout.io.udp: ").append(this.udpIoTimeout.toSeconds()).append('\n');
		}
		for (String network : LOOPBACK_NETWORKS) {
			text.append("client pass { from: ").append(network).append(" to: 0/0 }\n");
		}
		for (String network : (this.socksFromAnywhere ? ANY_NETWORKS : LOOPBACK_NETWORKS)) {
			text.append("socks pass { from: ")
				.append(network)
				.append(" to: 0/0 command: ")
				.append(String.join(" ", this.commands))
				.append(" }\n");
		}
		return text.toString();
	}

	@Override
	public String toString() {
		return "DanteConfig[port=" + this.port + ", socksMethod=" + this.socksMethod + ", commands=" + this.commands
				+ ", socksFromAnywhere=" + this.socksFromAnywhere + "]";
	}

	/**
	 * Fluent builder of a {@link DanteConfig}.
	 */
	public static final class Builder {

		private int port;

		private DanteSocksMethod socksMethod = DanteSocksMethod.NONE;

		private List<String> commands = new ArrayList<>(UDP_COMMANDS);

		private boolean socksFromAnywhere;

		private @Nullable Duration udpIoTimeout;

		private @Nullable Duration negotiateTimeout;

		private List<String> logOutputs = new ArrayList<>(List.of("stderr"));

		private Builder() {
		}

		/**
		 * Set the port Dante listens on.
		 * @param port the port, 1 to 65535, or 0 to let the fixture choose a free one
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("port: " + port + " (expected: 0-65535)");
			}
			this.port = port;
			return this;
		}

		/**
		 * Set the SOCKS method Dante asks clients for.
		 * @param socksMethod the method
		 * @return this builder
		 */
		public Builder socksMethod(DanteSocksMethod socksMethod) {
			this.socksMethod = Objects.requireNonNull(socksMethod, "'socksMethod' must not be null");
			return this;
		}

		/**
		 * Set the SOCKS commands the socks rules pass, for example {@code connect} alone
		 * to make Dante refuse UDP ASSOCIATE by its rule set.
		 * @param commands the commands, as Dante spells them
		 * @return this builder
		 */
		public Builder commands(String... commands) {
			if (commands.length == 0) {
				throw new IllegalArgumentException("commands: [] (expected: at least one command)");
			}
			this.commands = new ArrayList<>(Arrays.asList(commands));
			return this;
		}

		/**
		 * Set whether the socks rules pass requests from any address ({@code from:
		 * 0.0.0.0/0} and {@code ::/0}); the client rules stay limited to loopback.
		 * PySocks needs it: it announces the domain name {@code 0} in its UDP ASSOCIATE
		 * request, which a loopback-only rule refuses.
		 * @param socksFromAnywhere whether any source passes the socks rules
		 * @return this builder
		 */
		public Builder socksFromAnywhere(boolean socksFromAnywhere) {
			this.socksFromAnywhere = socksFromAnywhere;
			return this;
		}

		/**
		 * Set the idle timeout of UDP associations ({@code timeout.io.udp}).
		 * @param udpIoTimeout the timeout, whole seconds, or {@code null} for Dante's
		 * default
		 * @return this builder
		 */
		public Builder udpIoTimeout(@Nullable Duration udpIoTimeout) {
			this.udpIoTimeout = checkSeconds("udpIoTimeout", udpIoTimeout);
			return this;
		}

		/**
		 * Set the time a client has to finish negotiation ({@code timeout.negotiate}).
		 * @param negotiateTimeout the timeout, whole seconds, or {@code null} for Dante's
		 * default
		 * @return this builder
		 */
		public Builder negotiateTimeout(@Nullable Duration negotiateTimeout) {
			this.negotiateTimeout = checkSeconds("negotiateTimeout", negotiateTimeout);
			return this;
		}

		/**
		 * Set where Dante writes its log ({@code logoutput}).
		 * @param logOutputs files or {@code stderr}, {@code stdout}, {@code syslog}
		 * @return this builder
		 */
		public Builder logOutput(String... logOutputs) {
			if (logOutputs.length == 0) {
				throw new IllegalArgumentException("logOutputs: [] (expected: at least one output)");
			}
			this.logOutputs = new ArrayList<>(Arrays.asList(logOutputs));
			return this;
		}

		/**
		 * Build the configuration.
		 * @return the configuration
		 */
		public DanteConfig build() {
			return new DanteConfig(this);
		}

		private static @Nullable Duration checkSeconds(String name, @Nullable Duration timeout) {
			if (timeout != null && (timeout.toSeconds() < 1 || timeout.toMillis() % 1000 != 0)) {
				throw new IllegalArgumentException(name + ": " + timeout + " (expected: whole seconds, at least 1)");
			}
			return timeout;
		}

	}

}
