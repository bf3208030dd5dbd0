/* pretty_r.h — R's R_pretty itself, inside libeffekt: effekt_pretty and
 * the histogram's breaks share it. */
#ifndef EFFEKT_STATS_PRETTY_R_H
#define EFFEKT_STATS_PRETTY_R_H

/* R's R_pretty (src/appl/pretty.c, R >= 4.1) with pretty.default's
 * defaults and min.n as given.  Returns the unit; *ns and *nu are the
 * bounds in units; *ndiv is updated. */
double effekt_pretty_r(double lo, double up, int *ndiv, int min_n, double *ns_out, double *nu_out);

#endif
