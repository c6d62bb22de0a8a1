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

package io.socks5udp.sample;

import java.io.PrintStream;

import io.socks5udp.autoconfigure.Socks5UdpConfigurationException;
import io.socks5udp.core.protocol.Socks5Errno;
import io.socks5udp.template.Socks5UdpErrors;
import io.socks5udp.template.Socks5UdpStartupException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a failed start into one line on standard error that says what is wrong and which
 * property to fix: {@code error: <what> (fix: --<property>=...)}. The stack trace follows
 * only with {@code --debug}.
 *
 * @author socks5-udp authors
 */
final class StartupFailures {

	/**
	 * Exit status of a run that could not start.
	 */
	static final int EXIT_STATUS = 2;

	private StartupFailures() {
	}

	/**
	 * Report a failed start.
	 * @param failure what {@code SpringApplication.run} threw
	 * @param debug whether to print the stack trace too
	 * @param err where to print
	 * @return the exit status, {@value #EXIT_STATUS}
	 */
	static int report(Throwable failure, boolean debug, PrintStream err) {
		err.println(describe(failure));
		if (debug) {
			failure.printStackTrace(err);
		}
		return EXIT_STATUS;
	}

	/**
	 * Describe a failed start in one line.
	 * @param failure what {@code SpringApplication.run} threw
	 * @return the line
	 */
	static String describe(Throwable failure) {
		Socks5UdpConfigurationException configuration = find(failure, Socks5UdpConfigurationException.class);
		if (configuration != null) {
			return invalid(configuration);
		}
		Socks5UdpStartupException startup = find(failure, Socks5UdpStartupException.class);
		if (startup != null) {
			return cannotAssociate(startup);
		}
		// A failed validation is also a failed binding: look for the former first
		BindValidationException validation = find(failure, BindValidationException.class);
		if (validation != null) {
			return invalid(validation);
		}
		BindException binding = find(failure, BindException.class);
		if (binding != null) {
			return invalid(binding);
		}
		Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
		return "error: " + root + " (fix: run with --debug to see where it failed)";
	}

	private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	private static String invalid(Socks5UdpConfigurationException ex) {
		String property = ex.property();
		String value = (ex.value() != null) ? "=" + ex.value() : "";
		return "error: " + property + value + " is invalid, " + ex.problem() + " (fix: " + fix(property, ex.action())
				+ ")";
	}

	/**
	 * Turn "Set a.b to a port such as 1080." into "--a.b=<a port such as 1080>".
	 */
	private static String fix(String property, String action) {
		String set = "Set " + property + " to ";
		if (action.startsWith(set) && action.endsWith(".") && action.indexOf(". ") < 0) {
			return "--" + property + "=<" + action.substring(set.length(), action.length() - 1) + ">";
		}
		return option(property) + "; " + action;
	}

	private static String cannotAssociate(Socks5UdpStartupException ex) {
		String server = "socks5.udp.servers." + ex.serverName();
		String what = "SOCKS5 server '" + ex.serverName() + "' at " + ex.serverAddress();
		String error = Socks5UdpErrors.describe(ex.getCause());
		if (ex.errno() == Socks5Errno.S5_EAUTH) {
			return "error: " + what + " rejected the username or password: " + error + " (fix: "
					+ option(server + ".username") + " " + option(server + ".password") + ")";
		}
		if (ex.errno() == Socks5Errno.S5_ENOMETHOD) {
			return "error: " + what + " accepts none of the authentication methods offered: " + error + " (fix: "
					+ option(server + ".username") + " " + option(server + ".password") + ")";
		}
		return "error: cannot open a UDP association with " + what + ": " + error + " (fix: " + option(server + ".host")
				+ " " + option(server + ".port") + " of a running SOCKS5 server)";
	}

	private static String invalid(BindValidationException ex) {
		ObjectError error = ex.getValidationErrors().getAllErrors().get(0);
		String property = ex.getValidationErrors().getName().toString();
		String value = "";
		if (error instanceof FieldError field) {
			property = property + "." + DataObjectPropertyName.toDashedForm(field.getField());
			value = "=" + field.getRejectedValue();
		}
		return "error: " + property + value + " is invalid, " + error.getDefaultMessage() + " (fix: " + option(property)
				+ ")";
	}

	private static String invalid(BindException ex) {
		String property = ex.getName().toString();
		ConfigurationProperty bound = ex.getProperty();
		String value = (bound != null) ? "=" + bound.getValue() : "";
		Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
		String problem = (root instanceof NumberFormatException) ? "not a number" : root.getMessage();
		return "error: " + property + value + " is invalid, " + problem + " (fix: " + option(property) + ")";
	}

	private static String option(String property) {
		return "--" + property + "=...";
	}

}
