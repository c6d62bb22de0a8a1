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

import java.time.Duration;

/**
 * How the managed associations of a template open, reconnect and treat sends during an
 * outage: the same for every server.
 *
 * @param backoff the backoff between attempts to re-establish an association
 * @param outage what sends do while there is no association
 * @param opener what opens an association
 * @param idleTimeout how long an association that is not warm may carry nothing before it
 * is closed; zero for never
 * @param observations the observations of association attempts
 * @author socks5-udp authors
 */
record AssociationSettings(ReconnectBackoff backoff, OutagePolicy outage, AssociationOpener opener,
		Duration idleTimeout, TemplateObservations observations) {

}
