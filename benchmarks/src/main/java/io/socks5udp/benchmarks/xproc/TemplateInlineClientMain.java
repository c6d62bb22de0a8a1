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

import io.socks5udp.benchmarks.e2e.TemplatePath;

/**
 * Client process of path {@code template-inline}: the template driven on its receive
 * thread ({@link InlineLoad}), its listener sending the next datagram with
 * {@code Socks5UdpTemplate#send(Socks5Address, ByteBuffer)}, through the relay to the
 * echo target. Arguments: see {@link ClientArguments}.
 *
 * @author socks5-udp authors
 */
public final class TemplateInlineClientMain {

	private TemplateInlineClientMain() {
	}

	/**
	 * Run the client and print its {@link ResultLine}.
	 * @param args
	 * {@code --relay HOST:PORT --target HOST:PORT --size BYTES --in-flight N --warmup S --seconds S}
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		ClientProcess.runInline("template-inline", args, (relay, target) -> new TemplatePath(relay, target));
	}

}
