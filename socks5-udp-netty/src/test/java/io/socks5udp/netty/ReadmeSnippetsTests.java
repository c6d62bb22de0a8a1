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
package io.socks5udp.netty;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.codec.http3.Http3;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.test.dante.LocalDante;
import io.socks5udp.test.support.TestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the README's Netty section: its Java snippets stand, as written, between the
 * snippet comments of the test sources named by their
 * {@code <!-- netty-snippet: Name -->} markers, so that they compile; and they work
 * through a real Dante process.
 *
 * @author socks5-udp authors
 */
class ReadmeSnippetsTests {

	private static final Path README = Path.of("..", "README.md");

	private static final Path SOURCES = Path.of("src", "test", "java", "io", "socks5udp", "netty");

	private static final Pattern NETTY_BLOCK = Pattern
		.compile("<!-- netty-snippet: (\\w+) -->\\n^```java\\n(.*?)\\n```$", Pattern.DOTALL | Pattern.MULTILINE);

	private static final Pattern SOURCE_SNIPPET = Pattern.compile("// snippet start\\n(.*?)\\n\\s*// snippet end",
			Pattern.DOTALL);

	private static EventLoopGroup group;

	private static LocalDante dante;

	@BeforeAll
	static void start() throws IOException {
		TestEnvironment.requireDanted();
		group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
		dante = LocalDante.start();
	}

	@AfterAll
	static void stop() {
		if (dante != null) {
			dante.close();
		}
		if (group != null) {
			group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
		}
	}

	@Test
	void everyNettySnippetIsTheCodeOfTheTestSourceItNames() throws IOException {
		Matcher blocks = NETTY_BLOCK.matcher(Files.readString(README));
		List<String> names = new ArrayList<>();
		while (blocks.find()) {
			String name = blocks.group(1);
			names.add(name);
			Matcher source = SOURCE_SNIPPET.matcher(Files.readString(SOURCES.resolve(name + ".java")));
			assertThat(source.find()).as("%s.java has a snippet", name).isTrue();
			assertThat(withoutIndentation(blocks.group(2))).as("the README's snippet %s", name)
				.isEqualTo(withoutIndentation(source.group(1)));
		}
		assertThat(names).containsExactlyInAnyOrder("ReadmeDnsExample", "ReadmeHttp3Example");
	}

	@Test
	void dnsExampleResolvesThroughDante() throws Exception {
		InetAddress answer = InetAddress.getByName("127.0.0.7");
		try (LocalDnsServer dns = new LocalDnsServer(group, new InetSocketAddress("127.0.0.1", 0),
				Map.of("example.test.", answer))) {
			assertThat(ReadmeDnsExample.resolve(group, dante.host(), dante.port(), dns.address(), "example.test"))
				.isEqualTo(answer);
			assertThat(dns.querySenders).isNotEmpty();
		}
	}

	@Test
	void http3ExampleConnectsThroughDante() throws Exception {
		try (LocalHttp3Server server = new LocalHttp3Server(group, new InetSocketAddress("127.0.0.1", 0))) {
			QuicSslContext ssl = QuicSslContextBuilder.forClient()
				.trustManager(InsecureTrustManagerFactory.INSTANCE)
				.applicationProtocols(Http3.supportedApplicationProtocols())
				.build();
			Socks5AssociationOptions options = Socks5AssociationOptions.builder(dante.host(), dante.port()).build();
			QuicChannel connection = ReadmeHttp3Example.connect(group, options, ssl, server.address());
			try {
				assertThat(Http3TestClient.get(connection, "127.0.0.1:" + server.address().getPort(), "/readme"))
					.isEqualTo("hello /readme");
			}
			finally {
				connection.close().sync();
				connection.parent().close().sync();
			}
		}
	}

	private static String withoutIndentation(String text) {
		return text.lines().map(String::strip).filter((line) -> !line.isEmpty()).reduce("", (a, b) -> a + b + "\n");
	}

}
