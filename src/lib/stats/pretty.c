/* R's pretty(): round values covering a range, for axes and histogram
 * breaks. */
#include "config.h"

#include <float.h>
#include <math.h>

#include "effekt/pretty.h"
#include "stats/pretty_r.h"

/* R's R_pretty (src/appl/pretty.c, R >= 4.1) with pretty.default's
 * defaults: shrink.sml 0.75, high.u.bias 1.5, u5.bias 0.5 + 1.5 * 1.5,
 * eps.correct 0, and min.n as given.  Returns the unit; *ns and *nu are
 * the bounds in units. */
double effekt_pretty_r(double lo, double up, int *ndiv, int min_n, double *ns_out, double *nu_out)
{
    const double h = 1.5, h5 = .5 + 1.5 * h, shrink_sml = 0.75, rounding_eps = 1e-10;
    double dx = up - lo, cell, U;
    int i_small;
    if (dx == 0 && up == 0) {
        cell = 1;
        i_small = 1;
    } else {
        cell = fmax(fabs(lo), fabs(up));
        U = 1 + ((h5 >= 1.5 * h + .5) ? 1 / (1 + h) : 1.5 / (1 + h5));
        U *= (*ndiv > 1 ? *ndiv : 1) * DBL_EPSILON;
        i_small = dx < cell * U * 3;
    }
    if (i_small) {
        if (cell > 10)
            cell = 9 + cell / 10;
        cell *= shrink_sml;
        if (min_n > 1)
            cell /= min_n;
    } else {
        cell = dx;
        if (*ndiv > 1)
            cell /= *ndiv;
    }
    if (cell < 20 * DBL_MIN)
        cell = 20 * DBL_MIN;
    else if (cell * 10 > DBL_MAX)
        cell = .1 * DBL_MAX;
    double base = pow(10.0, floor(log10(cell)));
    double unit = base, ns;
    if ((ns = 2 * base) - cell < h * (cell - unit)) {
        unit = ns;
        if ((ns = 5 * base) - cell < h5 * (cell - unit)) {
            unit = ns;
            if ((ns = 10 * base) - cell < h * (cell - unit))
                unit = ns;
        }
    }
    ns = floor(lo / unit + rounding_eps);
    double nu = ceil(up / unit - rounding_eps);
    while (ns * unit > lo + rounding_eps * unit)
        ns--;
    while (nu * unit < up - rounding_eps * unit)
        nu++;
    int k = (int)(0.5 + nu - ns);
    if (k < min_n) {
        k = min_n - k;
        if (ns >= 0.) {
            nu += k / 2;
            ns -= k / 2 + k % 2;
        } else {
            ns -= k / 2;
            nu += k / 2 + k % 2;
        }
        *ndiv = min_n;
    } else {
        *ndiv = k;
    }
    *ns_out = ns;
    *nu_out = nu;
    return unit;
}

void effekt_pretty(double lo, double hi, size_t n, double *first, double *step, size_t *n_intervals)
{
    int ndiv = (int)(n > 1000 ? 1000 : n);
    double ns, nu;
    double unit = effekt_pretty_r(lo, hi, &ndiv, ndiv / 3, &ns, &nu);
    *first = ns * unit;
    *step = unit;
    *n_intervals = (size_t)ndiv;
}

