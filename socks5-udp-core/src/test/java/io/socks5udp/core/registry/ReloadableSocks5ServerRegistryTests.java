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

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

	private final List<Path> fifos = new ArrayList<>();

	@AfterEach
	void close() {
		// A reload blocked opening a FIFO holds the reload lock that close() takes
		this.fifos.forEach(TestFiles::releaseReaders);
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

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "", "# all rules commented out\n#10.0.0.0/8 old\n\n   \n" })
	void fileTruncatedToNoRulesKeepsTheOldRulesAndSaysWhy(String content) throws Exception {
		Path file = Files.writeString(this.directory.resolve("socks5c.conf"), "10.0.0.0/8 old\n192.0.2.0/24 old\n");
		this.registry = open(file);
		Socks5RuleSet before = this.registry.current();
		Files.writeString(file, content);
		assertThatExceptionOfType(Socks5ReloadRefusedException.class).isThrownBy(this.registry::reload)
			.withMessage(file + ": no rules left where 2 rules were in use; the previous rules stay in use"
					+ " (expected: at least one rule, or a registry built with allowEmptyReload(true))")
			.satisfies((ex) -> assertThat(ex.rulesInUse()).isEqualTo(2));
		assertThat(this.registry.current()).isSameAs(before);
		assertThat(server("10.1.1.1")).isEqualTo("old");
		assertThat(this.outcomes.poll()).isInstanceOf(Socks5ReloadRefusedException.class);
		Socks5ReloadStatus status = this.registry.reloadStatus();
		assertThat(status.outcome()).isEqualTo(Socks5ReloadStatus.Outcome.FAILED);
		assertThat(status.isFailing()).isTrue();
		assertThat(status.failure()).startsWith(file + ": no rules left");
		assertThat(status.ruleCount()).isEqualTo(2);
		assertThat(status.failedReloads()).isEqualTo(1);
	}

	@Test
	void emptyReloadIsAppliedWhenAllowed() throws Exception {
		Path file = Files.writeString(this.directory.resolve("socks5c.conf"), "10.0.0.0/8 old\n");
		this.registry = Socks5ServerRegistry.builder().file(file).allowEmptyReload(true).buildReloadable();
		Files.writeString(file, "# SOCKS off for now\n");
		assertThat(this.registry.reload().rules()).isEmpty();
		assertThat(server("10.1.1.1")).isNull();
		assertThat(this.registry.reloadStatus().outcome()).isEqualTo(Socks5ReloadStatus.Outcome.RELOADED);
		assertThat(this.registry.reloadStatus().ruleCount()).isZero();
	}

	@Test
	void fileWithoutRulesFromTheStartIsAcceptedAndMayGainRules() throws Exception {
		Path file = Files.writeString(this.directory.resolve("socks5c.conf"), "# no SOCKS server yet\n");
		this.registry = open(file);
		assertThat(this.registry.current().rules()).isEmpty();
		assertThat(this.registry.reloadStatus().outcome()).isEqualTo(Socks5ReloadStatus.Outcome.LOADED);
		assertThat(this.registry.reload().rules()).isEmpty();
		Files.writeString(file, "10.0.0.0/8 new\n");
		this.registry.reload();
		assertThat(server("10.1.1.1")).isEqualTo("new");
	}

	@Test
	void statusCountsFailedReloadsUntilOneSucceeds() throws Exception {
		Instant start = Instant.now();
		Path file = Files.writeString(this.directory.resolve("socks5c.conf"), "10.0.0.0/8 old\n");
		this.registry = open(file);
		Socks5ReloadStatus loaded = this.registry.reloadStatus();
		assertThat(loaded).isEqualTo(new Socks5ReloadStatus(Socks5ReloadStatus.Outcome.LOADED, loaded.time(),
				loaded.time(), 1, null, 0, 0, 0));
		assertThat(loaded.time()).isAfterOrEqualTo(start.minusSeconds(1));
		Files.writeString(file, "10.0.0.0/8 new\n10.1.0.0/16 none\n");
		assertThatExceptionOfType(Socks5ConfigException.class).isThrownBy(this.registry::reload);
		Files.delete(file);
		assertThatExceptionOfType(NoSuchFileException.class).isThrownBy(this.registry::reload);
		Socks5ReloadStatus failing = this.registry.reloadStatus();
		assertThat(failing.outcome()).isEqualTo(Socks5ReloadStatus.Outcome.FAILED);
		assertThat(failing.failure()).contains(file.toString());
		assertThat(failing.failedReloads()).isEqualTo(2);
		assertThat(failing.consecutiveFailures()).isEqualTo(2);
		assertThat(failing.lastSuccess()).isEqualTo(loaded.time());
		assertThat(failing.time()).isAfterOrEqualTo(loaded.time());
		Files.writeString(file, "10.0.0.0/8 new\n10.1.0.0/16 other\n");
		this.registry.reload();
		Socks5ReloadStatus reloaded = this.registry.reloadStatus();
		assertThat(reloaded.outcome()).isEqualTo(Socks5ReloadStatus.Outcome.RELOADED);
		assertThat(reloaded.isFailing()).isFalse();
		assertThat(reloaded.failure()).isNull();
		assertThat(reloaded.ruleCount()).isEqualTo(2);
		assertThat(reloaded.reloads()).isEqualTo(1);
		assertThat(reloaded.failedReloads()).isEqualTo(2);
		assertThat(reloaded.consecutiveFailures()).isZero();
		assertThat(reloaded.lastSuccess()).isEqualTo(reloaded.time()).isAfterOrEqualTo(failing.time());
	}

	@Test
	void failedReloadIsLoggedWithTheReason() throws Exception {
		Path file = Files.writeString(this.directory.resolve("socks5c.conf"), "10.0.0.0/8 old\n");
		this.registry = open(file);
		Files.writeString(file, "");
		List<LogRecord> records = new CopyOnWriteArrayList<>();
		Logger logger = Logger.getLogger(ReloadableSocks5ServerRegistry.class.getName());
		Handler handler = new Handler() {

			@Override
			public void publish(LogRecord record) {
				records.add(record);
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}

		};
		logger.addHandler(handler);
		try {
			assertThatExceptionOfType(Socks5ReloadRefusedException.class).isThrownBy(this.registry::reload);
		}
		finally {
			logger.removeHandler(handler);
		}
		assertThat(records).singleElement().satisfies((record) -> {
			assertThat(record.getLevel()).isEqualTo(java.util.logging.Level.WARNING);
			assertThat(record.getMessage()).startsWith("SOCKS5 rules not reloaded, the previous 1 rules stay in use: "
					+ file + ": no rules left where 1 rule was in use");
		});
	}

	@Test
	void fileGrownPastTheLimitKeepsTheOldRules() throws Exception {
		Path file = Files.writeString(this.directory.resolve("socks5c.conf"), "10.0.0.0/8 old\n");
		this.registry = open(file);
		byte[] large = new byte[2 * 1024 * 1024];
		Arrays.fill(large, (byte) '\n');
		Files.write(file, large);
		assertThatExceptionOfType(FileSystemException.class).isThrownBy(this.registry::reload)
			.withMessage(file + ": is 2097152 bytes (expected: at most 1048576 bytes)");
		assertThat(server("10.1.1.1")).isEqualTo("old");
		assertThat(this.registry.reloadStatus().failure())
			.isEqualTo(file + ": is 2097152 bytes (expected: at most 1048576 bytes)");
	}

	@Test
	void fileLargerThanTheLimitFailsTheFirstLoad() throws Exception {
		Path file = Files.writeString(this.directory.resolve("socks5c.conf"), "10.0.0.0/8 old\n");
		assertThatExceptionOfType(FileSystemException.class)
			.isThrownBy(() -> Socks5ServerRegistry.builder().file(file, 8).buildReloadable())
			.withMessage(file + ": is 15 bytes (expected: at most 8 bytes)");
	}

	@Test
	@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
	void fifoFailsTheFirstLoadWithoutHanging() throws Exception {
		Path fifo = fifo(this.directory.resolve("socks5c.conf"));
		assertThatExceptionOfType(FileSystemException.class)
			.isThrownBy(() -> Socks5ServerRegistry.builder().file(fifo).buildReloadable())
			.withMessageStartingWith(fifo + ": is not a regular file but a FIFO");
		assertThatExceptionOfType(FileSystemException.class)
			.isThrownBy(() -> Socks5ServerRegistry.builder()
				.environment(Map.of(Socks5ServerRegistryBuilder.CONFIG_ENVIRONMENT_VARIABLE, fifo.toString()))
				.buildReloadable())
			.withMessageStartingWith(fifo + ": is not a regular file but a FIFO");
	}

	@Test
	@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
	void fileReplacedByAFifoKeepsTheOldRulesWithoutHanging() throws Exception {
		Path file = Files.writeString(this.directory.resolve("socks5c.conf"), "10.0.0.0/8 old\n");
		this.registry = open(file);
		Files.delete(file);
		fifo(file);
		assertThatExceptionOfType(FileSystemException.class).isThrownBy(this.registry::reload)
			.withMessageStartingWith(file + ": is not a regular file but a FIFO");
		assertThat(server("10.1.1.1")).isEqualTo("old");
		assertThat(this.registry.reloadStatus().isFailing()).isTrue();
	}

	@Test
	@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
	void watchedFileReplacedByAFifoDoesNotStopTheWatcher() throws Exception {
		Path file = Files.writeString(this.directory.resolve("socks5c.conf"), "10.0.0.0/8 old\n");
		this.registry = open(file).watch();
		Path fifo = TestFiles.fifo(this.directory.resolve("fifo.tmp"));
		this.fifos.add(file);
		Files.move(fifo, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		Object outcome = this.outcomes.poll(30, TimeUnit.SECONDS);
		assertThat(outcome).isInstanceOf(FileSystemException.class);
		assertThat(server("10.1.1.1")).isEqualTo("old");
		// The watcher's thread did not block in the FIFO: it still sees changes
		replace(file, "10.0.0.0/8 fixed\n");
		awaitRoute("10.1.1.1", "fixed");
	}

	@Test
	void watchedFileTruncatedToNothingKeepsTheOldRules() throws Exception {
		Path file = Files.writeString(this.directory.resolve("socks5c.conf"), "10.0.0.0/8 old\n");
		this.registry = open(file).watch();
		replace(file, "");
		Object outcome = this.outcomes.poll(30, TimeUnit.SECONDS);
		assertThat(outcome).isInstanceOf(Socks5ReloadRefusedException.class);
		assertThat(server("10.1.1.1")).isEqualTo("old");
		assertThat(this.registry.reloadStatus().isFailing()).isTrue();
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

	private Path fifo(Path path) throws Exception {
		this.fifos.add(TestFiles.fifo(path));
		return path;
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
		Socks5ServerSelection route = this.registry.lookup(destination);
		return route.isDirect() ? null : route.server().host();
	}

}
