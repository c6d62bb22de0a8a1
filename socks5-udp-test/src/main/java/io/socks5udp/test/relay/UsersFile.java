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
package io.socks5udp.test.relay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.socks5udp.core.protocol.Socks5Credentials;

/**
 * A file of relay users, so that passwords stay off the command line: one
 * {@code NAME:PASSWORD} a line (the password is all after the first colon, as written),
 * lines starting with {@code #} and blank lines ignored, UTF-8. A mistake is reported as
 * {@code FILE:LINE: problem}, never with the line itself, which may hold a password.
 *
 * @author socks5-udp authors
 */
final class UsersFile {

	private UsersFile() {
	}

	/**
	 * Read the users in a file.
	 * @param file the file
	 * @return the users, in file order, at least one
	 * @throws IllegalArgumentException if the file cannot be read, a line is not a valid
	 * user, a name is given twice or there is no user at all
	 */
	static List<Socks5Credentials> read(Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(file + ": cannot read (" + ex.getClass().getSimpleName() + ")", ex);
		}
		List<Socks5Credentials> users = new ArrayList<>();
		Map<String, Integer> firstLines = new HashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.isBlank() || line.stripLeading().startsWith("#")) {
				continue;
			}
			String where = file + ":" + (i + 1) + ": ";
			Socks5Credentials user = parseUser(line, where, "line");
			Integer first = firstLines.putIfAbsent(user.username(), i + 1);
			if (first != null) {
				throw new IllegalArgumentException(
						where + "user '" + user.username() + "' again (expected: once; first on line " + first + ")");
			}
			users.add(user);
		}
		if (users.isEmpty()) {
			throw new IllegalArgumentException(file + ": no users (expected: at least one NAME:PASSWORD line)");
		}
		return users;
	}

	/**
	 * Read one user written {@code NAME:PASSWORD}, the password being all after the first
	 * colon.
	 * @param text the text
	 * @param where what the message of an exception starts with, such as {@code --user: }
	 * @param unit what the text is called in the message: {@code value}, {@code line}
	 * @return the user
	 * @throws IllegalArgumentException if the text is not a valid user; the message never
	 * shows the text, which may be a password
	 */
	static Socks5Credentials parseUser(String text, String where, String unit) {
		int colon = text.indexOf(':');
		if (colon < 0) {
			throw new IllegalArgumentException(where + "no ':' in the " + unit + " (expected: NAME:PASSWORD)");
		}
		try {
			return new Socks5Credentials(text.substring(0, colon), text.substring(colon + 1));
		}
		catch (IllegalArgumentException ex) {
			// The messages of Socks5Credentials never show the password
			throw new IllegalArgumentException(where + ex.getMessage());
		}
	}

}
