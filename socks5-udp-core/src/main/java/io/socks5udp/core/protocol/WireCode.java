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
package io.socks5udp.core.protocol;

/**
 * A one-byte code of the protocol (ATYP, METHOD, REP): its wire value and name, compared
 * by value, written as {@code NAME(0xNN)}. The common part of {@link Socks5AddressType},
 * {@link Socks5AuthMethod} and {@link Socks5ReplyCode}; their {@code valueOf(byte)} goes
 * through a {@link WireCodeTable}.
 *
 * @author socks5-udp authors
 */
abstract class WireCode {

	private final byte byteValue;

	private final String name;

	WireCode(byte byteValue, String name) {
		this.byteValue = byteValue;
		this.name = name;
	}

	/**
	 * Return the wire value: the byte that stands for this code in a message.
	 * @return the byte
	 */
	public byte byteValue() {
		return this.byteValue;
	}

	@Override
	public final boolean equals(Object obj) {
		return obj != null && obj.getClass() == getClass() && ((WireCode) obj).byteValue == this.byteValue;
	}

	@Override
	public final int hashCode() {
		return this.byteValue;
	}

	@Override
	public final String toString() {
		return this.name + String.format("(0x%02X)", this.byteValue & 0xFF);
	}

}
