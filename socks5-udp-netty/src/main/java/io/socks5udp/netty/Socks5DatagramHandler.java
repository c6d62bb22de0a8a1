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

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.AddressedEnvelope;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.socks5udp.core.client.Socks5AssociationCounters;
import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.protocol.Socks5AddressText;
import io.socks5udp.core.protocol.Socks5AssociationClosedException;
import org.jspecify.annotations.Nullable;

/**
 * Makes a Netty {@code DatagramChannel} send and receive through a SOCKS5 UDP association
 * (RFC 1928), so that the handlers after it work unchanged. Add it first in the pipeline
 * (nearest the socket); one instance per channel.
 * <ul>
 * <li>When the channel is active (bound), it opens the association on the channel's event
 * loop: TCP control connection, greeting, username/password (RFC 1929) when the options
 * have credentials, UDP ASSOCIATE announcing the channel's address (or zeros, per the
 * options' {@link io.socks5udp.core.client.AssociateAddressPolicy}).</li>
 * <li>Outbound {@link DatagramPacket}s, and any {@link AddressedEnvelope} of a
 * {@link ByteBuf} to an {@link InetSocketAddress}, are wrapped in the section 7 header
 * and sent to the relay; an unresolved recipient is sent as a domain name (ATYP 3),
 * resolved by the relay. Datagrams written before the association is granted are held and
 * sent once it is; a message of any other type fails its promise, since sending it would
 * bypass the proxy.</li>
 * <li>Inbound datagrams from the relay are unwrapped and passed on as
 * {@link DatagramPacket}s whose sender is the remote the relay reports (an unresolved
 * address for a domain name). Datagrams from any other source, malformed ones and
 * fragments are dropped and {@link #counters() counted}.</li>
 * <li>When the control connection ends while the channel is open, a
 * {@link Socks5AssociationLost} event goes through the pipeline and the handler
 * associates again after its {@link Socks5ReassociationBackoff} delay; the channel and
 * its local port stay the same, the relay address changes
 * ({@link Socks5AssociationEstablished} tells which).</li>
 * <li>A failed attempt (server unreachable, authentication refused, a refusing reply
 * code) reaches {@code exceptionCaught} as the core's typed exception (a
 * {@link io.socks5udp.core.protocol.Socks5Exception} subclass, or the connect failure),
 * fails the datagrams held meanwhile with it, and is retried after the backoff
 * delay.</li>
 * <li>Closing the channel closes the control connection, which ends the association at
 * the server.</li>
 * </ul>
 * The control connection is a {@link NioSocketChannel} on the channel's event loop for an
 * NIO datagram channel; other transports need
 * {@link Socks5DatagramHandlerBuilder#controlChannelFactory}.
 *
 * @author socks5-udp authors
 * @see Socks5DatagramChannelFactory
 */
public final class Socks5DatagramHandler extends ChannelDuplexHandler {

	/**
	 * The name this handler is given in a pipeline by
	 * {@link Socks5DatagramChannelFactory}.
	 */
	public static final String NAME = "socks5DatagramHandler";

	/** Default number of datagrams held while no association is granted. */
	public static final int DEFAULT_PENDING_LIMIT = 1024;

	private static final Logger logger = System.getLogger(Socks5DatagramHandler.class.getName());

	private final Socks5AssociationOptions options;

	private final Socks5ReassociationBackoff backoff;

	private final @Nullable ChannelFactory<? extends SocketChannel> controlChannelFactory;

	private final Socks5AssociationCounters counters = new Socks5AssociationCounters();

	private final Socks5DatagramCodec codec = new Socks5DatagramCodec(this.counters);

	private final PendingDatagrams pending;

	// Written on the event loop only; volatile for the getters, read from any thread
	private volatile State state = State.IDLE;

	private @Nullable ChannelHandlerContext ctx;

	private volatile @Nullable Socks5RelayBinding binding;

	private @Nullable Future<Socks5RelayBinding> attempt;

	private io.netty.util.concurrent.@Nullable ScheduledFuture<?> retry;

	private int failedAttempts;

	private volatile int generation;

	Socks5DatagramHandler(Socks5DatagramHandlerBuilder builder) {
		this.options = builder.options;
		this.backoff = builder.backoff;
		this.controlChannelFactory = builder.controlChannelFactory;
		this.pending = new PendingDatagrams(builder.pendingLimit);
	}

	/**
	 * Create a handler with default backoff and pending limit.
	 * @param options the association's options (server, credentials, timeouts, policies)
	 */
	public Socks5DatagramHandler(Socks5AssociationOptions options) {
		this(builder(options));
	}

	/**
	 * Start building a handler.
	 * @param options the association's options (server, credentials, timeouts, policies)
	 * @return the builder
	 */
	public static Socks5DatagramHandlerBuilder builder(Socks5AssociationOptions options) {
		return new Socks5DatagramHandlerBuilder(options);
	}

	/**
	 * Return the counters of this channel's datagrams, over all its associations: sent,
	 * received and dropped by reason.
	 * @return the live counters
	 */
	public Socks5AssociationCounters counters() {
		return this.counters;
	}

	/**
	 * Return the relay datagrams are sent to now.
	 * @return the relay address, or {@code null} while no association is granted
	 */
	public @Nullable InetSocketAddress relayAddress() {
		Socks5RelayBinding current = this.binding;
		return (current != null) ? current.relay() : null;
	}

	/**
	 * Return how many associations the server granted this channel so far: 1 after the
	 * first, 2 once it associated again, and so on.
	 * @return the number of the current or last association, 0 before the first
	 */
	public int generation() {
		return this.generation;
	}

	/**
	 * Return whether an association is granted now.
	 * @return whether datagrams go out at once rather than being held
	 */
	public boolean isAssociated() {
		return this.state == State.ASSOCIATED;
	}

	@Override
	public void handlerAdded(ChannelHandlerContext ctx) {
		this.ctx = ctx;
		if (ctx.channel().isActive()) {
			associate(ctx);
		}
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) {
		if (this.state == State.IDLE) {
			associate(ctx);
		}
		ctx.fireChannelActive();
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		shutdown("channel closed");
		ctx.fireChannelInactive();
	}

	@Override
	public void handlerRemoved(ChannelHandlerContext ctx) {
		shutdown("handler removed");
	}

	@Override
	public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
		shutdown("channel closed");
		ctx.close(promise);
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (!(msg instanceof DatagramPacket packet)) {
			ctx.fireChannelRead(msg);
			return;
		}
		DatagramPacket unwrapped = this.codec.unwrap(packet, relayAddress());
		if (unwrapped != null) {
			ctx.fireChannelRead(unwrapped);
		}
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
		if (!(msg instanceof AddressedEnvelope<?, ?> envelope) || !(envelope.content() instanceof ByteBuf)
				|| !(envelope.recipient() instanceof InetSocketAddress)) {
			ReferenceCountUtil.release(msg);
			promise.tryFailure(new IllegalArgumentException("message: " + msg.getClass().getName()
					+ " (expected: a DatagramPacket or an AddressedEnvelope of a ByteBuf to an InetSocketAddress;"
					+ " anything else would bypass the SOCKS5 relay)"));
			return;
		}
		switch (this.state) {
			case ASSOCIATED -> send(ctx, envelope, promise);
			case CLOSED -> refuse(envelope, promise, closedException("channel closed"));
			default -> {
				if (!this.pending.add(msg, promise)) {
					refuse(envelope, promise, closedException(
							"no association yet, and " + this.pending.size() + " datagrams already wait for one"));
				}
			}
		}
	}

	private void send(ChannelHandlerContext ctx, AddressedEnvelope<?, ?> envelope, ChannelPromise promise) {
		InetSocketAddress relay = Objects.requireNonNull(relayAddress());
		try {
			DatagramPacket datagram = this.codec.wrap(ctx.alloc(), (ByteBuf) envelope.content(),
					(InetSocketAddress) envelope.recipient(), relay);
			ctx.write(datagram, promise);
		}
		catch (RuntimeException ex) {
			promise.tryFailure(ex);
		}
		finally {
			ReferenceCountUtil.release(envelope);
		}
	}

	private void refuse(Object msg, ChannelPromise promise, Throwable cause) {
		this.counters.drop(Socks5DropReason.NO_ASSOCIATION);
		ReferenceCountUtil.release(msg);
		promise.tryFailure(cause);
	}

	private void associate(ChannelHandlerContext ctx) {
		this.state = State.ASSOCIATING;
		this.retry = null;
		Socks5ControlConnector connector = new Socks5ControlConnector(this.options, controlChannelFactory(ctx));
		Future<Socks5RelayBinding> future = connector.connect(ctx.channel().eventLoop(),
				(InetSocketAddress) ctx.channel().localAddress());
		this.attempt = future;
		future.addListener((Future<Socks5RelayBinding> done) -> associated(ctx, done));
	}

	private ChannelFactory<? extends SocketChannel> controlChannelFactory(ChannelHandlerContext ctx) {
		if (this.controlChannelFactory != null) {
			return this.controlChannelFactory;
		}
		if (ctx.channel() instanceof NioDatagramChannel) {
			return NioSocketChannel::new;
		}
		throw new IllegalStateException("controlChannelFactory: not set (expected: a factory of TCP channels that "
				+ "can register on the event loop of a " + ctx.channel().getClass().getName() + ")");
	}

	private void associated(ChannelHandlerContext ctx, Future<Socks5RelayBinding> done) {
		if (done != this.attempt || this.state != State.ASSOCIATING) {
			if (done.isSuccess()) {
				done.getNow().control().close();
			}
			return;
		}
		this.attempt = null;
		if (!done.isSuccess()) {
			Throwable cause = done.cause();
			this.failedAttempts++;
			int failed = this.pending.failAll(cause);
			for (int i = 0; i < failed; i++) {
				this.counters.drop(Socks5DropReason.NO_ASSOCIATION);
			}
			logger.log(Level.DEBUG, () -> "SOCKS5 UDP association '" + this.options.name() + "' failed: " + cause);
			scheduleRetry(ctx);
			ctx.fireExceptionCaught(cause);
			return;
		}
		Socks5RelayBinding granted = done.getNow();
		this.binding = granted;
		this.state = State.ASSOCIATED;
		this.failedAttempts = 0;
		this.generation++;
		int number = this.generation;
		granted.control().closeFuture().addListener((closed) -> controlClosed(ctx, granted, number));
		logger.log(Level.DEBUG, () -> "SOCKS5 UDP association '" + this.options.name() + "' granted, relay "
				+ Socks5AddressText.hostAndPort(granted.relay()));
		this.pending.drain((msg, promise) -> send(ctx, (AddressedEnvelope<?, ?>) msg, promise));
		ctx.flush();
		ctx.fireUserEventTriggered(new Socks5AssociationEstablished(granted.relay(), granted.bound(), number));
	}

	private void controlClosed(ChannelHandlerContext ctx, Socks5RelayBinding closed, int number) {
		if (this.binding != closed || this.state != State.ASSOCIATED) {
			return;
		}
		this.binding = null;
		this.state = State.WAITING;
		Socks5AssociationClosedException cause = closedException("control connection closed by server");
		logger.log(Level.WARNING, () -> cause.getMessage() + "; associating again");
		scheduleRetry(ctx);
		ctx.fireUserEventTriggered(new Socks5AssociationLost(cause, number));
	}

	private void scheduleRetry(ChannelHandlerContext ctx) {
		this.state = State.WAITING;
		long nanos = this.backoff.delay(this.failedAttempts + 1, ThreadLocalRandom.current().nextDouble()).toNanos();
		this.retry = ctx.executor().schedule(() -> {
			if (this.state == State.WAITING && ctx.channel().isActive()) {
				associate(ctx);
			}
		}, nanos, TimeUnit.NANOSECONDS);
	}

	private void shutdown(String reason) {
		if (this.state == State.CLOSED) {
			return;
		}
		this.state = State.CLOSED;
		io.netty.util.concurrent.ScheduledFuture<?> scheduled = this.retry;
		if (scheduled != null) {
			scheduled.cancel(false);
		}
		Future<Socks5RelayBinding> inFlight = this.attempt;
		if (inFlight != null) {
			inFlight.cancel(false);
		}
		Socks5RelayBinding current = this.binding;
		this.binding = null;
		if (current != null) {
			current.control().close();
		}
		this.pending.failAll(closedException(reason));
	}

	private Socks5AssociationClosedException closedException(String reason) {
		return new Socks5AssociationClosedException("SOCKS5 UDP association '" + this.options.name() + "' via "
				+ Socks5AddressText.hostAndPort(this.options.host(), this.options.port()) + " is closed: " + reason);
	}

	private enum State {

		/** Channel not active yet. */
		IDLE,

		/** Control connection and handshake under way. */
		ASSOCIATING,

		/** Association granted; datagrams go out. */
		ASSOCIATED,

		/** Association ended or attempt failed; the next attempt is scheduled. */
		WAITING,

		/** Channel closed or handler removed; nothing more happens. */
		CLOSED

	}

}
