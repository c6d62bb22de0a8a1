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

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PendingReplies}.
 *
 * @author socks5-udp authors
 */
class PendingRepliesTests {

	private static final Socks5UdpRoute CORP = new Socks5UdpRoute("corp", new InetSocketAddress("127.0.0.1", 40000));

	private static final Socks5UdpRoute OTHER = new Socks5UdpRoute("other", new InetSocketAddress("127.0.0.1", 40001));

	private final PendingReplies replies = new PendingReplies(PendingRepliesTests::resolve);

	@Test
	void replyFromTheDestinationOnTheSameServerAnswersTheRequest() {
		Socks5Address destination = Socks5Address.of("127.0.0.1", 53);
		PendingReplies.Pending request = this.replies.register("corp", destination, null);
		assertThat(this.replies.offer(destination, payload("answer"), CORP)).isTrue();
		Socks5UdpDatagram reply = request.reply().join().datagram();
		assertThat(reply.address()).isEqualTo(destination);
		assertThat(text(reply.payload())).isEqualTo("answer");
	}

	@Test
	void replyFromAnotherSourceOrServerDoesNotAnswer() {
		Socks5Address destination = Socks5Address.of("127.0.0.1", 53);
		PendingReplies.Pending request = this.replies.register("corp", destination, null);
		assertThat(this.replies.offer(Socks5Address.of("127.0.0.1", 54), payload("x"), CORP)).isFalse();
		assertThat(this.replies.offer(Socks5Address.of("127.0.0.2", 53), payload("x"), CORP)).isFalse();
		assertThat(this.replies.offer(destination, payload("x"), OTHER)).isFalse();
		assertThat(this.replies.offer(destination, payload("x"), Socks5UdpRoute.DIRECT)).isFalse();
		assertThat(request.reply()).isNotDone();
	}

	@Test
	void firstReplyWinsAndLaterOnesGoToListeners() {
		Socks5Address destination = Socks5Address.of("127.0.0.1", 53);
		PendingReplies.Pending request = this.replies.register("corp", destination, null);
		assertThat(this.replies.offer(destination, payload("first"), CORP)).isTrue();
		assertThat(this.replies.offer(destination, payload("second"), CORP)).isFalse();
		assertThat(text(request.reply().join().datagram().payload())).isEqualTo("first");
	}

	@Test
	void domainDestinationIsAnsweredByTheSameNameOrAnAddressItResolvesTo() {
		Socks5Address destination = Socks5Address.of("dns.example.com", 53);
		PendingReplies.Pending byName = this.replies.register("corp", destination, null);
		assertThat(this.replies.offer(Socks5Address.of("DNS.example.com", 53), payload("a"), CORP)).isTrue();
		assertThat(byName.reply()).isDone();
		PendingReplies.Pending byAddress = this.replies.register("corp", destination, null);
		assertThat(this.replies.offer(Socks5Address.of("other.example.com", 53), payload("b"), CORP)).isFalse();
		assertThat(this.replies.offer(Socks5Address.of("127.0.0.8", 53), payload("x"), CORP)).isFalse();
		assertThat(byAddress.reply()).isNotDone();
		assertThat(this.replies.offer(Socks5Address.of("127.0.0.9", 53), payload("c"), CORP)).isTrue();
		assertThat(byAddress.reply()).isDone();
	}

	@Test
	void domainThatDoesNotResolveHereIsAnsweredByTheSameNameOnly() {
		Socks5Address destination = Socks5Address.of("unknown.example.com", 53);
		PendingReplies.Pending request = this.replies.register("corp", destination, null);
		assertThat(this.replies.offer(Socks5Address.of("127.0.0.9", 53), payload("x"), CORP)).isFalse();
		assertThat(request.reply()).isNotDone();
		assertThat(this.replies.offer(Socks5Address.of("unknown.example.com", 53), payload("y"), CORP)).isTrue();
		assertThat(request.reply()).isDone();
	}

	@Test
	void directDomainDestinationIsAnsweredOnlyByTheAddressItWasSentTo() {
		Socks5Address destination = Socks5Address.of("localhost", 5353);
		InetSocketAddress resolved = new InetSocketAddress("127.0.0.1", 5353);
		PendingReplies.Pending request = this.replies.register(Socks5UdpRoute.DIRECT_NAME, destination, resolved);
		assertThat(this.replies.offer(Socks5Address.of("127.0.0.2", 5353), payload("x"), Socks5UdpRoute.DIRECT))
			.isFalse();
		assertThat(this.replies.offer(Socks5Address.of("127.0.0.1", 5353), payload("y"), Socks5UdpRoute.DIRECT))
			.isTrue();
		assertThat(request.reply()).isDone();
	}

	@Test
	void removedRequestTakesNothing() {
		Socks5Address destination = Socks5Address.of("127.0.0.1", 53);
		PendingReplies.Pending request = this.replies.register("corp", destination, null);
		this.replies.remove(request);
		assertThat(this.replies.offer(destination, payload("late"), CORP)).isFalse();
	}

	@Test
	void replyKeepsTheRouteItCameThrough() {
		Socks5Address destination = Socks5Address.of("127.0.0.1", 53);
		PendingReplies.Pending request = this.replies.register("corp", destination, null);
		Socks5UdpRoute newerAssociation = new Socks5UdpRoute("corp", new InetSocketAddress("127.0.0.1", 40002));
		assertThat(this.replies.offer(destination, payload("answer"), newerAssociation)).isTrue();
		assertThat(request.reply().join().route()).isSameAs(newerAssociation);
	}

	@Test
	void cancelledRequestIsForgottenAndItsReplyGoesToListeners() {
		Socks5Address destination = Socks5Address.of("127.0.0.1", 53);
		PendingReplies.Pending request = this.replies.register("corp", destination, null);
		assertThat(this.replies.size()).isOne();
		request.reply().cancel(false);
		assertThat(this.replies.size()).isZero();
		assertThat(this.replies.offer(destination, payload("late"), CORP)).isFalse();
	}

	@Test
	void answeredRequestIsForgotten() {
		Socks5Address destination = Socks5Address.of("127.0.0.1", 53);
		this.replies.register("corp", destination, null);
		assertThat(this.replies.offer(destination, payload("answer"), CORP)).isTrue();
		assertThat(this.replies.size()).isZero();
	}

	@Test
	void replyIsACopyThatOutlivesTheReceiveBuffer() {
		Socks5Address destination = Socks5Address.of("127.0.0.1", 53);
		PendingReplies.Pending request = this.replies.register("corp", destination, null);
		ByteBuffer buffer = payload("kept");
		this.replies.offer(destination, buffer, CORP);
		buffer.clear().put("XXXX".getBytes(StandardCharsets.US_ASCII));
		assertThat(text(request.reply().join().datagram().payload())).isEqualTo("kept");
		assertThat(buffer.position()).isEqualTo(4);
	}

	private static InetAddress[] resolve(String host) throws UnknownHostException {
		if (!host.equals("dns.example.com")) {
			throw new UnknownHostException(host);
		}
		return new InetAddress[] { InetAddress.getByAddress(host, new byte[] { 127, 0, 0, 9 }) };
	}

	private static ByteBuffer payload(String text) {
		return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
	}

	private static String text(ByteBuffer buffer) {
		return StandardCharsets.US_ASCII.decode(buffer.duplicate()).toString();
	}

}
