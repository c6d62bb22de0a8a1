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

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Watches the directories of rule files on a daemon thread and runs an action when one of
 * the files is created, changed or deleted. Events that follow each other within
 * {@value #QUIET_MILLIS} ms give one run, so that a file written in several steps is read
 * once it is complete. A file that is a symbolic link counts as changed on any event in
 * its directory, since tools that publish configuration swap the link's target there.
 *
 * @author socks5-udp authors
 */
final class RegistryFileWatcher implements Closeable {

	static final long QUIET_MILLIS = 100;

	private final WatchService watchService;

	private final Set<Path> files = new HashSet<>();

	private final Set<Path> linkDirectories = new HashSet<>();

	private final Runnable onChange;

	private final Thread thread;

	RegistryFileWatcher(List<Path> files, Runnable onChange) throws IOException {
		this.onChange = onChange;
		this.watchService = files.get(0).getFileSystem().newWatchService();
		try {
			Set<Path> directories = new HashSet<>();
			for (Path file : files) {
				Path absolute = file.toAbsolutePath().normalize();
				Path directory = absolute.getParent();
				if (directory == null) {
					throw new IllegalArgumentException("file: '" + file + "' (expected: a file, not a root directory)");
				}
				this.files.add(absolute);
				if (Files.isSymbolicLink(absolute)) {
					this.linkDirectories.add(directory);
				}
				if (Files.isDirectory(directory) && directories.add(directory)) {
					directory.register(this.watchService, StandardWatchEventKinds.ENTRY_CREATE,
							StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			this.watchService.close();
			throw ex;
		}
		this.thread = new Thread(this::run, "socks5-registry-watcher");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void run() {
		try {
			while (true) {
				boolean changed = drain(this.watchService.take());
				WatchKey next;
				while ((next = this.watchService.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
					changed |= drain(next);
				}
				if (changed) {
					this.onChange.run();
				}
			}
		}
		catch (ClosedWatchServiceException | InterruptedException ex) {
			// Closed: the watcher ends
		}
	}

	private boolean drain(WatchKey key) {
		Path directory = (Path) key.watchable();
		boolean changed = false;
		for (WatchEvent<?> event : key.pollEvents()) {
			if (event.kind() == StandardWatchEventKinds.OVERFLOW || this.linkDirectories.contains(directory)) {
				changed = true;
			}
			else if (event.context() instanceof Path name && this.files.contains(directory.resolve(name))) {
				changed = true;
			}
		}
		key.reset();
		return changed;
	}

	@Override
	public void close() {
		try {
			this.watchService.close();
		}
		catch (IOException ex) {
			// Nothing left to release
		}
	}

}
