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
package io.socks5udp.benchmarks.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Draws the median round trips per second of every path, grouped by payload size, as a
 * PNG bar chart with XChart.
 *
 * @author socks5-udp authors
 */
final class ThroughputChart {

	private ThroughputChart() {
	}

	static void write(ResultTable table, int[] sizes, Path file) throws IOException {
		CategoryChart chart = new CategoryChartBuilder().width(900)
			.height(500)
			.title("Round trips per second, 32 in flight (medians)")
			.xAxisTitle("payload bytes")
			.yAxisTitle("round trips/s")
			.build();
		chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
		chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
		List<String> categories = Arrays.stream(sizes).mapToObj(Integer::toString).toList();
		for (String path : table.paths()) {
			List<Double> values = Arrays.stream(sizes)
				.mapToObj((size) -> table.median(path, size, LoadResult::roundTripsPerSecond))
				.toList();
			chart.addSeries(path, categories, values);
		}
		String name = file.toString();
		BitmapEncoder.saveBitmap(chart, name.endsWith(".png") ? name.substring(0, name.length() - 4) : name,
				BitmapEncoder.BitmapFormat.PNG);
	}

}
