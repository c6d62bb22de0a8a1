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

package io.socks5udp.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.socks5udp.core.client.AssociateAddressPolicy;
import io.socks5udp.template.OutageSendPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration properties for SOCKS5 UDP: the servers, the routing rules that choose a
 * server (or none) per destination, reconnection and outage behaviour.
 *
 * @author socks5-udp authors
 */
@ConfigurationProperties("socks5.udp")
public class Socks5UdpProperties {

	/**
	 * Whether to auto-configure the SOCKS5 UDP template.
	 */
	private boolean enabled = true;

	/**
	 * SOCKS5 servers by logical name, the name that rules refer to.
	 */
	private final Map<String, Server> servers = new LinkedHashMap<>();

	/**
	 * Routing rules, socks5c.conf records as properties. Without rules, config file and
	 * SOCKS5C_CONFIG, a single configured server carries all traffic.
	 */
	private List<Socks5UdpRuleProperties> rules = new ArrayList<>();

	/**
	 * Location of a socks5c.conf file with more rules. When unset, the file named by the
	 * SOCKS5C_CONFIG environment variable is read, if any.
	 */
	private @Nullable String configFile;

	/**
	 * Whether to honour the SOCKS5C_CONFIG environment variable when config-file is not
	 * set.
	 */
	private boolean useSocks5cConfig = true;

	/**
	 * Whether to watch the socks5c.conf file (config-file, or the file SOCKS5C_CONFIG
	 * names) and reload its rules when it changes. A reload that fails, or that would
	 * drop every rule, keeps the rules in use and is reported in the log, the
	 * socks5UdpRegistry health indicator and the socks5.udp.registry.reloads meter.
	 */
	private boolean watchConfigFile;

	/**
	 * Whether a host name that no name-fragment rule matches is resolved here and routed
	 * by the rule of its address, as socks5_getserv routes the address its caller
	 * resolved. When false, or when the name does not resolve, it takes the route of the
	 * 0.0.0.0/0 rule. Either way the name is what the SOCKS5 server is sent.
	 */
	private boolean resolveNamesLocally = true;

	/**
	 * Whether every configured server, and every server a rule names, is warm.
	 */
	private boolean associateOnStartup;

	/**
	 * Servers, by logical name, associated when the application starts and kept
	 * associated; every other server is associated on the first datagram routed to it.
	 */
	private List<String> warmServers = new ArrayList<>();

	/**
	 * How long an association with a server that is not warm may carry nothing before it
	 * is closed; the next datagram opens another. 0 keeps associations open.
	 */
	private Duration idleTimeout = Duration.ofMinutes(5);

	/**
	 * Whether startup fails when the association with a warm server cannot be opened.
	 * When false, an unreachable server is reported DOWN and retried in the background.
	 * Servers that are not warm are not contacted at startup.
	 */
	private boolean failFast;

	@NestedConfigurationProperty
	private final Socks5UdpReconnectProperties reconnect = new Socks5UdpReconnectProperties();

	@NestedConfigurationProperty
	private final Socks5UdpOutageProperties outage = new Socks5UdpOutageProperties();

	/**
	 * Failover between the servers of a rule that names several.
	 */
	@NestedConfigurationProperty
	private final Socks5UdpFailoverProperties failover = new Socks5UdpFailoverProperties();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Map<String, Server> getServers() {
		return this.servers;
	}

	public List<Socks5UdpRuleProperties> getRules() {
		return this.rules;
	}

	public void setRules(List<Socks5UdpRuleProperties> rules) {
		this.rules = rules;
	}

	public @Nullable String getConfigFile() {
		return this.configFile;
	}

	public void setConfigFile(@Nullable String configFile) {
		this.configFile = configFile;
	}

	public boolean isUseSocks5cConfig() {
		return this.useSocks5cConfig;
	}

	public void setUseSocks5cConfig(boolean useSocks5cConfig) {
		this.useSocks5cConfig = useSocks5cConfig;
	}

	public boolean isWatchConfigFile() {
		return this.watchConfigFile;
	}

	public void setWatchConfigFile(boolean watchConfigFile) {
		this.watchConfigFile = watchConfigFile;
	}

	@Deprecated(since = "0.2.0")
	@DeprecatedConfigurationProperty(replacement = "socks5.udp.warm-servers",
			reason = "Associations open on the first datagram routed to their server; list the servers to associate at startup")
	public boolean isAssociateOnStartup() {
		return this.associateOnStartup;
	}

	public void setAssociateOnStartup(boolean associateOnStartup) {
		this.associateOnStartup = associateOnStartup;
	}

	public boolean isResolveNamesLocally() {
		return this.resolveNamesLocally;
	}

	public void setResolveNamesLocally(boolean resolveNamesLocally) {
		this.resolveNamesLocally = resolveNamesLocally;
	}

	public List<String> getWarmServers() {
		return this.warmServers;
	}

	public void setWarmServers(List<String> warmServers) {
		this.warmServers = warmServers;
	}

	public Duration getIdleTimeout() {
		return this.idleTimeout;
	}

	public void setIdleTimeout(Duration idleTimeout) {
		this.idleTimeout = idleTimeout;
	}

	public boolean isFailFast() {
		return this.failFast;
	}

	public void setFailFast(boolean failFast) {
		this.failFast = failFast;
	}

	public Socks5UdpReconnectProperties getReconnect() {
		return this.reconnect;
	}

	public Socks5UdpOutageProperties getOutage() {
		return this.outage;
	}

	public Socks5UdpFailoverProperties getFailover() {
		return this.failover;
	}

	/**
	 * A SOCKS5 server.
	 */
	public static class Server {

		/**
		 * Host name or address of the SOCKS5 server.
		 */
		private @Nullable String host;

		/**
		 * Port of the SOCKS5 server.
		 */
		private int port = 1080;

		/**
		 * Username for RFC 1929 username/password authentication. No authentication when
		 * unset.
		 */
		private @Nullable String username;

		/**
		 * Password for RFC 1929 username/password authentication.
		 */
		private @Nullable String password;

		/**
		 * Timeout for the TCP connection to the server.
		 */
		private Duration connectTimeout = Duration.ofSeconds(5);

		/**
		 * Timeout for the whole handshake, from greeting to the UDP ASSOCIATE reply.
		 */
		private Duration handshakeTimeout = Duration.ofSeconds(5);

		/**
		 * Where datagrams go: 'replace-unspecified' (the reply's BND, or the server's
		 * address when BND is 0.0.0.0 or ::), 'always-server' (the server's address with
		 * BND's port), 'trust-reply' (BND as replied), or a fixed 'host:port' for servers
		 * behind NAT.
		 */
		private String relayAddress = "replace-unspecified";

		/**
		 * Address announced in the UDP ASSOCIATE request: 'local' (the UDP socket's
		 * address and port) or 'zeros' (0.0.0.0:0, for servers that refuse the former).
		 */
		private AssociateAddressPolicy associateAddress = AssociateAddressPolicy.LOCAL;

		/**
		 * Whether to connect the UDP channel to the relay, so that the kernel drops
		 * datagrams from other sources. When false, each datagram's source is compared
		 * with the relay address and others are dropped and counted (foreign-source).
		 */
		private boolean connectedChannel = true;

		/**
		 * Whether the association receives and sends in batches with recvmmsg and
		 * sendmmsg: fewer system calls per datagram when datagrams come and go in bursts.
		 * Needs Linux, Java 22 or later, a connected channel and the JVM options
		 * '--enable-native-access=ALL-UNNAMED' and '--add-exports
		 * java.base/sun.nio.ch=ALL-UNNAMED'; startup fails, naming what is missing, where
		 * it cannot run.
		 */
		private boolean batchedIo;

		/**
		 * Whether the server is warm: associated at startup and kept associated, rather
		 * than on the first datagram routed to it.
		 */
		private boolean warm;

		public @Nullable String getHost() {
			return this.host;
		}

		public void setHost(@Nullable String host) {
			this.host = host;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getHandshakeTimeout() {
			return this.handshakeTimeout;
		}

		public void setHandshakeTimeout(Duration handshakeTimeout) {
			this.handshakeTimeout = handshakeTimeout;
		}

		public String getRelayAddress() {
			return this.relayAddress;
		}

		public void setRelayAddress(String relayAddress) {
			this.relayAddress = relayAddress;
		}

		public AssociateAddressPolicy getAssociateAddress() {
			return this.associateAddress;
		}

		public void setAssociateAddress(AssociateAddressPolicy associateAddress) {
			this.associateAddress = associateAddress;
		}

		public boolean isConnectedChannel() {
			return this.connectedChannel;
		}

		public void setConnectedChannel(boolean connectedChannel) {
			this.connectedChannel = connectedChannel;
		}

		public boolean isBatchedIo() {
			return this.batchedIo;
		}

		public void setBatchedIo(boolean batchedIo) {
			this.batchedIo = batchedIo;
		}

		public boolean isWarm() {
			return this.warm;
		}

		public void setWarm(boolean warm) {
			this.warm = warm;
		}

	}

}
