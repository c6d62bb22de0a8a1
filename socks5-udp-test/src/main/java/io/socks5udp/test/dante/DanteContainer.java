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

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.socks5udp.core.protocol.Socks5Credentials;
import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * Dante in a Testcontainers container on the host's network, listening on a free port of
 * {@code 127.0.0.1} and {@code ::1}. The image holds nothing but {@code danted} and the
 * libraries it links; {@code socks5-udp-test/src/docker/build-dante-image.sh} builds it
 * from the Dante installed on the machine, without a registry.
 * <p>
 * The configuration ({@link DanteConfig}) and the users Dante's username method accepts
 * ({@code /etc/passwd}, {@code /etc/group}, {@code /etc/shadow}) are written into the
 * container before it starts; the test account of {@link DanteUsers} is always there.
 * <p>
 * The container carries what a client needs as labels ({@link #HOST_LABEL},
 * {@link #PORT_LABEL}, and with the username method {@link #USERNAME_LABEL} and
 * {@link #PASSWORD_LABEL}), so that a {@code @ServiceConnection} can find Dante on the
 * host's network, where no port is mapped. socks5-udp-autoconfigure reads them: a
 * {@code @Container @ServiceConnection DanteContainer} field makes Dante the server of a
 * {@code @SpringBootTest}.
 *
 * @author socks5-udp authors
 */
public class DanteContainer extends GenericContainer<DanteContainer> {

	/** Name of the Dante image built by {@code build-dante-image.sh}. */
	public static final String IMAGE = "socks5-udp/dante:1.4.2";

	/** Where the configuration goes in the container. */
	public static final String CONFIG_PATH = "/etc/danted.conf";

	/** Label with the address to reach Dante at. */
	public static final String HOST_LABEL = "io.socks5udp.dante.host";

	/** Label with the port Dante listens on. */
	public static final String PORT_LABEL = "io.socks5udp.dante.port";

	/** Label with the username a client logs in with, set with the username method. */
	public static final String USERNAME_LABEL = "io.socks5udp.dante.username";

	/**
	 * Label with the password a client logs in with, set with the username method. A
	 * throwaway password for tests: anyone who can inspect the container can read it.
	 */
	public static final String PASSWORD_LABEL = "io.socks5udp.dante.password";

	/** Label with the server's logical name in {@code socks5.udp.servers}, when set. */
	public static final String SERVER_NAME_LABEL = "io.socks5udp.dante.server-name";

	private static final String HOST = "127.0.0.1";

	private static final int START_ATTEMPTS = 3;

	private static final int SHADOW_FILE_MODE = 0100640;

	private final Map<String, String> users = new LinkedHashMap<>();

	private DanteConfig.Builder config = DanteConfig.builder();

	private String clientUsername = DanteUsers.USERNAME;

	private int port;

	private boolean portChosenByCaller;

	/**
	 * Create a container of the {@link #IMAGE Dante image}.
	 */
	public DanteContainer() {
		this(DockerImageName.parse(IMAGE));
	}

	/**
	 * Create a container of the given Dante image; the image must hold
	 * {@code /usr/sbin/danted}.
	 * @param image the image
	 */
	public DanteContainer(DockerImageName image) {
		super(image);
		this.users.put(DanteUsers.USERNAME, DanteUsers.PASSWORD);
		withNetworkMode("host");
		withCommand("/usr/sbin/danted", "-f", CONFIG_PATH);
		waitingFor(Wait.forLogMessage(".*Dante/server.* running.*\\n", 1).withStartupTimeout(Duration.ofSeconds(30)));
	}

	/**
	 * Use the given configuration; its port, when not 0, becomes the port Dante listens
	 * on. The log goes to stderr, where Testcontainers reads it.
	 * @param config the configuration
	 * @return this container
	 */
	public DanteContainer withDanteConfig(DanteConfig config) {
		Objects.requireNonNull(config, "'config' must not be null");
		this.config = config.toBuilder();
		if (config.port() != 0) {
			withDantePort(config.port());
		}
		return self();
	}

	/**
	 * Listen on the given port instead of a free one chosen at start.
	 * @param port the port
	 * @return this container
	 */
	public DanteContainer withDantePort(int port) {
		this.config.port(port);
		this.port = port;
		this.portChosenByCaller = true;
		return self();
	}

	/**
	 * Ask clients for username and password (RFC 1929), checked against the container's
	 * users.
	 * @return this container
	 * @see #withUser(String, String)
	 */
	public DanteContainer withUsernameAuthentication() {
		return withSocksMethod(DanteSocksMethod.USERNAME);
	}

	/**
	 * Ask clients for the given SOCKS method.
	 * @param socksMethod the method
	 * @return this container
	 */
	public DanteContainer withSocksMethod(DanteSocksMethod socksMethod) {
		this.config.socksMethod(socksMethod);
		return self();
	}

	/**
	 * Add a user that Dante's username method accepts; the user added last is the one
	 * {@link #clientCredentials()} names.
	 * @param username the user's name, a valid login name
	 * @param password the user's password
	 * @return this container
	 */
	public DanteContainer withUser(String username, String password) {
		Objects.requireNonNull(username, "'username' must not be null");
		Objects.requireNonNull(password, "'password' must not be null");
		if (!username.matches("[a-z_][a-z0-9_-]{0,31}")) {
			throw new IllegalArgumentException("username: " + username + " (expected: a login name like s5udp)");
		}
		this.users.put(username, password);
		this.clientUsername = username;
		return self();
	}

	/**
	 * Name this server in the connection details that a {@code @ServiceConnection}
	 * derives from this container, so that the {@code socks5.udp.servers.<name>.*}
	 * settings and the rules that name it apply to Dante. Without it the server is named
	 * {@code dante}.
	 * @param serverName the logical name
	 * @return this container
	 */
	public DanteContainer withServerName(String serverName) {
		Objects.requireNonNull(serverName, "'serverName' must not be null");
		if (serverName.isBlank()) {
			throw new IllegalArgumentException("serverName: '" + serverName + "' (expected: a non-blank name)");
		}
		return withLabel(SERVER_NAME_LABEL, serverName);
	}

	/**
	 * Set the SOCKS commands the socks rules pass.
	 * @param commands the commands, as Dante spells them
	 * @return this container
	 * @see DanteConfig.Builder#commands(String...)
	 */
	public DanteContainer withSocksCommands(String... commands) {
		this.config.commands(commands);
		return self();
	}

	/**
	 * Let the socks rules pass requests from any address, as PySocks needs.
	 * @return this container
	 * @see DanteConfig.Builder#socksFromAnywhere(boolean)
	 */
	public DanteContainer withSocksFromAnywhere() {
		this.config.socksFromAnywhere(true);
		return self();
	}

	/**
	 * Set the idle timeout of UDP associations ({@code timeout.io.udp}).
	 * @param timeout the timeout, whole seconds
	 * @return this container
	 */
	public DanteContainer withUdpIoTimeout(Duration timeout) {
		this.config.udpIoTimeout(timeout);
		return self();
	}

	/**
	 * Set the time a client has to finish negotiation ({@code timeout.negotiate}).
	 * @param timeout the timeout, whole seconds
	 * @return this container
	 */
	public DanteContainer withNegotiateTimeout(Duration timeout) {
		this.config.negotiateTimeout(timeout);
		return self();
	}

	/**
	 * Return the address to reach Dante at.
	 * @return {@code 127.0.0.1}; Dante listens on {@code ::1} as well
	 */
	public String host() {
		return HOST;
	}

	/**
	 * Return the port Dante listens on.
	 * @return the port, 0 before the container was configured
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Return the address of Dante's IPv4 listener.
	 * @return {@code 127.0.0.1:port}
	 */
	public InetSocketAddress address() {
		return new InetSocketAddress(HOST, this.port);
	}

	/**
	 * Return the credentials a client logs in with: those of the user added last with
	 * {@link #withUser(String, String)}, else the test account of {@link DanteUsers}.
	 * @return the credentials, or {@code null} when Dante asks for no authentication
	 */
	public @Nullable Socks5Credentials clientCredentials() {
		if (danteConfig().socksMethod() != DanteSocksMethod.USERNAME) {
			return null;
		}
		// The client's user is always one of the users
		return new Socks5Credentials(this.clientUsername, Objects.requireNonNull(this.users.get(this.clientUsername)));
	}

	/**
	 * Return the configuration Dante runs with.
	 * @return the configuration
	 */
	public DanteConfig danteConfig() {
		return this.config.build().withLogOutput("stderr");
	}

	/**
	 * Kill Dante with SIGKILL, as a crash would. Dante is the container's first process,
	 * so all its children die with it and the kernel closes every control connection.
	 */
	public void kill() {
		getDockerClient().killContainerCmd(getContainerId()).withSignal("KILL").exec();
	}

	/**
	 * Start the container; when another process took the chosen port in between, try
	 * again on another one.
	 */
	@Override
	public void start() {
		ContainerLaunchException last = null;
		for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
			try {
				super.start();
				return;
			}
			catch (ContainerLaunchException ex) {
				last = ex;
				stop();
				if (this.portChosenByCaller) {
					break;
				}
				this.port = 0;
			}
		}
		throw last;
	}

	@Override
	protected void configure() {
		if (this.port == 0) {
			this.port = LoopbackPorts.findFree();
			this.config.port(this.port);
		}
		withLabel(HOST_LABEL, HOST);
		withLabel(PORT_LABEL, Integer.toString(this.port));
		Socks5Credentials credentials = clientCredentials();
		if (credentials != null) {
			withLabel(USERNAME_LABEL, credentials.username());
			withLabel(PASSWORD_LABEL, credentials.password());
		}
		else {
			getLabels().remove(USERNAME_LABEL);
			getLabels().remove(PASSWORD_LABEL);
		}
	}

	@Override
	protected void containerIsCreated(String containerId) {
		copyFileToContainer(Transferable.of(danteConfig().render()), CONFIG_PATH);
		StringBuilder passwd = new StringBuilder("root:x:0:0:root:/root:/usr/sbin/nologin\n"
				+ "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n");
		StringBuilder group = new StringBuilder("root:x:0:\nnogroup:x:65534:\n");
		StringBuilder shadow = new StringBuilder("root:*:19000:0:99999:7:::\nnobody:*:19000:0:99999:7:::\n");
		int id = 1000;
		for (Map.Entry<String, String> user : this.users.entrySet()) {
			String name = user.getKey();
			passwd.append(name)
				.append(":x:")
				.append(id)
				.append(':')
				.append(id)
				.append("::/nonexistent:/usr/sbin/nologin\n");
			group.append(name).append(":x:").append(id).append(":\n");
			shadow.append(name)
				.append(':')
				.append(ShadowPasswordHash.hash(user.getValue()))
				.append(":19000:0:99999:7:::\n");
			id++;
		}
		copyFileToContainer(Transferable.of(passwd.toString()), "/etc/passwd");
		copyFileToContainer(Transferable.of(group.toString()), "/etc/group");
		copyFileToContainer(Transferable.of(shadow.toString(), SHADOW_FILE_MODE), "/etc/shadow");
	}

}
