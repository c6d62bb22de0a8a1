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
package io.socks5udp.test.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures everything the core logs, at every level, while open. With no other
 * {@link System.LoggerFinder} on the class path, {@link System.Logger} writes to
 * {@code java.util.logging}, where a handler on the {@code io.socks5udp} logger sees
 * every record of the core.
 *
 * @author socks5-udp authors
 */
public final class CapturedLog implements AutoCloseable {

	private static final String CORE_LOGGER = "io.socks5udp";

	private final Logger logger = Logger.getLogger(CORE_LOGGER);

	private final Level previousLevel;

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private final Handler handler = new Handler() {

		private final SimpleFormatter formatter = new SimpleFormatter();

		@Override
		public void publish(LogRecord record) {
			StringBuilder line = new StringBuilder();
			line.append(record.getLevel()).append(' ').append(record.getLoggerName()).append(": ");
			line.append(this.formatter.formatMessage(record));
			if (record.getParameters() != null) {
				line.append(" parameters=").append(Arrays.deepToString(record.getParameters()));
			}
			if (record.getThrown() != null) {
				line.append('\n').append(stackTrace(record.getThrown()));
			}
			CapturedLog.this.lines.add(line.toString());
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	};

	private CapturedLog() {
		this.previousLevel = this.logger.getLevel();
		this.handler.setLevel(Level.ALL);
		this.logger.setLevel(Level.ALL);
		this.logger.addHandler(this.handler);
	}

	/**
	 * Start capturing.
	 * @return the capture, to close when done
	 */
	public static CapturedLog start() {
		return new CapturedLog();
	}

	/**
	 * Return what was logged so far, one record per entry with its stack trace.
	 * @return the records
	 */
	List<String> lines() {
		return List.copyOf(this.lines);
	}

	/**
	 * Return what was logged so far as one text.
	 * @return the text
	 */
	public String text() {
		return String.join("\n", this.lines);
	}

	@Override
	public void close() {
		this.logger.removeHandler(this.handler);
		this.logger.setLevel(this.previousLevel);
	}

	/**
	 * Return the full stack trace of a throwable, with causes and suppressed exceptions.
	 * @param thrown the throwable
	 * @return the text
	 */
	static String stackTrace(Throwable thrown) {
		StringWriter text = new StringWriter();
		thrown.printStackTrace(new PrintWriter(text));
		return text.toString();
	}

}
