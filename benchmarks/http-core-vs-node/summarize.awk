# Summarizes the trials.tsv that run.sh writes, so that a summary can be recomputed from
# the raw trials at any time:
#
#   awk -F '\t' -f benchmarks/http-core-vs-node/summarize.awk OUT_DIR/trials.tsv
#
#   awk -F '\t' -v references="nginx node" -f benchmarks/http-core-vs-node/summarize.awk OUT_DIR/trials.tsv
#
# Servers appear in the order of their first trial. The baselines are the servers named in
# `references` (without it, the first server): each is compared with every server whose
# first trial comes after its own. Only
# trials whose status is "ok" count: "disturbed" ones (other processes took a measurable
# part of the server's or wrk's core) and "invalid" ones (wrk saw errors) are counted and
# listed, never averaged in. Each figure gets a Student-t 95% confidence interval, NaN with
# fewer than two trials (there is no error to show, and a guess would mislead); each
# server's difference to the baseline gets a Welch interval, and a difference whose
# interval spans 0 is "no significant difference detected": not evidence that they are equal.

function t975(df) { # two-sided 95% Student t quantile; between tabulated df, the lower df (wider)
    if (df < 1) return "nan"
    if (df < 31) return T[int(df)]
    if (df < 40) return T[30]
    if (df < 60) return 2.021
    if (df < 120) return 2.000
    return 1.980
}

function mean(key, k,    i, sum) {
    sum = 0
    for (i = 1; i <= k; i++) sum += V[key, i]
    return sum / k
}

function variance(key, k, m,    i, ss) {
    if (k < 2) return "nan"
    ss = 0
    for (i = 1; i <= k; i++) ss += (V[key, i] - m) ^ 2
    return ss / (k - 1)
}

function half_width(var, k) {
    return (k < 2 || var == "nan") ? "nan" : t975(k - 1) * sqrt(var / k)
}

function fmt(x, digits) {
    return x == "nan" ? "NaN" : sprintf("%." digits "f", x)
}

BEGIN {
    split("12.706 4.303 3.182 2.776 2.571 2.447 2.365 2.306 2.262 2.228 2.201 2.179 2.160 2.145 2.131 " \
          "2.120 2.110 2.101 2.093 2.086 2.080 2.074 2.069 2.064 2.060 2.056 2.052 2.048 2.045 2.042", T, " ")
}

NR == 1 {
    for (i = 1; i <= NF; i++) COL[$i] = i
    split("server requests_per_second server_cpu_us_per_request server_process_cpu_pct " \
          "server_core_busy_pct load_core_busy_pct wrk_cpu_pct status", need, " ")
    for (i in need) if (!(need[i] in COL)) { print "summarize.awk: no column " need[i] > "/dev/stderr"; bad = 1; exit 1 }
    next
}

{
    s = $COL["server"]
    if (!(s in seen)) { seen[s] = 1; order[++servers] = s; n[s] = 0 }
    all[s]++
    if ($COL["status"] != "ok") {
        skipped[s]++
        skipped_list = skipped_list sprintf("- %s round %s: %s\n", s, $COL["round"], $COL["status"])
        next
    }
    k = ++n[s]
    V["cpu:" s, k] = $COL["server_cpu_us_per_request"]
    V["rps:" s, k] = $COL["requests_per_second"]
    proc[s] += $COL["server_process_cpu_pct"]; wrk[s] += $COL["wrk_cpu_pct"]
    # Context switches per request: columns added later; older trials.tsv files have none.
    if ("server_voluntary_switches_per_request" in COL) {
        vcs[s] += $COL["server_voluntary_switches_per_request"]; ics[s] += $COL["server_involuntary_switches_per_request"]
    }
    if (k == 1 || V["cpu:" s, k] < cmin[s]) cmin[s] = V["cpu:" s, k]
    if (k == 1 || V["cpu:" s, k] > cmax[s]) cmax[s] = V["cpu:" s, k]
    if (k == 1 || V["rps:" s, k] < rmin[s]) rmin[s] = V["rps:" s, k]
    if (k == 1 || V["rps:" s, k] > rmax[s]) rmax[s] = V["rps:" s, k]
}

END {
    if (bad) exit 1
    switches = "server_voluntary_switches_per_request" in COL
    printf "| server | ok runs (of all) | server CPU per request, us: mean +- 95%% CI | min..max | requests/s: mean +- 95%% CI | min..max | server CPU, %% of its core | wrk CPU, %% of its core |%s\n",
        switches ? " server context switches per request: voluntary + involuntary |" : ""
    print "|---|---|---|---|---|---|---|---|" (switches ? "---|" : "")
    for (i = 1; i <= servers; i++) {
        s = order[i]; k = n[s]
        if (k == 0) { printf "| %s | 0 (of %d) | - | - | - | - | - | - |%s\n", s, all[s], switches ? " - |" : ""; M[s] = "nan"; continue }
        cm = mean("cpu:" s, k); cv = variance("cpu:" s, k, cm)
        rm = mean("rps:" s, k); rv = variance("rps:" s, k, rm)
        M[s] = cm; VAR[s] = cv
        printf "| %s | %d (of %d) | %s +- %s | %s..%s | %s +- %s | %s..%s | %.0f%% | %.0f%% |", s, k, all[s],
            fmt(cm, 2), fmt(half_width(cv, k), 2), fmt(cmin[s], 2), fmt(cmax[s], 2),
            fmt(rm, 0), fmt(half_width(rv, k), 0), fmt(rmin[s], 0), fmt(rmax[s], 0), proc[s] / k, wrk[s] / k
        if (switches) printf " %.3f + %.3f |", vcs[s] / k, ics[s] / k
        printf "\n"
    }
    print ""
    if (references == "") REF[order[1]] = 1
    else { nrefs = split(references, refs, " "); for (r = 1; r <= nrefs; r++) REF[refs[r]] = 1 }
    for (j = 1; j <= servers; j++) {
        b = order[j]
        if (!(b in REF)) continue
        for (i = j + 1; i <= servers; i++) {
            s = order[i]
            if (M[s] == "nan" || M[b] == "nan") {
                printf "- %s vs %s: no verdict, one of them has no ok run.\n", s, b
                continue
            }
            d = M[s] - M[b]
            h = "nan"
            if (VAR[s] != "nan" && VAR[b] != "nan") {
                a1 = VAR[s] / n[s]; a2 = VAR[b] / n[b]; se2 = a1 + a2
                df = se2 == 0 ? n[s] + n[b] - 2 : se2 ^ 2 / (a1 ^ 2 / (n[s] - 1) + a2 ^ 2 / (n[b] - 1))
                h = t975(df) * sqrt(se2)
            }
            if (h == "nan") verdict = "no verdict (fewer than two ok runs: no error estimate)"
            else if (d + h < 0) verdict = "LOWER than " b "'s"
            else if (d - h > 0) verdict = "HIGHER than " b "'s"
            else verdict = "not told apart from " b "'s: no significant difference detected (the difference is inside its 95% CI)"
            printf "- %s vs %s: %s - %s = %s +- %s us per request (Welch 95%% CI), ratio %.2f: %s's CPU per request is %s.\n",
                s, b, fmt(M[s], 2), fmt(M[b], 2), fmt(d, 2), fmt(h, 2), M[s] / M[b], s, verdict
        }
    }
    if (skipped_list != "") {
        print ""
        print "Runs left out of the figures above:"
        printf "%s", skipped_list
    }
}
