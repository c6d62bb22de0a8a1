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

package io.socks5udp.autoconfigure.docker;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import io.socks5udp.autoconfigure.testcontainers.DanteContainerLabels;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;

/**
 * Tells which Docker Compose services are Dante servers. A service whose
 * {@value #SERVICE_CONNECTION_LABEL} label is set is one when that label names Dante, and
 * is left to other factories otherwise, as in Boot's own service connections. A service
 * without that label is one when its image is named after Dante
 * ({@code socks5-udp/dante}, {@code vimagick/dante}, {@code dante-server}: a word
 * {@code dante} or {@code danted} in the last part of the name) or when it carries any of
 * the {@link DanteContainerLabels}.
 *
 * @author socks5-udp authors
 */
final class DanteServicePredicate implements Predicate<DockerComposeConnectionSource> {

	/** Boot's label that names the kind of service, overriding the image's name. */
	static final String SERVICE_CONNECTION_LABEL = "org.springframework.boot.service-connection";

	private static final List<String> DANTE_WORDS = List.of("dante", "danted");

	private static final List<String> DANTE_LABELS = List.of(DanteContainerLabels.HOST, DanteContainerLabels.PORT,
			DanteContainerLabels.USERNAME, DanteContainerLabels.PASSWORD, DanteContainerLabels.SERVER_NAME);

	@Override
	public boolean test(DockerComposeConnectionSource source) {
		RunningService service = source.getRunningService();
		@Nullable String connectionName = service.labels().get(SERVICE_CONNECTION_LABEL);
		if (connectionName != null) {
			return namesDante(connectionName);
		}
		return namesDante(service.image().getName()) || DANTE_LABELS.stream().anyMatch(service.labels()::containsKey);
	}

	/**
	 * Return whether an image name or connection name names Dante: whether the last part
	 * of the name, without tag or digest, has the word {@code dante} or {@code danted}
	 * between its dashes, underscores or dots. By words, so that a {@code comandante-app}
	 * is no Dante.
	 * @param name the name, such as {@code socks5-udp/dante:1.4.2}
	 * @return whether it names Dante
	 */
	static boolean namesDante(String name) {
		String lastPart = name.strip().toLowerCase(Locale.ROOT);
		int digest = lastPart.indexOf('@');
		if (digest >= 0) {
			lastPart = lastPart.substring(0, digest);
		}
		lastPart = lastPart.substring(lastPart.lastIndexOf('/') + 1);
		int tag = lastPart.indexOf(':');
		if (tag >= 0) {
			lastPart = lastPart.substring(0, tag);
		}
		return Arrays.stream(lastPart.split("[-_.]")).anyMatch(DANTE_WORDS::contains);
	}

}
