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
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Assumptions;

/**
 * Test resources of this package as files.
 *
 * @author socks5-udp authors
 */
final class TestFiles {

	private TestFiles() {
	}

	/**
	 * Create a FIFO with the {@code mkfifo} command, skipping the test (visibly) where
	 * there is none.
	 * @param path where to create it
	 * @return the path
	 */
	static Path fifo(Path path) throws IOException, InterruptedException {
		int exit;
		try {
			Process process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
			process.getInputStream().transferTo(OutputStream.nullOutputStream());
			exit = process.waitFor();
		}
		catch (IOException ex) {
			exit = -1;
		}
		Assumptions.assumeTrue(exit == 0, "mkfifo is not available: the FIFO case is not tested here");
		return path;
	}

	/**
	 * Open a FIFO for writing on a daemon thread and close it at once, which releases
	 * whoever is blocked opening it for reading (they then read an empty file). Lets a
	 * test of code that should never have opened the FIFO fail instead of hanging.
	 * @param fifo the FIFO
	 */
	static void releaseReaders(Path fifo) {
		Thread writer = new Thread(() -> {
			try {
				Files.newOutputStream(fifo, StandardOpenOption.WRITE).close();
			}
			catch (IOException ex) {
				// Gone: nobody can be blocked on it
			}
		}, "fifo-writer");
		writer.setDaemon(true);
		writer.start();
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
