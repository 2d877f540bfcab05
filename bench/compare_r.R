# Fits the benchmark cohorts in R with the same models as RweStats' benchmark and prints fit time and -2 log-likelihood.
# Usage: Rscript bench/compare_r.R FILE...   (files written by the benchmark: bench/out/mmrm_<subjects>x<visits>.csv)
# Models: UN REML (nlme::gls, corSymm + varIdent), random intercept + AR(1) REML (nlme::lme, corAR1 on the visit index),
# random intercept REML (lme4::lmer). mmrm (TMB) is used when installed. -2LL is -2*logLik(fit): R's REML
# log-likelihood includes the same constant as SAS's "-2 Res Log Like" (checked in tests/fixtures/r), so the numbers
# compare directly with RweStats' neg2_log_likelihood.
suppressPackageStartupMessages({ library(nlme); library(lme4) })
has_mmrm <- requireNamespace("mmrm", quietly = TRUE)
for (f in commandArgs(trailingOnly = TRUE)) {
  d <- read.csv(f)
  d <- d[!is.na(d$y), ]
  visits <- unique(d$visit)
  d$visit <- factor(d$visit, levels = visits[order(as.integer(sub("V", "", visits)))])
  d$vnum <- as.integer(d$visit)
  d$arm <- factor(d$arm, levels = c("PBO", "TRT"))
  d$id <- factor(d$id)
  n <- nlevels(d$id)
  run <- function(label, expr) {
    t <- system.time(fit <- try(eval.parent(substitute(expr)), silent = TRUE))[["elapsed"]]
    ll <- if (inherits(fit, "try-error")) NA else -2 * as.numeric(logLik(fit))
    cat(sprintf("%s,%d,%d,%s,%.3f,%.4f\n", basename(f), n, nlevels(d$visit), label, t, ll))
  }
  if (n <= 2000) run("un_gls", gls(y ~ arm * visit + base, data = d, correlation = corSymm(form = ~ vnum | id),
                                    weights = varIdent(form = ~ 1 | visit), method = "REML"))
  if (n <= 20000) run("ri_ar1_lme", lme(y ~ arm * visit + base, random = ~ 1 | id, data = d,
                                         correlation = corAR1(form = ~ vnum | id), method = "REML"))
  run("ri_lmer", lmer(y ~ arm * visit + base + (1 | id), data = d, REML = TRUE))
  if (has_mmrm) run("un_mmrm", mmrm::mmrm(y ~ arm * visit + base + us(visit | id), data = d, reml = TRUE))
}
