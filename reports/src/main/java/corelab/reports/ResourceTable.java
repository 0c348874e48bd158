package corelab.reports;

import corelab.results.ConfigurationResult;
import corelab.results.ResourceSummary;
import corelab.results.ResourceUse;
import corelab.results.TrialResult;
import corelab.results.stats.Estimate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where each request's CPU and memory went, in the three buckets of {@link ResourceUse}: the server with its
 * front, the downstream services it calls, and the load generator. A request's cost is all three; a mode
 * that looks cheap on the server's CPU alone may have moved the work downstream or onto the generator.
 */
final class ResourceTable {
    static final String PSS_SENTENCE = "PSS (proportional set size) counts each page a process holds in memory"
            + " divided by the number of processes that share it (Linux's Documentation/filesystems/proc.rst), so"
            + " the JVM's shared code and class-data archive are charged once across a cluster's JVMs, where RSS"
            + " charges them to every JVM.";

    private ResourceTable() {
    }

    /** Whether any configuration has the buckets: not in a file written before them, nor for fault runs only. */
    static boolean applies(RunView view) {
        return view.configurations().stream().anyMatch(c -> c.summary().resources() != null);
    }

    static void write(StringBuilder html, RunView view) {
        if (!applies(view)) {
            return;
        }
        List<ConfigurationResult> measured = view.configurations().stream()
                .filter(c -> c.summary().resources() != null).toList();
        html.append("<h2 id=\"resources\">CPU and memory per request, in three buckets</h2>\n<p>What each answered"
                + " request cost, and who spent it: the <strong>server</strong> (every process of its tree: a"
                + " cluster's primary and workers, its nginx), its <strong>downstream</strong> services (the io"
                + " backend, a process of its own; a Redis the server started), and the <strong>generator</strong>"
                + " (corelab's generator threads, or the wrk or ab process). CPU in µs per request, memory at each"
                + " trial's end, means over the trials with their 95% confidence interval. Trial by trial, the"
                + " server's CPU per request is the reciprocal of its req/CPU-s (their means differ as much as the"
                + " trials do); /proc counts process CPU in clock ticks (10 ms at Linux's usual 100 a second), so a"
                + " bucket that used less in a trial reads 0. PSS and RSS as in the table above.</p>\n");
        html.append("<div class=\"scroll\"><table class=\"figures\">\n<tr><th>configuration</th>"
                + "<th>server CPU (µs/req)</th><th>downstream CPU (µs/req)</th><th>generator CPU (µs/req)</th>"
                + "<th>server PSS (MB)</th><th>server RSS (MB)</th><th>downstream PSS (MB)</th>"
                + "<th>downstream RSS (MB)</th></tr>\n");
        for (ConfigurationResult c : measured) {
            ResourceSummary r = c.summary().resources();
            String downstreamWhy = why(c, ResourceUse.DOWNSTREAM);
            html.append(c.verdict().valid() ? "<tr>" : "<tr class=\"invalid\">")
                    .append("<td class=\"what\">").append(Html.text(c.configuration().id()))
                    .append(c.verdict().valid() ? "" : " <strong>INVALID</strong>").append("</td>")
                    .append(cell(r.serverCpuMicrosPerRequest(), 1, why(c, ResourceUse.SERVER)))
                    .append(cell(r.downstreamCpuMicrosPerRequest(), 1, downstreamWhy))
                    .append(cell(r.generatorCpuMicrosPerRequest(), 1, why(c, ResourceUse.GENERATOR)))
                    .append(cell(r.serverPssBytes(), 1e-6, why(c, ResourceUse.SERVER + ResourceUse.MEMORY)))
                    .append(cell(r.serverRssBytes(), 1e-6, why(c, ResourceUse.SERVER + ResourceUse.MEMORY)))
                    .append(cell(r.downstreamPssBytes(), 1e-6, downstreamWhy))
                    .append(cell(r.downstreamRssBytes(), 1e-6, downstreamWhy)).append("</tr>\n");
        }
        html.append("</table></div>\n<p class=\"note\">A cell without a figure says why when you point at it (none"
                + " when the server calls no downstream service). The generator's memory is not given: its threads"
                + " share the harness's JVM.</p>\n");
    }

    /** The trials' reasons for leaving {@code what} out, each once; null when every trial has it. */
    private static String why(ConfigurationResult c, String what) {
        Set<String> reasons = new LinkedHashSet<>();
        c.trials().stream().map(TrialResult::resources).filter(Objects::nonNull).map(r -> r.why(what))
                .filter(Objects::nonNull).forEach(reasons::add);
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    private static String cell(Estimate estimate, double scale, String why) {
        if (estimate.n() == 0) {
            return "<td class=\"num\"" + (why == null ? "" : " title=\"" + Html.text(why) + "\"") + ">"
                    + (why != null && why.contains("no downstream") ? "none" : Numbers.UNKNOWN) + "</td>";
        }
        return "<td class=\"num\">" + Html.text(Numbers.scaled(estimate, scale).format("")) + "</td>";
    }
}
