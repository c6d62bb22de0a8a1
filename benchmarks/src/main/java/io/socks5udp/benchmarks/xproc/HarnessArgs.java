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
package io.socks5udp.benchmarks.xproc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options of the form {@code --name value}; an option followed by another
 * option or by nothing is a flag with the value {@code ""}.
 *
 * @author socks5-udp authors
 */
final class HarnessArgs {

	private final Map<String, String> values;

	private HarnessArgs(Map<String, String> values) {
		this.values = values;
	}

	static HarnessArgs parse(String... args) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || args[i].length() < 3) {
				throw new IllegalArgumentException("argument: " + args[i] + " (expected: --name [value])");
			}
			String name = args[i].substring(2);
			boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
			values.put(name, hasValue ? args[++i] : "");
		}
		return new HarnessArgs(values);
	}

	boolean has(String name) {
		return this.values.containsKey(name);
	}

	String string(String name, String defaultValue) {
		String value = this.values.get(name);
		return (value != null) ? value : defaultValue;
	}

	String required(String name) {
		String value = this.values.get(name);
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException("--" + name + ": missing (expected: a value)");
		}
		return value;
	}

	int integer(String name, int defaultValue) {
		String value = this.values.get(name);
		try {
			return (value != null) ? Integer.parseInt(value) : defaultValue;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + ": " + value + " (expected: an integer)");
		}
	}

	double decimal(String name, double defaultValue) {
		String value = this.values.get(name);
		try {
			return (value != null) ? Double.parseDouble(value) : defaultValue;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + ": " + value + " (expected: a number)");
		}
	}

	List<String> list(String name, String defaultValue) {
		return List.of(string(name, defaultValue).split(","));
	}

	/**
	 * Refuse options this program does not know, so that a typo is not silently a
	 * default.
	 */
	void requireOnly(List<String> known) {
		for (String name : this.values.keySet()) {
			if (!known.contains(name)) {
				throw new IllegalArgumentException("--" + name + ": unknown option (expected one of " + known + ")");
			}
		}
	}

}
