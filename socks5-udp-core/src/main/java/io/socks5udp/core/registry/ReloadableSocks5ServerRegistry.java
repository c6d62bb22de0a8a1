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
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.socks5udp.core.protocol.Socks5Address;
import org.jspecify.annotations.Nullable;

/**
 * A registry whose rules can be read again from their sources and swapped atomically: on
 * demand with {@link #reload()}, or when a watched file changes ({@link #watch()}).
 * Lookups see either the old or the new rules, never a mix.
 * <p>
 * Reloads fail closed. A reload that fails keeps the previous rules, logs why, tells the
 * listeners and shows in {@link #reloadStatus()}: a file that cannot be read or is
 * refused (not a regular file, such as a FIFO, which is never opened; larger than its
 * limit, 1 MiB by default; not UTF-8), a malformed record, an unknown server name. So
 * does a reload whose sources now give no rule at all where rules were in use (a file
 * truncated to nothing or to comments): it would send every destination direct, and is
 * refused with a {@link Socks5ReloadRefusedException} unless the registry was built with
 * {@link Socks5ServerRegistryBuilder#allowEmptyReload(boolean) allowEmptyReload(true)}.
 * Sources without rules at the first load are what the user wrote and are accepted (no
 * rules: every destination is direct); rules may be added to them later.
 *
 * @author socks5-udp authors
 */
public final class ReloadableSocks5ServerRegistry implements Socks5ServerRegistry, Closeable {

	private static final System.Logger logger = System.getLogger(ReloadableSocks5ServerRegistry.class.getName());

	private final RuleSetLoader loader;

	private final AtomicReference<Socks5RuleSet> current;

	private final List<Socks5RegistryListener> listeners = new CopyOnWriteArrayList<>();

	private final Object reloadLock = new Object();

	private final boolean emptyReloadAllowed;

	private final Clock clock;

	private final AtomicReference<Socks5ReloadStatus> status;

	private @Nullable RegistryFileWatcher watcher;

	ReloadableSocks5ServerRegistry(RuleSetLoader loader, Socks5RuleSet initial, boolean emptyReloadAllowed,
			Clock clock) {
		this.loader = loader;
		this.current = new AtomicReference<>(initial);
		this.emptyReloadAllowed = emptyReloadAllowed;
		this.clock = clock;
		this.status = new AtomicReference<>(Socks5ReloadStatus.loaded(clock.instant(), initial.rules().size()));
	}

	/**
	 * Return the rules in use.
	 * @return the current rule set
	 */
	public Socks5RuleSet current() {
		// Never null: set in the constructor and by reload() only
		return Objects.requireNonNull(this.current.get());
	}

	/**
	 * Return the outcome of the last load of the rules, for a health indicator or
	 * metrics.
	 * @return the status
	 */
	public Socks5ReloadStatus reloadStatus() {
		// Never null: set in the constructor and replaced by every load only
		return Objects.requireNonNull(this.status.get());
	}

	/**
	 * Read the sources again and, if they are valid, use the new rules. The outcome is
	 * logged, shown by {@link #reloadStatus()} and told to the listeners.
	 * @return the new rule set
	 * @throws IOException if a source cannot be read or is refused, or if the sources
	 * give no rule where rules are in use ({@link Socks5ReloadRefusedException}); the
	 * previous rules stay in use
	 * @throws Socks5ConfigException if a rule is malformed; the previous rules stay in
	 * use
	 */
	public Socks5RuleSet reload() throws IOException {
		synchronized (this.reloadLock) {
			Socks5RuleSet next;
			try {
				next = this.loader.load();
				checkNotEmptied(next);
			}
			catch (IOException | RuntimeException ex) {
				failed(ex);
				throw ex;
			}
			this.current.set(next);
			this.status.set(reloadStatus().reloaded(this.clock.instant(), next.rules().size()));
			logger.log(Level.INFO,
					() -> "SOCKS5 rules reloaded from " + this.loader.names() + ": " + next.rules().size() + " rules");
			notifyListeners(next, null);
			return next;
		}
	}

	/**
	 * Add a listener of reloads.
	 * @param listener the listener
	 */
	public void addListener(Socks5RegistryListener listener) {
		this.listeners.add(Objects.requireNonNull(listener, "'listener' must not be null"));
	}

	/**
	 * Remove a listener of reloads.
	 * @param listener the listener
	 */
	public void removeListener(Socks5RegistryListener listener) {
		this.listeners.remove(listener);
	}

	/**
	 * Return the files the rules are read from: what {@link #watch()} watches.
	 * @return the files, empty when every source is text or properties
	 */
	public List<Path> files() {
		return List.copyOf(this.loader.files());
	}

	/**
	 * Watch the files of the sources and reload when one changes, on a daemon thread.
	 * Changes that come in a burst give one reload. Does nothing if already watching or
	 * if no source reads a file.
	 * @return this registry
	 * @throws IOException if the directories of the files cannot be watched
	 */
	public ReloadableSocks5ServerRegistry watch() throws IOException {
		List<Path> files = this.loader.files();
		synchronized (this.reloadLock) {
			if (this.watcher == null && !files.isEmpty()) {
				this.watcher = new RegistryFileWatcher(files, this::reloadQuietly);
			}
		}
		return this;
	}

	/**
	 * Return whether files are being watched.
	 * @return whether {@link #watch()} started a watcher that is not closed
	 */
	public boolean isWatching() {
		synchronized (this.reloadLock) {
			return this.watcher != null;
		}
	}

	/**
	 * Stop watching files. Lookups keep working with the current rules.
	 */
	@Override
	public void close() {
		RegistryFileWatcher watcher;
		synchronized (this.reloadLock) {
			watcher = this.watcher;
			this.watcher = null;
		}
		if (watcher != null) {
			watcher.close();
		}
	}

	@Override
	public Socks5ServerSelection lookup(Socks5Address destination) {
		return current().lookup(destination);
	}

	@Override
	public Socks5ServerSelection lookup(InetSocketAddress destination) {
		return current().lookup(destination);
	}

	@Override
	public Socks5ServerSelection lookup(InetAddress destination) {
		return current().lookup(destination);
	}

	@Override
	public Socks5ServerSelection lookup(String host) {
		return current().lookup(host);
	}

	@Override
	public String toString() {
		return "ReloadableSocks5ServerRegistry[" + current() + "]";
	}

	private void checkNotEmptied(Socks5RuleSet next) throws Socks5ReloadRefusedException {
		int inUse = current().rules().size();
		if (next.rules().isEmpty() && !next.isDisabled() && inUse > 0 && !this.emptyReloadAllowed) {
			throw new Socks5ReloadRefusedException(this.loader.names(), inUse);
		}
	}

	private void failed(Exception failure) {
		String why = (failure.getMessage() != null) ? failure.getMessage() : failure.toString();
		this.status.set(reloadStatus().failed(this.clock.instant(), why));
		logger.log(Level.WARNING, () -> "SOCKS5 rules not reloaded, the previous " + current().rules().size()
				+ " rules stay in use: " + why);
		notifyListeners(null, failure);
	}

	private void reloadQuietly() {
		try {
			reload();
		}
		catch (IOException | RuntimeException ex) {
			// Logged, recorded in the status and told to the listeners by reload()
		}
	}

	private void notifyListeners(@Nullable Socks5RuleSet rules, @Nullable Exception failure) {
		for (Socks5RegistryListener listener : this.listeners) {
			try {
				if (failure == null) {
					listener.reloaded(Objects.requireNonNull(rules));
				}
				else {
					listener.reloadFailed(failure);
				}
			}
			catch (RuntimeException ex) {
				logger.log(Level.WARNING, "SOCKS5 registry listener failed", ex);
			}
		}
	}

}
