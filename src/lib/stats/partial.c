/* Mergeable partial summaries: exact integer moments where the data are
 * decimals as written, Chan's pairwise update otherwise, and a quantile
 * sketch that is exact while it is small and states its rank error after. */
#include "config.h"

#include "lib_alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "effekt/partial.h"

__extension__ typedef __int128 int128;

static const double pow10_exact[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                      1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };

static int128 join(int64_t hi, uint64_t lo)
{
    return (int128)(((unsigned __int128)(uint64_t)hi << 64) | lo);
}

static void split(int128 v, int64_t *hi, uint64_t *lo)
{
    *hi = (int64_t)(v >> 64);
    *lo = (uint64_t)v;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Turn exact sums into a mean and a sum of squared deviations. */
static void to_inexact(effekt_partial *p)
{
    if (p->decimals < 0)
        return;
    long double scale = pow10_exact[p->decimals];
    int128 s1 = join(p->s1_hi, p->s1_lo), s2 = join(p->s2_hi, p->s2_lo);
    long double n = (long double)p->n;
    p->mean = p->n ? (long double)s1 / n / scale : 0;
    /* m2 = (n s2 - s1^2) / n / scale^2, in long double when 128 bits overflow */
    int128 a, b, num;
    if (p->n && !__builtin_mul_overflow((int128)p->n, s2, &a) && !__builtin_mul_overflow(s1, s1, &b) &&
        !__builtin_sub_overflow(a, b, &num))
        p->m2 = (long double)num / n / (scale * scale);
    else
        p->m2 = p->n ? ((long double)s2 - (long double)s1 * (long double)s1 / n) / (scale * scale) : 0;
    p->decimals = -1;
}

effekt_status effekt_partial_compute(const double *x, size_t n_all, int decimals, effekt_partial *out)
{
    memset(out, 0, sizeof *out);
    out->min = out->max = NAN;
    double *v = effekt_malloc((n_all ? n_all : 1) * sizeof *v);
    if (!v)
        return EFFEKT_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < n_all; i++)
        if (!isnan(x[i]))
            v[n++] = x[i];
    out->n = n;
    out->missing = n_all - n;
    /* exact sums, under the same conditions as effekt_describe's */
    out->decimals = decimals >= 0 && decimals <= 15 ? decimals : -1;
    int128 s1 = 0, s2 = 0;
    for (size_t i = 0; i < n && out->decimals >= 0; i++) {
        double scale = pow10_exact[out->decimals], y = v[i] * scale;
        int64_t k = fabs(y) < 9007199254740992.0 ? (int64_t)nearbyint(y) : 0;
        if (!(fabs(y) < 9007199254740992.0) || (double)k / scale != v[i] ||
            __builtin_add_overflow(s2, (int128)k * k, &s2))
            out->decimals = -1;
        s1 += k;
    }
    if (out->decimals >= 0) {
        split(s1, &out->s1_hi, &out->s1_lo);
        split(s2, &out->s2_hi, &out->s2_lo);
    } else if (n) {
        long double s = 0, c = 0;
        for (size_t i = 0; i < n; i++) {
            long double t = s + v[i];
            c += fabsl(s) >= fabsl((long double)v[i]) ? (s - t) + v[i] : ((long double)v[i] - t) + s;
            s = t;
        }
        long double mean = (s + c) / (long double)n, d1 = 0, d2 = 0;
        for (size_t i = 0; i < n; i++) {
            long double d = v[i] - mean;
            d1 += d;
            d2 += d * d;
        }
        out->mean = mean;
        out->m2 = d2 - d1 * d1 / (long double)n;
    }
    qsort(v, n, sizeof *v, cmp_double);
    if (n) {
        out->min = v[0];
        out->max = v[n - 1];
    }
    size_t m = n <= EFFEKT_SKETCH_EXACT ? n : EFFEKT_SKETCH_POINTS;
    out->points = effekt_malloc((m ? m : 1) * sizeof *out->points);
    out->ranks = effekt_malloc((m ? m : 1) * sizeof *out->ranks);
    if (!out->points || !out->ranks) {
        free(v);
        effekt_partial_free(out);
        return EFFEKT_ENOMEM;
    }
    for (size_t j = 0; j < m; j++) {
        size_t r = m == n ? j : (size_t)llround((double)j * (double)(n - 1) / (double)(m - 1));
        out->points[j] = v[r];
        out->ranks[j] = (double)r;
    }
    out->n_points = m;
    out->rank_error = m == n ? 0 : 1.0 / (double)(m - 1);
    free(v);
    return EFFEKT_OK;
}

static int sketch_exact(const effekt_partial *p)
{
    return p->n_points == p->n && p->rank_error == 0;
}

/* The estimated number of values of p below v (ties: half of them). */
static double rank_in(const effekt_partial *p, double v)
{
    size_t m = p->n_points;
    if (m == 0 || v < p->points[0])
        return 0;
    if (v > p->points[m - 1])
        return (double)p->n;
    size_t lo = 0, hi = m;   /* first point >= v */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (p->points[mid] < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t eq = lo;
    while (eq < m && p->points[eq] == v)
        eq++;
    if (sketch_exact(p))
        return (double)lo + (double)(eq - lo) / 2;
    if (lo == 0)
        return 0;
    /* between two kept order statistics: interpolate their ranks */
    double r0 = p->ranks[lo - 1], r1 = eq < m ? p->ranks[eq] : (double)p->n;
    double v0 = p->points[lo - 1], v1 = eq < m ? p->points[eq] : v;
    return v1 > v0 ? r0 + (r1 - r0) * (v - v0) / (v1 - v0) : (r0 + r1) / 2;
}

typedef struct {
    double value, rank;
} ranked;

static int by_value_rank(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->value != y->value)
        return x->value < y->value ? -1 : 1;
    return (x->rank > y->rank) - (x->rank < y->rank);
}

static effekt_status merge_sketch(effekt_partial *a, const effekt_partial *b)
{
    size_t m = a->n_points + b->n_points, n = a->n + b->n;
    ranked *c = effekt_malloc((m ? m : 1) * sizeof *c);
    if (!c)
        return EFFEKT_ENOMEM;
    int exact = sketch_exact(a) && sketch_exact(b);
    for (size_t j = 0; j < a->n_points; j++)
        c[j] = (ranked){ a->points[j], a->ranks[j] + (exact ? 0 : rank_in(b, a->points[j])) };
    for (size_t j = 0; j < b->n_points; j++)
        c[a->n_points + j] = (ranked){ b->points[j], b->ranks[j] + (exact ? 0 : rank_in(a, b->points[j])) };
    qsort(c, m, sizeof *c, by_value_rank);
    size_t keep = exact && m <= EFFEKT_SKETCH_EXACT ? m : (m < EFFEKT_SKETCH_POINTS ? m : EFFEKT_SKETCH_POINTS);
    double *pts = effekt_malloc((keep ? keep : 1) * sizeof *pts), *rks = effekt_malloc((keep ? keep : 1) * sizeof *rks);
    if (!pts || !rks) {
        free(c);
        free(pts);
        free(rks);
        return EFFEKT_ENOMEM;
    }
    double err;
    if (keep == m && exact) {
        for (size_t j = 0; j < m; j++) {
            pts[j] = c[j].value;
            rks[j] = (double)j;
        }
        err = 0;
    } else {
        /* the merged ranks are estimates: put them in order, then keep
         * the candidates nearest to equal rank steps */
        for (size_t j = 1; j < m; j++)
            if (c[j].rank < c[j - 1].rank)
                c[j].rank = c[j - 1].rank;
        size_t at = 0;
        for (size_t j = 0; j < keep; j++) {
            double target = keep > 1 ? (double)j * (double)(n - 1) / (double)(keep - 1) : 0;
            while (at + 1 < m && fabs(c[at + 1].rank - target) <= fabs(c[at].rank - target))
                at++;
            pts[j] = c[at].value;
            rks[j] = c[at].rank;
        }
        /* each side's own error, the interpolation in the other side's
         * sketch (one of its steps), and this resampling (one step) */
        double step_a = sketch_exact(a) ? 0 : 1.0 / (double)(a->n_points - 1);
        double step_b = sketch_exact(b) ? 0 : 1.0 / (double)(b->n_points - 1);
        err = (a->rank_error * (double)a->n + b->rank_error * (double)b->n + step_b * (double)b->n +
               step_a * (double)a->n) / (double)n + (keep > 1 ? 1.0 / (double)(keep - 1) : 0);
    }
    free(c);
    free(a->points);
    free(a->ranks);
    a->points = pts;
    a->ranks = rks;
    a->n_points = keep;
    a->rank_error = err;
    return EFFEKT_OK;
}

effekt_status effekt_partial_merge(effekt_partial *a, const effekt_partial *b)
{
    effekt_status st = merge_sketch(a, b);
    if (st != EFFEKT_OK)
        return st;
    if (a->decimals >= 0 && b->decimals >= 0) {
        /* bring both to the larger number of decimals, exactly */
        int d = a->decimals > b->decimals ? a->decimals : b->decimals;
        int128 s1a = join(a->s1_hi, a->s1_lo), s2a = join(a->s2_hi, a->s2_lo);
        int128 s1b = join(b->s1_hi, b->s1_lo), s2b = join(b->s2_hi, b->s2_lo);
        int ok = 1;
        for (int k = a->decimals; k < d && ok; k++)
            ok = !__builtin_mul_overflow(s1a, 10, &s1a) && !__builtin_mul_overflow(s2a, 100, &s2a);
        for (int k = b->decimals; k < d && ok; k++)
            ok = !__builtin_mul_overflow(s1b, 10, &s1b) && !__builtin_mul_overflow(s2b, 100, &s2b);
        int128 s1, s2;
        if (ok && !__builtin_add_overflow(s1a, s1b, &s1) && !__builtin_add_overflow(s2a, s2b, &s2)) {
            split(s1, &a->s1_hi, &a->s1_lo);
            split(s2, &a->s2_hi, &a->s2_lo);
            a->decimals = d;
            goto counts;
        }
    }
    {
        effekt_partial bb = *b;
        to_inexact(a);
        to_inexact(&bb);
        long double na = (long double)a->n, nb = (long double)bb.n, n = na + nb;
        if (n > 0) {
            long double delta = bb.mean - a->mean;
            a->mean += delta * nb / n;
            a->m2 += bb.m2 + delta * delta * na * nb / n;
        }
    }
counts:
    if (b->n && (a->n == 0 || b->min < a->min))
        a->min = b->min;
    if (b->n && (a->n == 0 || b->max > a->max))
        a->max = b->max;
    a->n += b->n;
    a->missing += b->missing;
    return EFFEKT_OK;
}

/* Quantile p (type 7) from the sketch. */
static double sketch_quantile(const effekt_partial *p, double q)
{
    if (p->n == 0)
        return NAN;
    if (sketch_exact(p))
        return effekt_quantile_sorted(p->points, p->n, q, 7);
    double h = q * (double)(p->n - 1);
    size_t m = p->n_points, j = 0;
    while (j + 1 < m && p->ranks[j + 1] < h)
        j++;
    if (j + 1 >= m || p->ranks[j + 1] == p->ranks[j])
        return p->points[j];
    double t = (h - p->ranks[j]) / (p->ranks[j + 1] - p->ranks[j]);
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    return p->points[j] + t * (p->points[j + 1] - p->points[j]);
}

void effekt_partial_summary(const effekt_partial *p, double confidence, effekt_summary *out)
{
    memset(out, 0, sizeof *out);
    out->n = p->n;
    out->missing = p->missing;
    out->sum = out->mean = out->sd = out->se = out->ci_lower = out->ci_upper = NAN;
    out->mad = out->skewness = out->kurtosis = NAN;
    for (size_t k = 0; k < EFFEKT_MAX_PERCENTILES; k++)
        out->percentile[k] = NAN;
    out->min = p->n ? p->min : NAN;
    out->max = p->n ? p->max : NAN;
    out->q1 = sketch_quantile(p, 0.25);
    out->median = sketch_quantile(p, 0.5);
    out->q3 = sketch_quantile(p, 0.75);
    out->iqr = out->q3 - out->q1;
    if (p->n == 0)
        return;
    long double mean, var = NAN;
    if (p->decimals >= 0) {
        /* the formulas of effekt_describe's exact path, so the bits agree */
        double scale = pow10_exact[p->decimals];
        int128 s1 = join(p->s1_hi, p->s1_lo), s2 = join(p->s2_hi, p->s2_lo);
        mean = (long double)s1 / (long double)p->n / scale;
        int128 a, b, num;
        if (p->n >= 2 && !__builtin_mul_overflow((int128)p->n, s2, &a) && !__builtin_mul_overflow(s1, s1, &b) &&
            !__builtin_sub_overflow(a, b, &num))
            var = (long double)num / ((long double)p->n * (long double)(p->n - 1)) / ((long double)scale * scale);
        out->exact = 1;
    } else {
        mean = p->mean;
        if (p->n >= 2)
            var = p->m2 / (long double)(p->n - 1);
    }
    out->mean = (double)mean;
    out->sum = (double)(mean * (long double)p->n);
    if (p->n >= 2 && !isnan((double)var)) {
        out->sd = (double)sqrtl(var);
        out->se = (double)(sqrtl(var) / sqrtl((long double)p->n));
        double level = confidence > 0 && confidence < 1 ? confidence : 0.95;
        double t = gsl_cdf_tdist_Pinv(1 - (1 - level) / 2, (double)(p->n - 1));
        out->ci_lower = out->mean - t * out->se;
        out->ci_upper = out->mean + t * out->se;
    }
}

/* ---- JSON ---- */

static void int128_text(int128 v, char *buf)
{
    char tmp[48];
    int neg = v < 0, i = 0;
    unsigned __int128 u = neg ? -(unsigned __int128)v : (unsigned __int128)v;
    do {
        tmp[i++] = (char)('0' + (int)(u % 10));
        u /= 10;
    } while (u);
    int o = 0;
    if (neg)
        buf[o++] = '-';
    while (i)
        buf[o++] = tmp[--i];
    buf[o] = '\0';
}

static int int128_parse(const char *s, int128 *out)
{
    int neg = *s == '-';
    if (neg)
        s++;
    if (!*s)
        return -1;
    int128 v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || __builtin_mul_overflow(v, 10, &v) ||
            __builtin_add_overflow(v, *s - '0', &v))
            return -1;
    }
    *out = neg ? -v : v;
    return 0;
}

cJSON *effekt_partial_to_json(const effekt_partial *p)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "n", (double)p->n);
    cJSON_AddNumberToObject(o, "missing", (double)p->missing);
    if (p->n) {
        cJSON_AddNumberToObject(o, "min", p->min);
        cJSON_AddNumberToObject(o, "max", p->max);
    }
    char buf[64];
    if (p->decimals >= 0) {
        cJSON_AddNumberToObject(o, "decimals", p->decimals);
        int128_text(join(p->s1_hi, p->s1_lo), buf);
        cJSON_AddStringToObject(o, "sum_scaled", buf);
        int128_text(join(p->s2_hi, p->s2_lo), buf);
        cJSON_AddStringToObject(o, "sum_squares_scaled", buf);
    } else {
        /* long doubles as hexadecimal floating point: nothing is lost */
        snprintf(buf, sizeof buf, "%La", p->mean);
        cJSON_AddStringToObject(o, "mean", buf);
        snprintf(buf, sizeof buf, "%La", p->m2);
        cJSON_AddStringToObject(o, "m2", buf);
    }
    cJSON_AddNumberToObject(o, "rank_error", p->rank_error);
    cJSON *pts = cJSON_AddArrayToObject(o, "sketch_values");
    cJSON *rks = sketch_exact(p) ? NULL : cJSON_AddArrayToObject(o, "sketch_ranks");
    for (size_t j = 0; j < p->n_points; j++) {
        cJSON_AddItemToArray(pts, cJSON_CreateNumber(p->points[j]));
        if (rks)
            cJSON_AddItemToArray(rks, cJSON_CreateNumber(p->ranks[j]));
    }
    return o;
}

static int get_count(const cJSON *o, const char *key, size_t *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsNumber(v) || !(v->valuedouble >= 0) || v->valuedouble > 9007199254740992.0 ||
        v->valuedouble != floor(v->valuedouble))
        return -1;
    *out = (size_t)v->valuedouble;
    return 0;
}

effekt_status effekt_partial_from_json(const cJSON *json, effekt_partial *out, char *why, size_t why_size)
{
    memset(out, 0, sizeof *out);
    out->min = out->max = NAN;
    out->decimals = -1;
    const char *bad = NULL;
    const cJSON *v;
    if (!cJSON_IsObject(json))
        bad = "expected an object";
    else if (get_count(json, "n", &out->n))
        bad = "n: expected a count";
    else if (get_count(json, "missing", &out->missing))
        bad = "missing: expected a count";
    if (!bad && out->n) {
        const cJSON *mn = cJSON_GetObjectItemCaseSensitive(json, "min"), *mx = cJSON_GetObjectItemCaseSensitive(json, "max");
        if (!cJSON_IsNumber(mn) || !cJSON_IsNumber(mx) || mn->valuedouble > mx->valuedouble)
            bad = "min, max: expected two numbers, min <= max";
        else {
            out->min = mn->valuedouble;
            out->max = mx->valuedouble;
        }
    }
    if (!bad && (v = cJSON_GetObjectItemCaseSensitive(json, "decimals"))) {
        const cJSON *a = cJSON_GetObjectItemCaseSensitive(json, "sum_scaled");
        const cJSON *b = cJSON_GetObjectItemCaseSensitive(json, "sum_squares_scaled");
        int128 s1, s2;
        if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > 15 || v->valuedouble != floor(v->valuedouble))
            bad = "decimals: expected 0 to 15";
        else if (!cJSON_IsString(a) || int128_parse(a->valuestring, &s1) || !cJSON_IsString(b) ||
                 int128_parse(b->valuestring, &s2) || s2 < 0)
            bad = "sum_scaled, sum_squares_scaled: expected whole numbers as strings";
        else {
            out->decimals = (int)v->valuedouble;
            split(s1, &out->s1_hi, &out->s1_lo);
            split(s2, &out->s2_hi, &out->s2_lo);
        }
    } else if (!bad) {
        const cJSON *a = cJSON_GetObjectItemCaseSensitive(json, "mean"), *b = cJSON_GetObjectItemCaseSensitive(json, "m2");
        char *e1 = NULL, *e2 = NULL;
        if (cJSON_IsString(a) && cJSON_IsString(b)) {
            out->mean = strtold(a->valuestring, &e1);
            out->m2 = strtold(b->valuestring, &e2);
        }
        if (!e1 || !e2 || *e1 || *e2 || !isfinite((double)out->mean) || !(out->m2 >= 0))
            bad = "mean, m2: expected numbers as strings (or decimals with exact sums)";
    }
    const cJSON *pts = NULL, *rks = NULL, *re = NULL;
    if (!bad) {
        pts = cJSON_GetObjectItemCaseSensitive(json, "sketch_values");
        rks = cJSON_GetObjectItemCaseSensitive(json, "sketch_ranks");
        re = cJSON_GetObjectItemCaseSensitive(json, "rank_error");
        size_t m = cJSON_IsArray(pts) ? (size_t)cJSON_GetArraySize(pts) : 0;
        if (!cJSON_IsArray(pts) || (rks && (!cJSON_IsArray(rks) || (size_t)cJSON_GetArraySize(rks) != m)) ||
            (!rks && m != out->n) || m > (rks ? (size_t)EFFEKT_SKETCH_POINTS : (size_t)EFFEKT_SKETCH_EXACT) ||
            (out->n && m == 0) || !cJSON_IsNumber(re) || !(re->valuedouble >= 0 && re->valuedouble <= 1))
            bad = "sketch_values, sketch_ranks, rank_error: expected a quantile sketch";
        else {
            out->points = effekt_malloc((m ? m : 1) * sizeof *out->points);
            out->ranks = effekt_malloc((m ? m : 1) * sizeof *out->ranks);
            if (!out->points || !out->ranks) {
                effekt_partial_free(out);
                return EFFEKT_ENOMEM;
            }
            out->n_points = m;
            out->rank_error = rks ? re->valuedouble : 0;
            size_t j = 0;
            for (const cJSON *p = pts->child, *r = rks ? rks->child : NULL; p && !bad; p = p->next, j++) {
                double rank = r ? r->valuedouble : (double)j;
                if (!cJSON_IsNumber(p) || (r && !cJSON_IsNumber(r)) || (j && p->valuedouble < out->points[j - 1]) ||
                    !(rank >= 0 && rank <= (double)out->n))
                    bad = "sketch_values: expected sorted numbers with ranks within n";
                else {
                    out->points[j] = p->valuedouble;
                    out->ranks[j] = rank;
                }
                if (r)
                    r = r->next;
            }
        }
    }
    if (bad) {
        if (why && why_size)
            snprintf(why, why_size, "%s", bad);
        effekt_partial_free(out);
        return EFFEKT_EPARSE;
    }
    return EFFEKT_OK;
}

void effekt_partial_free(effekt_partial *p)
{
    free(p->points);
    free(p->ranks);
    p->points = p->ranks = NULL;
    p->n_points = 0;
}
