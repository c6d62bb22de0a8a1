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
package io.socks5udp.benchmarks.xproc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Draws the cross-process harness's median round trips per second, one group of bars per
 * relay and load with more than one datagram in flight, one bar per client, as a PNG bar
 * chart with XChart.
 *
 * @author socks5-udp authors
 */
final class CrossProcessChart {

	private CrossProcessChart() {
	}

	static void write(SummaryTable table, List<String> relays, List<LoadCase> loads, List<String> paths, Path file)
			throws IOException {
		CategoryChart chart = new CategoryChartBuilder().width(1000)
			.height(520)
			.title("Round trips per second, each client its own process (medians)")
			.xAxisTitle("relay, payload bytes / datagrams in flight")
			.yAxisTitle("round trips/s")
			.build();
		chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
		chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
		chart.getStyler().setYAxisDecimalPattern("#,###");
		List<String> groupRelays = new ArrayList<>();
		List<LoadCase> groupLoads = new ArrayList<>();
		List<String> categories = new ArrayList<>();
		for (String relay : relays) {
			for (LoadCase load : loads) {
				if (load.inFlight() > 1) {
					groupRelays.add(relay);
					groupLoads.add(load);
					categories.add(relay + " " + load);
				}
			}
		}
		if (categories.isEmpty()) {
			return;
		}
		for (String path : paths) {
			List<Double> values = new ArrayList<>();
			for (int i = 0; i < categories.size(); i++) {
				double median = table.median(groupRelays.get(i), groupLoads.get(i), path,
						RunRecord::roundTripsPerSecond);
				values.add(Double.isNaN(median) ? 0.0 : median);
			}
			chart.addSeries(path, categories, values);
		}
		String name = file.toString();
		BitmapEncoder.saveBitmap(chart, name.endsWith(".png") ? name.substring(0, name.length() - 4) : name,
				BitmapEncoder.BitmapFormat.PNG);
	}

}
