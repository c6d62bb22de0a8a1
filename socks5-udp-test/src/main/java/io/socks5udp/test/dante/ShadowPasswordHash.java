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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * SHA-512 crypt ({@code $6$}), the password hash glibc's {@code crypt} checks in
 * {@code /etc/shadow}, so that a Dante container can hold users chosen by a test. Follows
 * Ulrich Drepper's "Unix crypt using SHA-256 and SHA-512" specification with the default
 * 5000 rounds.
 *
 * @author socks5-udp authors
 */
final class ShadowPasswordHash {

	private static final String ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final int ROUNDS = 5000;

	private static final int MAX_SALT_LENGTH = 16;

	// The specification spreads the 64 digest bytes over base-64 groups in this order.
	private static final int[][] GROUPS = { { 0, 21, 42 }, { 22, 43, 1 }, { 44, 2, 23 }, { 3, 24, 45 }, { 25, 46, 4 },
			{ 47, 5, 26 }, { 6, 27, 48 }, { 28, 49, 7 }, { 50, 8, 29 }, { 9, 30, 51 }, { 31, 52, 10 }, { 53, 11, 32 },
			{ 12, 33, 54 }, { 34, 55, 13 }, { 56, 14, 35 }, { 15, 36, 57 }, { 37, 58, 16 }, { 59, 17, 38 },
			{ 18, 39, 60 }, { 40, 61, 19 }, { 62, 20, 41 } };

	private static final SecureRandom RANDOM = new SecureRandom();

	private ShadowPasswordHash() {
	}

	/**
	 * Hash a password with a fresh random salt.
	 * @param password the password
	 * @return the hash, {@code $6$<salt>$<hash>}
	 */
	static String hash(String password) {
		StringBuilder salt = new StringBuilder();
		for (int i = 0; i < MAX_SALT_LENGTH; i++) {
			salt.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return hash(password, salt.toString());
	}

	/**
	 * Hash a password with the given salt.
	 * @param password the password
	 * @param salt the salt; only its first 16 characters count
	 * @return the hash, {@code $6$<salt>$<hash>}
	 */
	static String hash(String password, String salt) {
		byte[] p = password.getBytes(StandardCharsets.UTF_8);
		String usedSalt = (salt.length() > MAX_SALT_LENGTH) ? salt.substring(0, MAX_SALT_LENGTH) : salt;
		byte[] s = usedSalt.getBytes(StandardCharsets.UTF_8);
		MessageDigest digest = sha512();
		digest.update(p);
		digest.update(s);
		digest.update(p);
		byte[] alternate = digest.digest();
		digest.update(p);
		digest.update(s);
		updateRepeated(digest, alternate, p.length);
		for (int length = p.length; length > 0; length >>= 1) {
			digest.update(((length & 1) != 0) ? alternate : p);
		}
		byte[] intermediate = digest.digest();
		for (int i = 0; i < p.length; i++) {
			digest.update(p);
		}
		byte[] pSequence = repeatToLength(digest.digest(), p.length);
		for (int i = 0; i < 16 + (intermediate[0] & 0xff); i++) {
			digest.update(s);
		}
		byte[] sSequence = repeatToLength(digest.digest(), s.length);
		byte[] current = intermediate;
		for (int round = 0; round < ROUNDS; round++) {
			boolean odd = (round & 1) != 0;
			digest.update(odd ? pSequence : current);
			if (round % 3 != 0) {
				digest.update(sSequence);
			}
			if (round % 7 != 0) {
				digest.update(pSequence);
			}
			digest.update(odd ? current : pSequence);
			current = digest.digest();
		}
		StringBuilder result = new StringBuilder("$6$").append(usedSalt).append('$');
		for (int[] group : GROUPS) {
			appendBase64(result, current[group[0]], current[group[1]], current[group[2]], 4);
		}
		appendBase64(result, (byte) 0, (byte) 0, current[63], 2);
		return result.toString();
	}

	private static void updateRepeated(MessageDigest digest, byte[] block, int length) {
		int remaining = length;
		while (remaining > block.length) {
			digest.update(block);
			remaining -= block.length;
		}
		digest.update(block, 0, remaining);
	}

	private static byte[] repeatToLength(byte[] block, int length) {
		byte[] result = new byte[length];
		for (int i = 0; i < length; i++) {
			result[i] = block[i % block.length];
		}
		return result;
	}

	private static void appendBase64(StringBuilder target, byte high, byte middle, byte low, int characters) {
		int word = ((high & 0xff) << 16) | ((middle & 0xff) << 8) | (low & 0xff);
		for (int i = 0; i < characters; i++) {
			target.append(ALPHABET.charAt(word & 0x3f));
			word >>>= 6;
		}
	}

	private static MessageDigest sha512() {
		try {
			return MessageDigest.getInstance("SHA-512");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-512 is part of every Java platform", ex);
		}
	}

}
