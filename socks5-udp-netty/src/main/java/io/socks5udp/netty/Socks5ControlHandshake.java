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

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.Promise;
import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AddressText;
import io.socks5udp.core.protocol.Socks5AuthMethod;
import io.socks5udp.core.protocol.Socks5AuthReplyParser;
import io.socks5udp.core.protocol.Socks5AuthenticationException;
import io.socks5udp.core.protocol.Socks5CommandReplyParser;
import io.socks5udp.core.protocol.Socks5Credentials;
import io.socks5udp.core.protocol.Socks5Exception;
import io.socks5udp.core.protocol.Socks5HandshakeMessages;
import io.socks5udp.core.protocol.Socks5HandshakeTimeoutException;
import io.socks5udp.core.protocol.Socks5MethodReplyParser;
import io.socks5udp.core.protocol.Socks5ProtocolException;
import io.socks5udp.core.protocol.Socks5ReplyException;
import org.jspecify.annotations.Nullable;

/**
 * The client side of the SOCKS5 handshake ending in UDP ASSOCIATE, on a Netty TCP
 * channel: the core's messages and reply parsers driven by channel reads instead of a
 * blocking socket. One deadline covers all phases; any failure fails the promise with the
 * core's typed exception and closes the channel. After the reply, bytes the server sends
 * are read and ignored, so that the channel's close is the association's end.
 *
 * @author socks5-udp authors
 */
final class Socks5ControlHandshake extends ChannelInboundHandlerAdapter {

	private final @Nullable Socks5Credentials credentials;

	private final long timeoutMillis;

	private final Supplier<Socks5Address> announced;

	private final Promise<Socks5Address> bound;

	private final Socks5MethodReplyParser methodParser = new Socks5MethodReplyParser();

	private final Socks5AuthReplyParser authParser = new Socks5AuthReplyParser();

	private final Socks5CommandReplyParser commandParser = new Socks5CommandReplyParser();

	private Phase phase = Phase.METHOD;

	private int consumed;

	private String server = "(not connected)";

	private @Nullable ScheduledFuture<?> deadline;

	/**
	 * Create the handshake.
	 * @param options the association's options (credentials, handshake timeout)
	 * @param announced what to announce as DST, asked when the request is written
	 * @param bound completed with BND as replied, or failed
	 */
	Socks5ControlHandshake(Socks5AssociationOptions options, Supplier<Socks5Address> announced,
			Promise<Socks5Address> bound) {
		this.credentials = options.credentials();
		this.timeoutMillis = Math.max(1, options.handshakeTimeout().toMillis());
		this.announced = announced;
		this.bound = bound;
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) {
		this.server = Socks5AddressText.hostAndPort((InetSocketAddress) ctx.channel().remoteAddress());
		this.deadline = ctx.executor()
			.schedule(
					() -> fail(ctx,
							new Socks5HandshakeTimeoutException("SOCKS5 server " + this.server
									+ " did not complete the handshake within " + this.timeoutMillis + " ms ("
									+ this.consumed + " bytes of the " + this.phase.description + " received)")),
					this.timeoutMillis, TimeUnit.MILLISECONDS);
		ctx.writeAndFlush(Unpooled.wrappedBuffer(Socks5HandshakeMessages.greeting(offered())));
		ctx.fireChannelActive();
	}

	private List<Socks5AuthMethod> offered() {
		return Socks5HandshakeMessages.offeredMethods(this.credentials != null);
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		ByteBuf in = (ByteBuf) msg;
		try {
			while (in.isReadable() && this.phase != Phase.DONE) {
				ByteBuffer nio = in.nioBuffer();
				int before = nio.position();
				boolean complete;
				try {
					complete = parse(nio);
				}
				finally {
					int count = nio.position() - before;
					this.consumed += count;
					in.skipBytes(count);
				}
				if (complete) {
					next(ctx);
				}
			}
		}
		catch (Exception ex) {
			fail(ctx, ex);
		}
		finally {
			in.release();
		}
	}

	private boolean parse(ByteBuffer nio) throws Socks5Exception {
		try {
			return switch (this.phase) {
				case METHOD -> this.methodParser.parse(nio);
				case AUTH -> this.authParser.parse(nio);
				case ASSOCIATE -> parseCommandReply(nio);
				case DONE -> false;
			};
		}
		catch (Socks5ProtocolException ex) {
			throw new Socks5ProtocolException(
					"invalid " + this.phase.description + " from SOCKS5 server " + this.server + ": " + ex.getMessage(),
					ex);
		}
	}

	private boolean parseCommandReply(ByteBuffer nio) throws Socks5Exception {
		boolean complete;
		try {
			complete = this.commandParser.parse(nio);
		}
		catch (Socks5ProtocolException ex) {
			// A failing REP says more than what broke after it
			checkReplyCode(ex);
			throw ex;
		}
		checkReplyCode(null);
		return complete;
	}

	private void checkReplyCode(@Nullable Exception suppressed) throws Socks5ReplyException {
		Socks5ReplyException.throwIfAssociateFailed(this.commandParser.replyCode(), this.server, suppressed);
	}

	private void next(ChannelHandlerContext ctx) throws Socks5Exception {
		this.consumed = 0;
		switch (this.phase) {
			case METHOD -> afterMethod(ctx);
			case AUTH -> afterAuth(ctx);
			case ASSOCIATE -> {
				this.phase = Phase.DONE;
				cancelDeadline();
				this.bound.trySuccess(Objects.requireNonNull(this.commandParser.boundAddress()));
			}
			case DONE -> {
			}
		}
	}

	private void afterMethod(ChannelHandlerContext ctx) throws Socks5Exception {
		Socks5AuthMethod method = Objects.requireNonNull(this.methodParser.method());
		List<Socks5AuthMethod> offered = offered();
		Socks5HandshakeMessages.checkChosenMethod(method, offered, this.credentials != null, this.server);
		if (method.equals(Socks5AuthMethod.USERNAME_PASSWORD)) {
			// Offered, so chosen, only with credentials
			byte[] request = Socks5HandshakeMessages.usernamePasswordRequest(Objects.requireNonNull(this.credentials));
			ByteBuf buf = ctx.alloc().buffer(request.length).writeBytes(request);
			Arrays.fill(request, (byte) 0);
			this.phase = Phase.AUTH;
			ctx.writeAndFlush(buf);
		}
		else {
			requestAssociate(ctx);
		}
	}

	private void afterAuth(ChannelHandlerContext ctx) throws Socks5AuthenticationException {
		if (!this.authParser.succeeded()) {
			throw new Socks5AuthenticationException("SOCKS5 server " + this.server + " rejected username '"
					+ Objects.requireNonNull(this.credentials).username() + "' (STATUS "
					+ String.format("X'%02X'", this.authParser.status()) + ")");
		}
		requestAssociate(ctx);
	}

	private void requestAssociate(ChannelHandlerContext ctx) {
		this.phase = Phase.ASSOCIATE;
		ctx.writeAndFlush(Unpooled.wrappedBuffer(Socks5HandshakeMessages.udpAssociateRequest(this.announced.get())));
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		if (this.phase != Phase.DONE) {
			fail(ctx, new Socks5ProtocolException("server closed the control connection after " + this.consumed
					+ " bytes of the " + this.phase.description + " (SOCKS5 server " + this.server + ")"));
		}
		ctx.fireChannelInactive();
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		if (this.phase != Phase.DONE) {
			fail(ctx, cause);
		}
		else {
			// A read error (a reset) ends the association: the close is what is watched
			ctx.close();
		}
	}

	private void fail(ChannelHandlerContext ctx, Throwable cause) {
		this.phase = Phase.DONE;
		cancelDeadline();
		this.bound.tryFailure(cause);
		ctx.close();
	}

	private void cancelDeadline() {
		ScheduledFuture<?> scheduled = this.deadline;
		if (scheduled != null) {
			scheduled.cancel(false);
		}
	}

	private enum Phase {

		METHOD("method reply"), AUTH("username/password reply"), ASSOCIATE("UDP ASSOCIATE reply"), DONE("end");

		private final String description;

		Phase(String description) {
			this.description = description;
		}

	}

}
