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

/**
 * A reload refused although its sources could be read: they now give no rule at all where
 * rules were in use, as a file truncated by a failed copy or emptied by mistake does.
 * Applying it would send every destination direct, so the previous rules stay in use
 * unless the registry was built with
 * {@link Socks5ServerRegistryBuilder#allowEmptyReload(boolean)}.
 *
 * @author socks5-udp authors
 */
public class Socks5ReloadRefusedException extends IOException {

	private static final long serialVersionUID = 1L;

	private final int rulesInUse;

	/**
	 * Create an exception.
	 * @param sources the sources read, for the message
	 * @param rulesInUse the number of rules that stay in use
	 */
	public Socks5ReloadRefusedException(String sources, int rulesInUse) {
		super(sources + ": no rules left where " + rulesInUse + " rule" + ((rulesInUse != 1) ? "s were" : " was")
				+ " in use; the previous rules stay in use (expected: at least one rule, or a registry built with"
				+ " allowEmptyReload(true))");
		this.rulesInUse = rulesInUse;
	}

	/**
	 * Return the number of rules that stay in use.
	 * @return the number of rules
	 */
	public int rulesInUse() {
		return this.rulesInUse;
	}

}
