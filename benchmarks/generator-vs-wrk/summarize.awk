# Summarizes the trials.tsv that run.sh writes, so that the summary can be recomputed from
# the raw runs at any time:
#
#   awk -F '\t' -v agreement_pct=10 -v disturbed_pct=10 -f benchmarks/generator-vs-wrk/summarize.awk OUT_DIR/trials.tsv
#
# For each case (in the order of its first run): one row per round with wrk's run and the
# corelab run right after it, then the means with their 95% confidence intervals (Student's
# t; NaN with fewer than two runs: no error to show, and a guess would mislead).
#
# Other jobs on a shared machine come in bursts that can land on one run and miss the run
# next to it, so each run is also judged by what other processes did during it: more than
# disturbed_pct percent of either core marks it "disturbed". That rule looks only at the
# other processes, never at the run's own figures. The verdict (the mean throughputs within
# agreement_pct percent of each other) is given twice: on every run, and on the undisturbed
# runs alone when each side has at least two. Nothing is dropped silently: every run is in
# the table, with its marks (disturbed; corelab INVALID; wrk socket errors).

function t975(df) { # two-sided 95% Student t quantile
    if (df < 1) return "nan"
    if (df < 31) return T[int(df)]
    return df < 60 ? 2.021 : 1.980
}

# Values are stored per set s ("all" or "clean"), case c, generator g and column name.
function mean(s, c, g, name,    k, i, sum) {
    k = n[s, c, g]
    if (k == 0) return "nan"
    sum = 0
    for (i = 1; i <= k; i++) sum += V[s, c, g, name, i]
    return sum / k
}

function half_width(s, c, g, name,    k, m, i, ss) {
    k = n[s, c, g]
    if (k < 2) return "nan"
    m = mean(s, c, g, name)
    ss = 0
    for (i = 1; i <= k; i++) ss += (V[s, c, g, name, i] - m) ^ 2
    return t975(k - 1) * sqrt(ss / (k - 1) / k)
}

function fmt(x, digits) {
    return x == "nan" || x == "" ? "NaN" : sprintf("%." digits "f", x)
}

function with_ci(s, c, g, name, digits) {
    return fmt(mean(s, c, g, name), digits) " +- " fmt(half_width(s, c, g, name), digits)
}

# One value of round r, or the mean of set s when r is "".
function value(s, c, g, r, name,    parts) {
    if (r == "") return mean(s, c, g, name)
    if (!((c, g, r) in F)) return "nan"
    split(F[c, g, r], parts, "\t")
    return parts[COL[name]]
}

# "wrk's / corelab's" value of one column.
function pair(s, c, r, name, digits) {
    return fmt(value(s, c, "wrk", r, name), digits) " / " fmt(value(s, c, "corelab", r, name), digits)
}

# "wrk's a, b; corelab's a, b".
function two_pairs(s, c, r, a, b) {
    return fmt(value(s, c, "wrk", r, a), 0) ", " fmt(value(s, c, "wrk", r, b), 0) "; " \
        fmt(value(s, c, "corelab", r, a), 0) ", " fmt(value(s, c, "corelab", r, b), 0)
}

function percent_diff(w, co) {
    return (w == "nan" || co == "nan" || w <= 0) ? "nan" : 100 * (co - w) / w
}

function signed(d) {
    return d == "nan" ? "NaN" : sprintf("%+.1f%%", d)
}

# Which side ran out of CPU. A core counts as full at 90% busy, whoever kept it busy: a
# generator that shares its core with other work is held back just as surely.
function limit(server_pct, server_core_busy, generator_pct, load_core_busy,    s) {
    s = server_core_busy >= 90 && load_core_busy >= 90 ? "both cores full" \
        : server_core_busy >= 90 ? "the server's core full" : load_core_busy >= 90 ? "the generator's core full" : "neither core full"
    if (server_pct >= 90) s = s ", server-bound"
    if (generator_pct >= 90) s = s ", generator-bound"
    return s
}

# A mean row of set s with no run on one side: say so, rather than a row of NaN.
function empty_mean_row(s, c, label, columns,    i, row) {
    if (n[s, c, "wrk"] > 0 && n[s, c, "corelab"] > 0) return 0
    row = "| " label " | none: " (n[s, c, "wrk"] + 0) " wrk and " (n[s, c, "corelab"] + 0) " corelab runs |"
    for (i = 3; i <= columns; i++) row = row " |"
    print row
    return 1
}

function throughput_row(s, c, r, label) {
    if (r == "" && empty_mean_row(s, c, label, 7)) return
    printf "| %s | %s | %s | %s | %s | %s | %s |\n", label,
        r == "" ? with_ci(s, c, "wrk", "requests_per_second", 0) : fmt(value(s, c, "wrk", r, "requests_per_second"), 0),
        r == "" ? with_ci(s, c, "corelab", "requests_per_second", 0) : fmt(value(s, c, "corelab", r, "requests_per_second"), 0),
        signed(percent_diff(value(s, c, "wrk", r, "requests_per_second"), value(s, c, "corelab", r, "requests_per_second"))),
        pair(s, c, r, "latency_p50_ms", 2), pair(s, c, r, "latency_p99_ms", 2),
        r == "" ? (n[s, c, "wrk"] + 0) " / " (n[s, c, "corelab"] + 0) " runs" : MARK[c, "wrk", r] " / " MARK[c, "corelab", r]
}

function cpu_row(s, c, r, label) {
    if (r == "" && empty_mean_row(s, c, label, 10)) return
    printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", label,
        r == "" ? with_ci(s, c, "wrk", "generator_cpu_us_per_request", 2) : fmt(value(s, c, "wrk", r, "generator_cpu_us_per_request"), 2),
        r == "" ? with_ci(s, c, "wrk", "process_cpu_us_per_request_window", 2) : fmt(value(s, c, "wrk", r, "process_cpu_us_per_request_window"), 2),
        r == "" ? with_ci(s, c, "corelab", "generator_cpu_us_per_request", 2) : fmt(value(s, c, "corelab", r, "generator_cpu_us_per_request"), 2),
        r == "" ? with_ci(s, c, "corelab", "process_cpu_us_per_request_window", 2) : fmt(value(s, c, "corelab", r, "process_cpu_us_per_request_window"), 2),
        fmt(value(s, c, "wrk", r, "process_cpu_pct_window"), 0),
        fmt(value(s, c, "corelab", r, "corelab_generator_utilization_pct"), 0) " / " fmt(value(s, c, "corelab", r, "process_cpu_pct_window"), 0),
        pair(s, c, r, "server_cpu_pct_window", 0),
        two_pairs(s, c, r, "load_core_busy_pct", "server_core_busy_pct"),
        two_pairs(s, c, r, "other_work_load_core_pct", "other_work_server_core_pct")
}

function variance(s, c, g, name,    k, m, i, ss) {
    k = n[s, c, g]; m = mean(s, c, g, name); ss = 0
    for (i = 1; i <= k; i++) ss += (V[s, c, g, name, i] - m) ^ 2
    return ss / (k - 1)
}

# Half-width of the Welch 95% interval of corelab's mean minus wrk's, in percent of wrk's mean.
function welch_pct(s, c, name,    a1, a2, se2, df) {
    a1 = variance(s, c, "corelab", name) / n[s, c, "corelab"]; a2 = variance(s, c, "wrk", name) / n[s, c, "wrk"]
    se2 = a1 + a2
    df = se2 == 0 ? n[s, c, "corelab"] + n[s, c, "wrk"] - 2 \
        : se2 ^ 2 / (a1 ^ 2 / (n[s, c, "corelab"] - 1) + a2 ^ 2 / (n[s, c, "wrk"] - 1))
    return 100 * t975(df) * sqrt(se2) / mean(s, c, "wrk", name)
}

# The verdict on set s, and its line; returns "AGREE", "DISAGREE" or "none".
function verdict(s, c, what,    mw, mc, d, h, v) {
    if (n[s, c, "wrk"] < 2 || n[s, c, "corelab"] < 2) {
        printf "- %s: no verdict (%d wrk and %d corelab runs; two of each are needed).\n", what, n[s, c, "wrk"], n[s, c, "corelab"]
        return "none"
    }
    mw = mean(s, c, "wrk", "requests_per_second"); mc = mean(s, c, "corelab", "requests_per_second")
    d = percent_diff(mw, mc)
    h = welch_pct(s, c, "requests_per_second")
    v = (d <= agreement_pct && d >= -agreement_pct) ? "AGREE" : "DISAGREE"
    printf "- %s: corelab %s req/s vs wrk %s req/s (%d / %d runs): %s +- %.1f%% (Welch 95%% CI; %s): %s, the limit being +-%s%%.\n", what,
        with_ci(s, c, "corelab", "requests_per_second", 0), with_ci(s, c, "wrk", "requests_per_second", 0),
        n[s, c, "corelab"], n[s, c, "wrk"], signed(d), h,
        (d - h > 0 || d + h < 0) ? "a significant difference" : "not significantly different from 0", v, agreement_pct
    return v
}

BEGIN {
    split("12.706 4.303 3.182 2.776 2.571 2.447 2.365 2.306 2.262 2.228 2.201 2.179 2.160 2.145 2.131 " \
          "2.120 2.110 2.101 2.093 2.086 2.080 2.074 2.069 2.064 2.060 2.056 2.052 2.048 2.045 2.042", T, " ")
    if (agreement_pct == "") agreement_pct = 10
    if (disturbed_pct == "") disturbed_pct = 10
}

NR == 1 {
    for (i = 1; i <= NF; i++) COL[$i] = i
    split("case round generator requests_per_second latency_p50_ms latency_p99_ms errors generator_cpu_us_per_request " \
          "process_cpu_us_per_request_window process_cpu_pct_window corelab_generator_utilization_pct server_cpu_pct_window " \
          "load_core_busy_pct server_core_busy_pct other_work_load_core_pct other_work_server_core_pct status", need, " ")
    for (i in need) if (!(need[i] in COL)) { print "summarize.awk: no column " need[i] > "/dev/stderr"; bad = 1; exit 1 }
    next
}

{
    c = $COL["case"]; g = $COL["generator"]; r = $COL["round"]
    if (!(c in seen)) { seen[c] = 1; order[++cases] = c }
    if (!((c, r) in round_seen)) { round_seen[c, r] = 1; rounds[c] = rounds[c] " " r }
    F[c, g, r] = $0
    disturbed = $COL["other_work_load_core_pct"] > disturbed_pct || $COL["other_work_server_core_pct"] > disturbed_pct
    MARK[c, g, r] = $COL["status"] (disturbed ? ", disturbed" : "")
    k = ++n["all", c, g]
    for (name in COL) V["all", c, g, name, k] = $COL[name]
    if (!disturbed) {
        k = ++n["clean", c, g]
        for (name in COL) V["clean", c, g, name, k] = $COL[name]
    }
    if ($COL["status"] != "ok") marked[c] = marked[c] sprintf("- round %s, %s: %s\n", r, g, $COL["status"])
}

END {
    if (bad) exit 1
    for (i = 1; i <= cases; i++) {
        c = order[i]
        split(substr(rounds[c], 2), rl, " ")
        print "### case " c
        print ""
        print "| round | wrk req/s | corelab req/s | corelab vs wrk | p50 ms, wrk / corelab | p99 ms, wrk / corelab | marks, wrk / corelab |"
        print "|---|---|---|---|---|---|---|"
        for (j = 1; j in rl; j++) throughput_row("all", c, rl[j], rl[j])
        throughput_row("all", c, "", "**mean +- 95% CI, all runs**")
        throughput_row("clean", c, "", "**mean +- 95% CI, undisturbed runs**")
        print ""
        print "| round | wrk CPU us/req (whole process, whole run) | wrk CPU us/req (whole process, window) | corelab CPU us/req (generator thread, as corelab reports it) | corelab CPU us/req (whole JVM, window) | wrk CPU % of a core | corelab CPU %: thread / JVM | server CPU %, wrk run / corelab run | core busy %: load, server (wrk run; corelab run) | other processes %: load core, server core (wrk run; corelab run) |"
        print "|---|---|---|---|---|---|---|---|---|---|"
        for (j = 1; j in rl; j++) cpu_row("all", c, rl[j], rl[j])
        cpu_row("all", c, "", "**mean +- 95% CI, all runs**")
        cpu_row("clean", c, "", "**mean +- 95% CI, undisturbed runs**")
        print ""
        verdict("all", c, "throughput, all runs")
        headline = verdict("clean", c, "throughput, undisturbed runs (other processes at most " disturbed_pct "% of either core)")
        if (headline == "DISAGREE") print "- VERDICT: DISAGREE (undisturbed runs)"
        else if (headline == "AGREE") print "- VERDICT: AGREE (undisturbed runs)"
        else print "- VERDICT: no verdict (too few undisturbed runs; the all-runs figure above is the only one)"
        printf "- CPU per request (all runs): wrk %s us (whole process, whole run; %s us in the window); corelab %s us (its generator thread, as corelab reports it; %s us for its whole JVM in the window).\n",
            fmt(mean("all", c, "wrk", "generator_cpu_us_per_request"), 2), fmt(mean("all", c, "wrk", "process_cpu_us_per_request_window"), 2),
            fmt(mean("all", c, "corelab", "generator_cpu_us_per_request"), 2), fmt(mean("all", c, "corelab", "process_cpu_us_per_request_window"), 2)
        for (gi = 1; gi <= 2; gi++) {
            g = gi == 1 ? "wrk" : "corelab"
            s = n["clean", c, g] > 0 ? "clean" : "all"
            sp = mean(s, c, g, "server_cpu_pct_window"); sb = mean(s, c, g, "server_core_busy_pct")
            gp = mean(s, c, g, "process_cpu_pct_window"); lb = mean(s, c, g, "load_core_busy_pct")
            printf "- during %s's %s runs (means): %s: server %.0f%% of a core (its core %.0f%% busy), %s %.0f%% (its core %.0f%% busy).\n",
                g, s == "clean" ? "undisturbed" : "(all disturbed)", limit(sp, sb, gp, lb), sp, sb, g == "wrk" ? "wrk" : "corelab's JVM", gp, lb
        }
        if (marked[c] != "") {
            print "- runs a generator marked itself (counted above all the same):"
            printf "%s", marked[c]
        }
        print ""
    }
}
