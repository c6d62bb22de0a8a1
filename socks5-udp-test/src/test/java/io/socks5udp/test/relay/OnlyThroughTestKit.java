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
package io.socks5udp.test.relay;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that only runs inside another test, through the JUnit Platform test
 * kit (which sets {@value #PARAMETER}), never on its own in the build.
 *
 * @author socks5-udp authors
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OnlyThroughTestKit.Condition.class)
@interface OnlyThroughTestKit {

	/** Configuration parameter the test kit sets. */
	String PARAMETER = "socks5udp.relay.testkit";

	/**
	 * Disables the tests unless {@value #PARAMETER} is {@code true}.
	 */
	class Condition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			return context.getConfigurationParameter(PARAMETER, Boolean::parseBoolean).orElse(false)
					? ConditionEvaluationResult.enabled("run by the test kit")
					: ConditionEvaluationResult.disabled("runs only through the test kit");
		}

	}

}
