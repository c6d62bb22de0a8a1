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

import java.net.IDN;

/**
 * The text rules of a SOCKS5 domain name (RFC 1928, ATYP X'03') as this client sends it:
 * no control character and no space, converted to ASCII with IDNA, 1 to
 * {@value Socks5Address#MAX_DOMAIN_LENGTH} bytes.
 *
 * @author socks5-udp authors
 */
final class DomainNames {

	private DomainNames() {
	}

	/**
	 * Convert a name to ASCII with IDNA.
	 * @param name the name, its characters {@link #checkCharacters checked}
	 * @return the ASCII form
	 * @throws IllegalArgumentException if IDNA refuses the name
	 */
	static String toAscii(String name) {
		String ascii;
		try {
			ascii = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"domain: '" + name + "' (expected: a valid IDN host name; " + ex.getMessage() + ")", ex);
		}
		// Compatibility mappings may yield characters the name did not hold
		checkCharacters("domain", ascii);
		return ascii;
	}

	/**
	 * Refuse a control character (C0, DEL, C1) or a space: a relay would take a CR or LF
	 * into its logs and resolver queries, and no host name holds one.
	 * @param field the argument's name, for the message
	 * @param name the name
	 * @throws IllegalArgumentException naming the first such character and its index
	 */
	static void checkCharacters(String field, String name) {
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (isControlOrSpace(c)) {
				throw new IllegalArgumentException(field + ": '" + printable(abbreviate(name)) + "' has "
						+ (Character.isISOControl(c) ? "the control character " : "the space ") + codePoint(c)
						+ " at index " + i + " (expected: a host name without control characters or spaces)");
			}
		}
	}

	private static boolean isControlOrSpace(char c) {
		return Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c);
	}

	private static String printable(String name) {
		StringBuilder text = new StringBuilder(name.length() + 16);
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (isControlOrSpace(c)) {
				text.append("\\u").append(codePoint(c), 2, 6);
			}
			else {
				text.append(c);
			}
		}
		return text.toString();
	}

	private static String codePoint(char c) {
		return String.format("U+%04X", (int) c);
	}

	/**
	 * Check the length of a name's ASCII form.
	 * @param name the name as given, for the message
	 * @param length the length in bytes after IDN conversion
	 */
	static void checkLength(String name, int length) {
		if (length < 1 || length > Socks5Address.MAX_DOMAIN_LENGTH) {
			throw new IllegalArgumentException("domain: '" + abbreviate(name) + "' is " + length
					+ " bytes after IDN conversion (expected: 1-" + Socks5Address.MAX_DOMAIN_LENGTH + ")");
		}
	}

	static String abbreviate(String name) {
		return (name.length() > 40) ? name.substring(0, 37) + "..." : name;
	}

}
