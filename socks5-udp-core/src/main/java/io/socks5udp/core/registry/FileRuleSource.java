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
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Rules from a {@code socks5c.conf} file, with the fallback AIX documents for
 * {@code SOCKS5C_CONFIG}: when the named file does not exist, the default file is read.
 * Only a regular file of at most the size limit is read.
 *
 * @author socks5-udp authors
 */
final class FileRuleSource implements Socks5RuleSource {

	private final Path file;

	private final @Nullable Path fallback;

	private final long maxBytes;

	FileRuleSource(Path file, @Nullable Path fallback, long maxBytes) {
		this.file = Objects.requireNonNull(file, "'file' must not be null");
		this.fallback = fallback;
		this.maxBytes = ConfigFileReader.checkLimit(maxBytes);
	}

	@Override
	public String name() {
		return this.file.toString();
	}

	@Override
	public List<Socks5Rule> load() throws IOException {
		if (this.fallback != null && !Files.exists(this.file)) {
			if (!Files.exists(this.fallback)) {
				throw new NoSuchFileException(this.file.toString(), this.fallback.toString(), "neither the file "
						+ Socks5ServerRegistryBuilder.CONFIG_ENVIRONMENT_VARIABLE + " names nor the default exists");
			}
			return Socks5ConfigParser.forFiles().parse(this.fallback, this.maxBytes);
		}
		return Socks5ConfigParser.forFiles().parse(this.file, this.maxBytes);
	}

	@Override
	public List<Path> files() {
		return (this.fallback != null) ? List.of(this.file, this.fallback) : List.of(this.file);
	}

	@Override
	public String toString() {
		return name();
	}

}
