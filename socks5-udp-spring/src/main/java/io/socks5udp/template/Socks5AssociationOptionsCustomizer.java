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

package io.socks5udp.template;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5AssociationOptionsBuilder;

/**
 * Callback to customize the options of the associations with a server, after the
 * configuration properties are applied: every configured server, and every server that a
 * rule routes to without configuration, when its association is added.
 *
 * @author socks5-udp authors
 */
@FunctionalInterface
public interface Socks5AssociationOptionsCustomizer {

	/**
	 * Customize the options of a server.
	 * @param serverName the server's logical name
	 * @param options the options builder
	 */
	void customize(String serverName, Socks5AssociationOptionsBuilder options);

}
