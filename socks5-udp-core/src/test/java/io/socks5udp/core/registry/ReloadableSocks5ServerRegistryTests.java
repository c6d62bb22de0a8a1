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

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ReloadableSocks5ServerRegistry}.
 *
 * @author socks5-udp authors
 */
class ReloadableSocks5ServerRegistryTests {

	@TempDir
	Path directory;

	private ReloadableSocks5ServerRegistry registry;

	private final BlockingQueue<Object> outcomes = new LinkedBlockingQueue<>();

	@AfterEach
	void close() {
		if (this.registry != null) {
			this.registry.close();
		}
	}

	@Test
	void reloadSwapsInTheNewRules() throws Exception {
		Path file = Files.writeString(this.directory.resolve("socks5c.conf"), "10.0.0.0/8 old\n");
		this.registry = open(file);
		assertThat(server("10.1.1.1")).isEqualTo("old");
		Files.writeString(file, "10.0.0.0/8 new\n");
		Socks5RuleSet reloaded = this.registry.reload();
		assertThat(server("10.1.1.1")).isEqualTo("new");
		assertThat(this.registry.current()).isSameAs(reloaded);
		assertThat(this.outcomes.poll()).isSameAs(reloaded);
	}

	@Test
	void badNewFileKeepsTheOldRulesAndSaysWhy() throws Exception {
		Path file = Files.writeString(this.directory.resolve("socks5c.conf"), "10.0.0.0/8 old\n");
		this.registry = open(file);
		Socks5RuleSet before = this.registry.current();
		Files.writeString(file, "10.0.0.0/8 new\n10.1.0.0/16 none\n");
		assertThatExceptionOfType(Socks5ConfigException.class).isThrownBy(this.registry::reload)
			.withMessageContaining(file + ":2: '10.1.0.0/16 none'");
		assertThat(this.registry.current()).isSameAs(before);
		assertThat(server("10.1.1.1")).isEqualTo("old");
		assertThat(this.outcomes.poll()).isInstanceOf(Socks5ConfigException.class);
	}

	@Test
	void deletedFileKeepsTheOldRules() throws Exception {
		Path file = Files.writeString(this.directory.resolve("socks5c.conf"), "10.0.0.0/8 old\n");
		this.registry = open(file);
		Files.delete(file);
		assertThatExceptionOfType(NoSuchFileException.class).isThrownBy(this.registry::reload);
		assertThat(server("10.1.1.1")).isEqualTo("old");
	}

	@Test
	void watchedFileIsReloadedWhenItChanges() throws Exception {
		Path file = Files.writeString(this.directory.resolve("socks5c.conf"), "10.0.0.0/8 old\n");
		this.registry = open(file).watch();
		assertThat(this.registry.isWatching()).isTrue();
		Files.writeString(this.directory.resolve("unrelated.txt"), "x");
		Files.writeString(file, "10.0.0.0/8 new\n");
		awaitRoute("10.1.1.1", "new");
		assertThat(server("10.1.1.1")).isEqualTo("new");
	}

	@Test
	void watchedFileThatTurnsBadKeepsTheOldRulesAndReportsWhy() throws Exception {
		Path file = Files.writeString(this.directory.resolve("socks5c.conf"), "10.0.0.0/8 old\n");
		this.registry = open(file).watch();
		replace(file, "# edited\n10.0.0.0/8 [2001:db8::1]\n");
		Object outcome = this.outcomes.poll(30, TimeUnit.SECONDS);
		assertThat(outcome).isInstanceOf(Socks5ConfigException.class);
		assertThat(((Socks5ConfigException) outcome).line()).isEqualTo(2);
		assertThat(((Exception) outcome).getMessage()).contains("IPv6 address without a port");
		assertThat(server("10.1.1.1")).isEqualTo("old");
		replace(file, "10.0.0.0/8 fixed\n");
		awaitRoute("10.1.1.1", "fixed");
	}

	@Test
	void closeStopsWatching() throws Exception {
		Path file = Files.writeString(this.directory.resolve("socks5c.conf"), "10.0.0.0/8 old\n");
		this.registry = open(file).watch();
		this.registry.close();
		assertThat(this.registry.isWatching()).isFalse();
		assertThat(server("10.1.1.1")).isEqualTo("old");
	}

	@Test
	void watchWithoutFilesDoesNothing() throws Exception {
		this.registry = Socks5ServerRegistry.builder().text("t", "10.0.0.0/8 p").buildReloadable().watch();
		assertThat(this.registry.isWatching()).isFalse();
		assertThat(server("10.1.1.1")).isEqualTo("p");
	}

	@Test
	void watchRefusesARootDirectoryAsARuleFile() throws Exception {
		Path root = this.directory.getRoot();
		Socks5RuleSource source = new Socks5RuleSource() {

			@Override
			public String name() {
				return "root";
			}

			@Override
			public List<Socks5Rule> load() {
				return List.of();
			}

			@Override
			public List<Path> files() {
				return List.of(root);
			}

		};
		this.registry = Socks5ServerRegistry.builder().source(source).buildReloadable();
		assertThatIllegalArgumentException().isThrownBy(this.registry::watch)
			.withMessage("file: '" + root + "' (expected: a file, not a root directory)");
		assertThat(this.registry.isWatching()).isFalse();
	}

	private ReloadableSocks5ServerRegistry open(Path file) throws Exception {
		ReloadableSocks5ServerRegistry opened = Socks5ServerRegistry.builder().file(file).buildReloadable();
		opened.addListener(new Socks5RegistryListener() {

			@Override
			public void reloaded(Socks5RuleSet rules) {
				ReloadableSocks5ServerRegistryTests.this.outcomes.add(rules);
			}

			@Override
			public void reloadFailed(Exception failure) {
				ReloadableSocks5ServerRegistryTests.this.outcomes.add(failure);
			}

		});
		return opened;
	}

	private void replace(Path file, String content) throws Exception {
		// As careful tools do: the watcher sees the complete file appear at once
		Path next = Files.writeString(this.directory.resolve("next.tmp"), content);
		Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private void awaitRoute(String destination, String host) throws InterruptedException {
		Object outcome;
		do {
			outcome = this.outcomes.poll(30, TimeUnit.SECONDS);
			assertThat(outcome).as("reload within 30 s").isNotNull();
		}
		while (!(outcome instanceof Socks5RuleSet rules && !rules.lookup(destination).isDirect()
				&& rules.lookup(destination).server().host().equals(host)));
	}

	private String server(String destination) {
		Socks5Route route = this.registry.lookup(destination);
		return route.isDirect() ? null : route.server().host();
	}

}
