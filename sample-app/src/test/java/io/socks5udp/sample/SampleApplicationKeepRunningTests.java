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

package io.socks5udp.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code sample.keep-running=true} the sample keeps pinging and serves Actuator's
 * endpoints over HTTP until it is stopped.
 *
 * @author socks5-udp authors
 */
class SampleApplicationKeepRunningTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void keepsPingingAndServesHealthAndMetrics() throws Exception {
		ConfigurableApplicationContext context = SampleApplication.application()
			.run("--sample.keep-running=true", "--sample.rate=100", "--server.address=127.0.0.1", "--server.port=0");
		EmbeddedSocks5Relay relay = context.getBean(EmbeddedSocks5Relay.class);
		try {
			String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
			String health = get(base + "/actuator/health");
			assertThat(JsonPath.<String>read(health, "$.status")).isEqualTo("UP");
			assertThat(JsonPath.<String>read(health, "$.components.socks5Udp.components.embedded.status"))
				.isEqualTo("UP");
			assertThat(JsonPath.<String>read(health, "$.components.socks5Udp.components.embedded.details.server"))
				.isEqualTo(relay.host() + ":" + relay.port());
			PingTracker tracker = context.getBean(PingTracker.class);
			await().atMost(Duration.ofSeconds(20)).until(() -> tracker.received() >= 10);
			String prometheus = get(base + "/actuator/prometheus");
			assertThat(prometheus).contains("sample_pings_received_total")
				.contains("sample_ping_round_trip_seconds{quantile=\"0.99\"}")
				.contains("socks5_udp_associations_active{server=\"embedded\"} 1.0");
			List<String> families = prometheus.lines()
				.filter((line) -> line.startsWith("# TYPE socks5_"))
				.map((line) -> line.split(" ")[2])
				.toList();
			// Every socks5 meter once, with a clean name: no unit repeated in it
			assertThat(families).doesNotHaveDuplicates()
				.contains("socks5_udp_datagrams_sent_total", "socks5_udp_datagrams_received_total",
						"socks5_udp_sent_bytes_total", "socks5_udp_received_bytes_total",
						"socks5_udp_associations_active", "socks5_udp_handshake_seconds")
				.noneMatch((name) -> name.contains("bytes_bytes") || name.contains("seconds_seconds")
						|| name.contains("bytes_sent_bytes") || name.contains("bytes_received_bytes"));
			assertThat(JsonPath.<String>read(get(base + "/actuator/metrics/sample.pings.sent"), "$.name"))
				.isEqualTo("sample.pings.sent");
			assertThat(get(base + "/actuator/info")).contains("Pings a UDP echo target");
		}
		finally {
			context.close();
		}
		assertThat(relay.isRunning()).isFalse();
	}

	private String get(String uri) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(uri)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(uri).isEqualTo(200);
		return response.body();
	}

}
