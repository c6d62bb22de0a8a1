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

package io.socks5udp.bom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code socks5-udp-bom} module: an application that imports it gets the
 * version of every published module and nothing else. The BOM has no parent (so that
 * Spring Boot's dependency management does not come with it) and therefore repeats what
 * other modules inherit from the root pom; these tests keep the two in step.
 *
 * @author socks5-udp authors
 */
class Socks5UdpBomTests {

	private static final Path ROOT = Path.of("..");

	private static final List<String> NOT_PUBLISHED = List.of("socks5-udp-bom", "sample-app", "benchmarks");

	private final Document root = read(ROOT.resolve("pom.xml"));

	private final Document bom = read(ROOT.resolve("socks5-udp-bom/pom.xml"));

	@Test
	void hasNoParentSoNothingOfSpringBootIsImportedWithIt() {
		assertThat(texts(this.bom, "/project/parent")).isEmpty();
		assertThat(texts(this.bom, "/project/packaging")).containsExactly("pom");
		assertThat(texts(this.bom, "/project/dependencyManagement/dependencies/dependency/groupId"))
			.containsOnly("io.socks5udp");
	}

	@Test
	void managesEveryPublishedModuleAtTheProjectVersion() {
		List<String> published = new ArrayList<>(texts(this.root, "/project/modules/module"));
		published.removeAll(NOT_PUBLISHED);
		assertThat(published).isNotEmpty();
		assertThat(texts(this.bom, "/project/dependencyManagement/dependencies/dependency/artifactId"))
			.containsExactlyInAnyOrderElementsOf(published);
		assertThat(texts(this.bom, "/project/dependencyManagement/dependencies/dependency/version"))
			.containsOnly("${project.version}");
	}

	@Test
	void managesWhatTheRootPomManagesForTheModules() {
		assertThat(texts(this.bom, "/project/dependencyManagement/dependencies/dependency/artifactId"))
			.containsExactlyInAnyOrderElementsOf(texts(this.root,
					"/project/dependencyManagement/dependencies/dependency[groupId='io.socks5udp']/artifactId"));
	}

	@Test
	void hasTheCoordinatesAndMetadataOfTheRootPom() {
		for (String element : List.of("groupId", "version", "url", "licenses/license/name", "licenses/license/url",
				"developers/developer/id", "developers/developer/name", "scm/url", "scm/connection",
				"scm/developerConnection")) {
			assertThat(texts(this.bom, "/project/" + element)).as(element)
				.isNotEmpty()
				.isEqualTo(texts(this.root, "/project/" + element));
		}
	}

	private static Document read(Path pom) {
		try {
			return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot read " + pom.toAbsolutePath().normalize(), ex);
		}
	}

	private static List<String> texts(Document document, String expression) {
		XPath xpath = XPathFactory.newInstance().newXPath();
		try {
			NodeList nodes = (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
			List<String> texts = new ArrayList<>();
			for (int i = 0; i < nodes.getLength(); i++) {
				texts.add(nodes.item(i).getTextContent().strip());
			}
			return texts;
		}
		catch (Exception ex) {
			throw new IllegalStateException(expression, ex);
		}
	}

}
