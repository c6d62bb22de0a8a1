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

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Test resources of this package as files.
 *
 * @author socks5-udp authors
 */
final class TestFiles {

	private TestFiles() {
	}

	static Path resource(String name) {
		URL url = TestFiles.class.getResource(name);
		if (url == null) {
			throw new IllegalArgumentException("resource: '" + name + "' (expected: a file next to TestFiles)");
		}
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
