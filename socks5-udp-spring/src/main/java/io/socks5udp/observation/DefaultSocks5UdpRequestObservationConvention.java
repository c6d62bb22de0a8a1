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
import io.socks5udp.observation.Socks5UdpObservationDocumentation.RequestHighCardinalityKeyNames;
import io.socks5udp.observation.Socks5UdpObservationDocumentation.RequestLowCardinalityKeyNames;

/**
 * The default {@link Socks5UdpRequestObservationConvention}: name
 * {@value Socks5UdpTelemetryNames#REQUEST_OBSERVATION}, keys of low cardinality
 * {@code server} and {@code outcome}.
 *
 * @author socks5-udp authors
 */
public class DefaultSocks5UdpRequestObservationConvention implements Socks5UdpRequestObservationConvention {

	/**
	 * Create the default convention.
	 */
	public DefaultSocks5UdpRequestObservationConvention() {
	}

	@Override
	public String getName() {
		return Socks5UdpTelemetryNames.REQUEST_OBSERVATION;
	}

	@Override
	public String getContextualName(Socks5UdpRequestObservationContext context) {
		return "socks5 request";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(Socks5UdpRequestObservationContext context) {
		Socks5UdpRequestObservationContext.Outcome outcome = context.getOutcome();
		return KeyValues.of(RequestLowCardinalityKeyNames.SERVER.withValue(context.getServerName()),
				RequestLowCardinalityKeyNames.OUTCOME
					.withValue((outcome != null) ? outcome.tag() : Socks5UdpTelemetryNames.UNKNOWN));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(Socks5UdpRequestObservationContext context) {
		return KeyValues.of(RequestHighCardinalityKeyNames.DESTINATION.withValue(context.getDestination()));
	}

}
