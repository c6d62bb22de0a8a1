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

package io.socks5udp.observation;

import io.micrometer.common.KeyValues;
import io.socks5udp.observation.Socks5UdpObservationDocumentation.AssociationHighCardinalityKeyNames;
import io.socks5udp.observation.Socks5UdpObservationDocumentation.AssociationLowCardinalityKeyNames;

/**
 * The default {@link Socks5UdpAssociationObservationConvention}: name
 * {@value Socks5UdpTelemetryNames#ASSOCIATE_OBSERVATION}, keys of low cardinality
 * {@code server}, {@code outcome}, {@code reassociation} and {@code code}.
 *
 * @author socks5-udp authors
 */
public class DefaultSocks5UdpAssociationObservationConvention implements Socks5UdpAssociationObservationConvention {

	/**
	 * Create the default convention.
	 */
	public DefaultSocks5UdpAssociationObservationConvention() {
	}

	@Override
	public String getName() {
		return Socks5UdpTelemetryNames.ASSOCIATE_OBSERVATION;
	}

	@Override
	public String getContextualName(Socks5UdpAssociationObservationContext context) {
		return "socks5 associate";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(Socks5UdpAssociationObservationContext context) {
		String error = context.getErrorCode();
		return KeyValues.of(AssociationLowCardinalityKeyNames.SERVER.withValue(context.getServerName()),
				AssociationLowCardinalityKeyNames.OUTCOME.withValue(outcome(context)),
				AssociationLowCardinalityKeyNames.REASSOCIATION.withValue(String.valueOf(context.isReassociation())),
				AssociationLowCardinalityKeyNames.CODE
					.withValue((error != null) ? error : Socks5UdpTelemetryNames.NONE));
	}

	private static String outcome(Socks5UdpAssociationObservationContext context) {
		if (context.getErrorCode() != null || context.getError() != null) {
			return Socks5UdpTelemetryNames.FAILURE;
		}
		return (context.getRelayAddress() != null) ? Socks5UdpTelemetryNames.SUCCESS : Socks5UdpTelemetryNames.UNKNOWN;
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(Socks5UdpAssociationObservationContext context) {
		KeyValues values = KeyValues
			.of(AssociationHighCardinalityKeyNames.SERVER_ADDRESS.withValue(context.getServerAddress()));
		String relay = context.getRelayAddress();
		return (relay != null) ? values.and(AssociationHighCardinalityKeyNames.RELAY_ADDRESS.withValue(relay)) : values;
	}

}
