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

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplication.AbandonedRunException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Sample application: pings a UDP echo target through a SOCKS5 relay with the socks5-udp
 * starter, prints a summary line and exits with 0 when every ping came back, 1 otherwise,
 * 2 when it cannot start. Without a configured server it starts an embedded relay and
 * echo target ({@link EmbeddedRelayListener}); with {@code sample.keep-running=true} it
 * keeps pinging and serves Actuator over HTTP.
 *
 * @author socks5-udp authors
 */
@SpringBootApplication
@EnableConfigurationProperties(SampleProperties.class)
public class SampleApplication {

	/**
	 * What {@link #run(String...)} returns while the application keeps running.
	 */
	static final int STILL_RUNNING = -1;

	/**
	 * Exit status of a run stopped before its end: not every ping was sent.
	 */
	static final int STOPPED = 1;

	/**
	 * Run the sample.
	 * @param args command line arguments, such as {@code --sample.count=100}
	 */
	public static void main(String[] args) {
		int status = run(args);
		if (status != STILL_RUNNING) {
			System.exit(status);
		}
	}

	/**
	 * Run the sample; a run ends here, a sample that keeps running goes on after.
	 * @param args command line arguments
	 * @return the exit status, or {@link #STILL_RUNNING}
	 */
	static int run(String... args) {
		ConfigurableApplicationContext context;
		try {
			context = application().run(args);
		}
		catch (AbandonedRunException ex) {
			// Not a failure: ahead-of-time processing stops the run once the context is
			// prepared and takes the context from this exception
			throw ex;
		}
		catch (RuntimeException ex) {
			return StartupFailures.report(ex, isDebug(args), System.err);
		}
		if (!context.isRunning()) {
			// Stopped during the run (a signal, Ctrl-C): the run printed its summary, and
			// the context closes on the thread that stopped it
			return STOPPED;
		}
		if (context.getBean(SampleProperties.class).isKeepRunning()) {
			return STILL_RUNNING;
		}
		return SpringApplication.exit(context);
	}

	/**
	 * Create the application with the listeners that must act before the starter binds
	 * its properties.
	 * @return the application
	 */
	static SpringApplication application() {
		SpringApplication application = new SpringApplication(SampleApplication.class);
		application.addListeners(new RunModeDefaults(), new EmbeddedRelayListener());
		return application;
	}

	@Bean
	TargetServerWarmUp targetServerWarmUp(SampleProperties properties) {
		return new TargetServerWarmUp(properties);
	}

	private static boolean isDebug(String... args) {
		return Arrays.asList(args).contains("--debug") || Arrays.asList(args).contains("--debug=true");
	}

}
