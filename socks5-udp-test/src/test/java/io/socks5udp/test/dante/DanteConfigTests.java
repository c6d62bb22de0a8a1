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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link DanteConfig}.
 *
 * @author socks5-udp authors
 */
class DanteConfigTests {

	@Test
	void defaultsRenderLoopbackUdpAssociateWithoutAuthentication() {
		String text = DanteConfig.builder().port(21080).logOutput("/tmp/danted.log").build().render();
		assertThat(text.lines().filter((line) -> !line.startsWith("#"))).containsExactly("logoutput: /tmp/danted.log",
				"internal: 127.0.0.1 port = 21080", "internal: ::1 port = 21080", "external: 127.0.0.1",
				"external: ::1", "clientmethod: none", "socksmethod: none", "user.privileged: root",
				"user.unprivileged: nobody", "client pass { from: 127.0.0.0/8 to: 0/0 }",
				"client pass { from: ::1/128 to: 0/0 }",
				"socks pass { from: 127.0.0.0/8 to: 0/0 command: udpassociate udpreply }",
				"socks pass { from: ::1/128 to: 0/0 command: udpassociate udpreply }");
	}

	@Test
	void usernameMethodIsRendered() {
		String text = DanteConfig.builder().port(1080).socksMethod(DanteSocksMethod.USERNAME).build().render();
		assertThat(text).contains("\nsocksmethod: username\n").contains("\nclientmethod: none\n");
	}

	@Test
	void socksFromAnywhereOpensOnlyTheSocksRules() {
		String text = DanteConfig.builder().port(1080).socksFromAnywhere(true).build().render();
		assertThat(text).contains("socks pass { from: 0.0.0.0/0 to: 0/0 command: udpassociate udpreply }")
			.contains("socks pass { from: ::/0 to: 0/0 command: udpassociate udpreply }")
			.contains("client pass { from: 127.0.0.0/8 to: 0/0 }")
			.doesNotContain("socks pass { from: 127.0.0.0/8");
	}

	@Test
	void timeoutsAreRenderedInSeconds() {
		String text = DanteConfig.builder()
			.port(1080)
			.udpIoTimeout(Duration.ofSeconds(2))
			.negotiateTimeout(Duration.ofSeconds(5))
			.build()
			.render();
		assertThat(text).contains("\ntimeout.io.udp: 2\n").contains("\ntimeout.negotiate: 5\n");
	}

	@Test
	void timeoutsAreLeftToDanteByDefault() {
		assertThat(DanteConfig.builder().port(1080).build().render()).doesNotContain("timeout.");
	}

	@Test
	void commandsReplaceTheUdpCommands() {
		String text = DanteConfig.builder().port(1080).commands("connect").build().render();
		assertThat(text).contains("socks pass { from: 127.0.0.0/8 to: 0/0 command: connect }")
			.doesNotContain("udpassociate");
	}

	@Test
	void severalLogOutputsShareOneStatement() {
		String text = DanteConfig.builder().port(1080).logOutput("stderr", "/tmp/d.log").build().render();
		assertThat(text).contains("\nlogoutput: stderr /tmp/d.log\n");
	}

	@Test
	void copiesKeepEverythingButWhatTheyChange() {
		DanteConfig config = DanteConfig.builder()
			.socksMethod(DanteSocksMethod.USERNAME)
			.udpIoTimeout(Duration.ofSeconds(3))
			.build();
		DanteConfig copy = config.withPort(4242).withLogOutput("/x.log");
		assertThat(copy.port()).isEqualTo(4242);
		assertThat(copy.socksMethod()).isEqualTo(DanteSocksMethod.USERNAME);
		assertThat(copy.udpIoTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(copy.logOutputs()).containsExactly("/x.log");
		assertThat(config.port()).isZero();
		assertThat(config.logOutputs()).containsExactly("stderr");
	}

	@Test
	void renderingWithoutPortFails() {
		assertThatIllegalStateException().isThrownBy(() -> DanteConfig.builder().build().render())
			.withMessageContaining("port: 0");
	}

	@Test
	void invalidValuesAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> DanteConfig.builder().port(70000))
			.withMessage("port: 70000 (expected: 0-65535)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DanteConfig.builder().udpIoTimeout(Duration.ofMillis(1500)))
			.withMessageContaining("udpIoTimeout: PT1.5S");
		assertThatIllegalArgumentException().isThrownBy(() -> DanteConfig.builder().commands())
			.withMessageContaining("commands: []");
	}

}
