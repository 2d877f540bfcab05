# rbmi's times for the jobs of `dotnet run -c Release --project bench/RweStats.Bench -- estimands` (EstimandsBench.cs),
# on the same data (data/antidepressant_long.csv and data/antidepressant_ice.csv, the quickstart's expansion and events):
#   Rscript bench/estimands_r.R [bootstrap_samples = 100]
# conditional mean + jackknife (JR), the conditional-mean bootstrap (timed on fewer samples and scaled to 1,000: its
# cost is one mmrm fit per sample) and a 50-point tipping-point grid (analyse + pool with a delta per point, on the
# jackknife's imputations). Prints process CPU time and elapsed time of each.
suppressPackageStartupMessages({ library(rbmi); library(dplyr) })
args <- commandArgs(trailingOnly = TRUE)
n_boot <- if (length(args) > 0) as.integer(args[1]) else 100L
dat <- read.csv("data/antidepressant_long.csv", colClasses = c(PATIENT = "character", VISIT = "character"))
dat$PATIENT <- factor(dat$PATIENT); dat$VISIT <- factor(dat$VISIT, levels = c("4", "5", "6", "7")); dat$THERAPY <- factor(dat$THERAPY)
ice <- read.csv("data/antidepressant_ice.csv", colClasses = "character") %>% mutate(strategy = "JR")
vars <- set_vars(outcome = "CHANGE", visit = "VISIT", subjid = "PATIENT", group = "THERAPY", covariates = c("BASVAL*VISIT", "THERAPY*VISIT"))
vars_an <- set_vars(subjid = "PATIENT", outcome = "CHANGE", visit = "VISIT", group = "THERAPY", covariates = c("BASVAL"))
refs <- c("DRUG" = "PLACEBO", "PLACEBO" = "PLACEBO")
timed <- function(label, expr, scale = 1) {
    t <- system.time(value <- force(expr))
    cat(sprintf("%-66s CPU %9.2f s  elapsed %9.2f s%s\n", label, (t[["user.self"]] + t[["sys.self"]]) * scale, t[["elapsed"]] * scale,
                if (scale != 1) sprintf("  (measured on %d samples, scaled x%g)", n_boot, scale) else ""))
    invisible(value)
}
cat(R.version.string, "rbmi", as.character(packageVersion("rbmi")), "load average", readLines("/proc/loadavg"), "\n")
imp <- timed("antidepressant, condmean + jackknife, JR (draws, impute, analyse, pool)", {
    d <- draws(data = dat, data_ice = ice, vars = vars, method = method_condmean(type = "jackknife"), quiet = TRUE)
    i <- impute(d, references = refs)
    pool(analyse(i, ancova, vars = vars_an))
    i
})
timed(sprintf("antidepressant, condmean + bootstrap, 1000 samples"), {
    d <- draws(data = dat, data_ice = ice, vars = vars, method = method_condmean(type = "bootstrap", n_samples = n_boot), quiet = TRUE)
    pool(analyse(impute(d, references = refs), ancova, vars = vars_an), type = "normal")
}, scale = 1000 / n_boot)
timed("antidepressant, 50-point tipping grid on the jackknife (grid only)", {
    for (delta in seq(-10, 10, length.out = 50)) {
        delta_df <- delta_template(imp) %>% mutate(delta = if_else(THERAPY == "DRUG" & is_missing, delta, 0)) %>% select(PATIENT, VISIT, delta)
        pool(analyse(imp, ancova, delta = delta_df, vars = vars_an))
    }
})
