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

package io.socks5udp.autoconfigure.testcontainers;

import io.socks5udp.test.support.TestEnvironment;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Skips a test class, with the reason, where Docker or the Dante image is missing; where
 * {@value TestEnvironment#REQUIRE_ALL_VARIABLE} is {@code true} the class fails instead.
 * A condition rather than a {@code @BeforeAll} method because it must be decided before
 * the Testcontainers extension starts the class's containers.
 *
 * @author socks5-udp authors
 */
class RequireDocker implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		try {
			TestEnvironment.requireDocker();
			return ConditionEvaluationResult.enabled("Docker and the Dante image are there");
		}
		catch (TestAbortedException ex) {
			return ConditionEvaluationResult.disabled(ex.getMessage());
		}
	}

}
