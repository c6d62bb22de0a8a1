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
package io.socks5udp.core.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a configuration file as UTF-8 text, refusing what a configuration file cannot be:
 * anything but a regular file (opening a FIFO would block until someone writes to it, a
 * device may never end), a file larger than the limit, and bytes that are not UTF-8.
 * Every refusal is a {@link FileSystemException} whose message names the file.
 *
 * @author socks5-udp authors
 */
final class ConfigFileReader {

	/** The largest limit: what an array can hold. */
	static final long MAX_LIMIT = Integer.MAX_VALUE - 8;

	private ConfigFileReader() {
	}

	/**
	 * Check a file size limit.
	 * @param maxBytes the limit
	 * @return the limit
	 * @throws IllegalArgumentException if the limit is not 1 to {@value #MAX_LIMIT}
	 */
	static long checkLimit(long maxBytes) {
		if (maxBytes < 1 || maxBytes > MAX_LIMIT) {
			throw new IllegalArgumentException("maxBytes: " + maxBytes + " (expected: 1-" + MAX_LIMIT + ")");
		}
		return maxBytes;
	}

	/**
	 * Read a file.
	 * @param file the file; a symbolic link is followed
	 * @param maxBytes the largest size accepted
	 * @return the text
	 * @throws IOException if the file cannot be read or is refused
	 */
	static String read(Path file, long maxBytes) throws IOException {
		checkLimit(maxBytes);
		// Checked before opening: opening a FIFO blocks until a writer comes
		BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
		if (!attributes.isRegularFile()) {
			throw new FileSystemException(file.toString(), null,
					"is " + kind(attributes) + " (expected: a regular file of at most " + maxBytes + " bytes)");
		}
		if (attributes.size() > maxBytes) {
			throw tooLarge(file, attributes.size() + " bytes", maxBytes);
		}
		byte[] bytes;
		try (InputStream in = Files.newInputStream(file)) {
			// Bounded even if the file grew since its size was read
			bytes = in.readNBytes((int) maxBytes + 1);
		}
		if (bytes.length > maxBytes) {
			throw tooLarge(file, "more than " + maxBytes + " bytes", maxBytes);
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			FileSystemException failure = new FileSystemException(file.toString(), null,
					"is not UTF-8 text (expected: a socks5c.conf file in UTF-8)");
			failure.initCause(ex);
			throw failure;
		}
	}

	private static FileSystemException tooLarge(Path file, String size, long maxBytes) {
		return new FileSystemException(file.toString(), null,
				"is " + size + " (expected: at most " + maxBytes + " bytes)");
	}

	private static String kind(BasicFileAttributes attributes) {
		if (attributes.isDirectory()) {
			return "a directory";
		}
		return "not a regular file but a FIFO, socket or device";
	}

}
