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
package io.socks5udp.core.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.socks5udp.core.registry.Socks5ConfigException;
import io.socks5udp.core.registry.Socks5ConfigParser;
import io.socks5udp.core.registry.Socks5Rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Fuzz tests of {@link Socks5ConfigParser}: whatever a {@code socks5c.conf} file or a
 * {@code socks5.udp.rules} property holds, parsing gives rules or a
 * {@link Socks5ConfigException} naming the source and line, and nothing else; a file is
 * parsed as its lines are one by one; and every rule parsed reads back from its own text.
 * A file's bytes parse as their text does, or the file is refused, naming it, for being
 * larger than its limit or not UTF-8.
 *
 * @author socks5-udp authors
 */
class Socks5ConfigParserFuzzTests {

	private static final String SOURCE = "fuzz.conf";

	private static final List<Socks5ConfigParser> PARSERS = List.of(Socks5ConfigParser.forFiles(),
			Socks5ConfigParser.withLogicalNames());

	private static Path file;

	@FuzzTest(maxDuration = "60s")
	void configurationParsesToRulesOrAConfigException(byte[] data) {
		String text = new String(data, StandardCharsets.UTF_8);
		for (Socks5ConfigParser parser : PARSERS) {
			List<Socks5Rule> rules;
			try {
				rules = parser.parse(SOURCE, text);
			}
			catch (Socks5ConfigException ex) {
				assertThat(ex.getMessage()).startsWith(SOURCE + ":");
				assertLinesAgree(parser, text, ex.line());
				continue;
			}
			assertThat(rules).hasSize((int) text.lines().filter((line) -> !withoutComment(line).isEmpty()).count());
			assertLinesAgree(parser, text, 0);
			for (Socks5Rule rule : rules) {
				assertThat(rule.origin().source()).isEqualTo(SOURCE);
				Socks5Rule reread = parser.parseRecord(SOURCE, 0, rule.toString());
				assertThat(reread.destination()).as("destination of '%s'", rule).isEqualTo(rule.destination());
				assertThat(reread.server()).as("server of '%s'", rule).isEqualTo(rule.server());
			}
		}
	}

	@FuzzTest(maxDuration = "60s")
	void ruleFieldsParseToARuleOrAConfigException(byte[] data) {
		String text = new String(data, StandardCharsets.UTF_8);
		int split = text.indexOf('\t');
		String destination = (split >= 0) ? text.substring(0, split) : text;
		String server = (split >= 0) ? text.substring(split + 1) : "NONE";
		for (Socks5ConfigParser parser : PARSERS) {
			try {
				Socks5Rule rule = parser.parseRule("socks5.udp.rules[0]", 0, destination, server);
				assertThat(rule.destination()).isNotNull();
				assertThat(rule.server()).isNotNull();
			}
			catch (Socks5ConfigException ex) {
				assertThat(ex.getMessage()).startsWith("socks5.udp.rules[0]");
			}
		}
	}

	@FuzzTest(maxDuration = "60s")
	void configurationFileParsesLikeItsTextOrIsRefusedNamingTheFile(byte[] data) throws IOException {
		FuzzInput input = new FuzzInput(data);
		int selector = input.nextByte();
		long limit = (selector == 0) ? Socks5ConfigParser.DEFAULT_MAX_FILE_SIZE : selector;
		byte[] content = input.rest();
		Path file = file();
		Files.write(file, content);
		String text = new String(content, StandardCharsets.UTF_8);
		boolean utf8 = Arrays.equals(text.getBytes(StandardCharsets.UTF_8), content);
		List<Socks5Rule> rules;
		try {
			rules = Socks5ConfigParser.forFiles().parse(file, limit);
		}
		catch (FileSystemException ex) {
			assertThat(ex.getFile()).isEqualTo(file.toString());
			if (content.length > limit) {
				assertThat(ex.getMessage())
					.isEqualTo(file + ": is " + content.length + " bytes (expected: at most " + limit + " bytes)");
			}
			else {
				assertThat(utf8).as("refused as not UTF-8: %s", ex.getMessage()).isFalse();
			}
			return;
		}
		catch (Socks5ConfigException ex) {
			assertThat(content.length).isLessThanOrEqualTo((int) limit);
			assertThat(utf8).isTrue();
			assertThat(ex.source()).isEqualTo(file.toString());
			assertThatExceptionOfType(Socks5ConfigException.class)
				.isThrownBy(() -> Socks5ConfigParser.forFiles().parse(file.toString(), text))
				.withMessage(ex.getMessage());
			return;
		}
		assertThat(content.length).isLessThanOrEqualTo((int) limit);
		assertThat(utf8).as("read although not UTF-8").isTrue();
		assertThat(rules).extracting(Socks5Rule::toString)
			.isEqualTo(Socks5ConfigParser.forFiles()
				.parse(file.toString(), text)
				.stream()
				.map(Socks5Rule::toString)
				.toList());
	}

	private static synchronized Path file() throws IOException {
		if (file == null) {
			file = Files.createTempFile("socks5c-fuzz", ".conf");
			file.toFile().deleteOnExit();
		}
		return file;
	}

	/**
	 * Check that each line up to the failing one (or every line) parses on its own as it
	 * did in the whole text.
	 */
	private static void assertLinesAgree(Socks5ConfigParser parser, String text, int failingLine) {
		List<String> lines = text.lines().toList();
		int last = (failingLine > 0) ? failingLine : lines.size();
		for (int number = 1; number <= last; number++) {
			String line = lines.get(number - 1);
			boolean blank = withoutComment(line).isEmpty();
			try {
				if (!blank) {
					parser.parseRecord(SOURCE, number, line);
				}
				assertThat(number).as("line %d parsed alone but failed in the file", number).isNotEqualTo(failingLine);
			}
			catch (Socks5ConfigException ex) {
				assertThat(number).as("line %d failed alone but parsed in the file: %s", number, ex.getMessage())
					.isEqualTo(failingLine);
			}
		}
	}

	private static String withoutComment(String line) {
		int hash = line.indexOf('#');
		return ((hash >= 0) ? line.substring(0, hash) : line).strip();
	}

}
