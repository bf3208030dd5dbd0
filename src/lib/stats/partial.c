/* Mergeable partial summaries: exact integer moments where the data are
 * decimals as written, Chan's pairwise update otherwise, and a quantile
 * sketch that is exact while it is small and states its rank error after. */
#include "config.h"

#include "lib_sort.h"

#include "lib_alloc.h"
#include "lib_json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "effekt/output.h"
#include "effekt/partial.h"
#include "effekt/sha256.h"
#include "exact_sum.h"

typedef effekt_int128 int128;

/* The largest integer k = x 10^d an exact partial holds: below 2^53 for
 * decimals (x the rounding of k / 10^d), below 2^63 for whole numbers
 * (see effekt_exact_decimals). */
static double exact_limit(int decimals)
{
    return decimals == 0 ? 9223372036854775808.0 : 9007199254740992.0;
}

static int128 join(int64_t hi, uint64_t lo)
{
    return (int128)(((unsigned __int128)(uint64_t)hi << 64) | lo);
}

static void split(int128 v, int64_t *hi, uint64_t *lo)
{
    *hi = (int64_t)(v >> 64);
    *lo = (uint64_t)v;
}

/* Turn exact sums into a mean and a sum of squared deviations. */
static void to_inexact(effekt_partial *p)
{
    if (p->decimals < 0)
        return;
    long double scale = effekt_pow10[p->decimals];
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

/* Feed a 64-bit word to the hash, least significant byte first, so the
 * id is the same on every machine. */
static void hash_u64(effekt_sha256 *h, uint64_t v)
{
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(v >> (8 * i));
    effekt_sha256_update(h, b, sizeof b);
}

/* The largest step between kept ranks, the ends 0 and n-1 included: a
 * quantile interpolated between two kept values lies within it. */
static double sketch_gap(const double *ranks, size_t m, size_t n)
{
    if (m == 0 || n == 0)
        return 0;
    double gap = ranks[0];
    for (size_t j = 1; j < m; j++)
        if (ranks[j] - ranks[j - 1] > gap)
            gap = ranks[j] - ranks[j - 1];
    return (double)(n - 1) - ranks[m - 1] > gap ? (double)(n - 1) - ranks[m - 1] : gap;
}

effekt_status effekt_partial_compute(const double *x, size_t n_all, int decimals, effekt_partial *out)
{
    memset(out, 0, sizeof *out);
    out->min = out->max = NAN;
    /* the id: SHA-256 of the values as they came, each one's bits (every
     * NaN, a missing value, as one) */
    effekt_sha256 h;
    effekt_sha256_init(&h);
    effekt_sha256_update(&h, "effekt partial 1", 16);
    hash_u64(&h, (uint64_t)n_all);
    for (size_t i = 0; i < n_all; i++) {
        uint64_t bits;
        double xi = isnan(x[i]) ? NAN : x[i];
        memcpy(&bits, &xi, sizeof bits);
        hash_u64(&h, bits);
    }
    effekt_sha256_hex(&h, out->id);
    double *v = effekt_malloc((n_all ? n_all : 1) * sizeof *v);
    if (!v)
        return EFFEKT_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < n_all; i++)
        if (!isnan(x[i]))
            v[n++] = x[i];
    out->n = n;
    out->missing = n_all - n;
    /* exact sums, by the accumulator and under the conditions
     * effekt_stats_describe uses (whole numbers below 2^63 too) */
    effekt_exact_sum acc;
    effekt_exact_sum_init(&acc, n ? effekt_exact_decimals(v, n, decimals)
                                  : decimals >= 0 && decimals <= EFFEKT_POW10_MAX ? decimals : -1);
    for (size_t i = 0; i < n && acc.decimals >= 0; i++)
        effekt_exact_sum_add(&acc, v[i], 1);
    out->decimals = acc.decimals;
    if (out->decimals >= 0) {
        split(acc.s1, &out->s1_hi, &out->s1_lo);
        split(acc.s2, &out->s2_hi, &out->s2_lo);
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
    qsort(v, n, sizeof *v, effekt_cmp_double);
    if (n) {
        out->min = v[0];
        out->max = v[n - 1];
    }
    size_t m = n <= EFFEKT_SKETCH_EXACT ? n : EFFEKT_SKETCH_POINTS;
    out->points = effekt_malloc((m ? m : 1) * sizeof *out->points);
    out->ranks = effekt_malloc((m ? m : 1) * sizeof *out->ranks);
    if (!out->points || !out->ranks) {
        free(v);
        effekt_partial_clear(out);
        return EFFEKT_ENOMEM;
    }
    for (size_t j = 0; j < m; j++) {
        size_t r = m == n ? j : (size_t)llround((double)j * (double)(n - 1) / (double)(m - 1));
        out->points[j] = v[r];
        out->ranks[j] = (double)r;
    }
    out->n_points = m;
    out->rank_error = m == n ? 0 : sketch_gap(out->ranks, m, n) / (double)n;
    free(v);
    return EFFEKT_OK;
}

void effekt_partial_identify(effekt_partial *p, const char *context)
{
    effekt_sha256 h;
    effekt_sha256_init(&h);
    effekt_sha256_update(&h, context, strlen(context) + 1);
    effekt_sha256_update(&h, p->id, strlen(p->id));
    effekt_sha256_hex(&h, p->id);
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
    /* both sketches hold every value: the union is known, and a value's
     * rank is its place in it.  (Each side's own rank is not: that put
     * the median of 1..4000 and 4001..8000 at 8000.) */
    int exact = sketch_exact(a) && sketch_exact(b);
    for (size_t j = 0; j < a->n_points; j++)
        c[j] = (ranked){ a->points[j], exact ? 0 : a->ranks[j] + rank_in(b, a->points[j]) };
    for (size_t j = 0; j < b->n_points; j++)
        c[a->n_points + j] = (ranked){ b->points[j], exact ? 0 : b->ranks[j] + rank_in(a, b->points[j]) };
    qsort(c, m, sizeof *c, by_value_rank);
    if (exact)
        for (size_t j = 0; j < m; j++)
            c[j].rank = (double)j;
    size_t keep = exact && m <= EFFEKT_SKETCH_EXACT ? m : (m < EFFEKT_SKETCH_POINTS ? m : EFFEKT_SKETCH_POINTS);
    double *pts = effekt_malloc((keep ? keep : 1) * sizeof *pts), *rks = effekt_malloc((keep ? keep : 1) * sizeof *rks);
    if (!pts || !rks) {
        free(c);
        free(pts);
        free(rks);
        return EFFEKT_ENOMEM;
    }
    double err;
    if (exact) {
        /* every value at its rank: keep all, or the order statistics
         * effekt_partial_compute keeps of the same values, so merging
         * gives the sketch of one run */
        for (size_t j = 0; j < keep; j++) {
            size_t r = keep == m ? j : (size_t)llround((double)j * (double)(n - 1) / (double)(keep - 1));
            pts[j] = c[r].value;
            rks[j] = (double)r;
        }
        err = keep == m ? 0 : sketch_gap(rks, keep, n) / (double)n;
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
        /* A kept value's estimated rank is off by at most its own side's
         * error plus the other side's (rank_error n, which covers that
         * side's ranks) and one gap of the other side's sketch (where
         * rank_in interpolates): E.  A quantile interpolated between two
         * kept values is then within E plus the largest gap between the
         * kept ranks of the truth. */
        double gap_a = sketch_exact(a) ? 0 : sketch_gap(a->ranks, a->n_points, a->n);
        double gap_b = sketch_exact(b) ? 0 : sketch_gap(b->ranks, b->n_points, b->n);
        double e = a->rank_error * (double)a->n + b->rank_error * (double)b->n + (gap_a > gap_b ? gap_a : gap_b);
        err = (e + sketch_gap(rks, keep, n)) / (double)n;
        if (err > 1)
            err = 1;
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

/* An exact partial's sums as the accumulator holds them. */
static void to_sum(const effekt_partial *p, effekt_exact_sum *out)
{
    effekt_exact_sum_init(out, p->decimals);
    out->count = (int128)p->n;
    out->s1 = join(p->s1_hi, p->s1_lo);
    out->s2 = join(p->s2_hi, p->s2_lo);
}

effekt_status effekt_partial_merge(effekt_partial *a, const effekt_partial *b)
{
    if (a->id[0] && strcmp(a->id, b->id) == 0)
        return EFFEKT_EINVAL;   /* the same data twice */
    effekt_status st = merge_sketch(a, b);
    if (st != EFFEKT_OK)
        return st;
    {
        /* the union's id, the same in either order */
        int order = strcmp(a->id, b->id) < 0;
        effekt_sha256 h;
        effekt_sha256_init(&h);
        effekt_sha256_update(&h, "merge", 6);
        effekt_sha256_update(&h, order ? a->id : b->id, strlen(order ? a->id : b->id));
        effekt_sha256_update(&h, order ? b->id : a->id, strlen(order ? b->id : a->id));
        effekt_sha256_hex(&h, a->id);
    }
    if (a->decimals >= 0 && b->decimals >= 0) {
        /* both brought to the larger number of decimals, exactly */
        effekt_exact_sum x, y;
        to_sum(a, &x);
        to_sum(b, &y);
        if (effekt_exact_sum_merge(&x, &y)) {
            split(x.s1, &a->s1_hi, &a->s1_lo);
            split(x.s2, &a->s2_hi, &a->s2_lo);
            a->decimals = x.decimals;
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

/* Quantile p (type 7) from the sketch; an exact sketch of exact data
 * interpolates on the decimals as written, as effekt_stats_describe does. */
static double sketch_quantile(const effekt_partial *p, double q)
{
    if (p->n == 0)
        return NAN;
    if (sketch_exact(p))
        return effekt_quantile_sorted_scaled(p->points, p->n, q, 7, effekt_exact_scale(p->decimals));
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

void effekt_partial_summary(const effekt_partial *p, double confidence, effekt_stats_summary *out)
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
    out->iqr = sketch_exact(p) ? effekt_exact_iqr(out->q1, out->q3, 7, effekt_exact_scale(p->decimals))
                               : out->q3 - out->q1;
    if (p->n == 0)
        return;
    long double sum, mean, var = NAN;
    if (p->decimals >= 0) {
        /* the accumulator effekt_stats_describe's exact path uses, so the bits agree */
        effekt_exact_sum acc;
        to_sum(p, &acc);
        if (!effekt_exact_sum_moments(&acc, &sum, &mean, &var)) {
            /* 128 bits do not hold n s2 - s1^2: as to_inexact does */
            effekt_partial q = *p;
            to_inexact(&q);
            var = q.m2 / (long double)(p->n - 1);
        }
        out->exact = 1;
    } else {
        mean = p->mean;
        sum = mean * (long double)p->n;
        if (p->n >= 2)
            var = p->m2 / (long double)(p->n - 1);
    }
    out->mean = (double)mean;
    out->sum = (double)sum;
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

effekt_json *effekt_partial_to_json(const effekt_partial *p)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", p->id);
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
    return effekt_json_of(o);
}

/* What a member holds, for a message: its number exactly, or its kind. */
static const char *shown(const cJSON *v, char *buf, size_t size)
{
    if (!v)
        return "missing";
    if (cJSON_IsNumber(v)) {
        if (effekt_format_exact(v->valuedouble, buf, size) != 0)
            snprintf(buf, size, "%s", isnan(v->valuedouble) ? "NaN" : "beyond the range of a double");
        return buf;
    }
    if (cJSON_IsString(v)) {
        snprintf(buf, size, "\"%.40s%s\"", v->valuestring, strlen(v->valuestring) > 40 ? "..." : "");
        return buf;
    }
    return cJSON_IsNull(v) ? "null" : cJSON_IsBool(v) ? "a boolean" : cJSON_IsArray(v) ? "an array" : "an object";
}

static int get_count(const cJSON *v, size_t *out)
{
    if (!cJSON_IsNumber(v) || !(v->valuedouble >= 0) || v->valuedouble > 9007199254740992.0 ||
        v->valuedouble != floor(v->valuedouble))
        return -1;
    *out = (size_t)v->valuedouble;
    return 0;
}

static const char *num(double v, char *buf)
{
    effekt_format_exact(v, buf, 32);
    return buf;
}

#define BAD(...) do { snprintf(why, why_size, __VA_ARGS__); goto bad; } while (0)

effekt_status effekt_partial_from_json(const effekt_json *json_in, effekt_partial *out, char *why, size_t why_size)
{
    const cJSON *json = effekt_json_cjson_const(json_in);
    char tmp[64], a1[32], a2[32], a3[32];
    char scratch[2];
    if (!why || !why_size) {
        why = scratch;
        why_size = sizeof scratch;
    }
    memset(out, 0, sizeof *out);
    out->min = out->max = NAN;
    out->decimals = -1;
    if (!cJSON_IsObject(json))
        BAD(": %s (expected an object: a partial summary)", shown(json, tmp, sizeof tmp));
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(json, "id");
    size_t idlen = cJSON_IsString(v) ? strlen(v->valuestring) : 0;
    if (idlen != 64 || strspn(v->valuestring, "0123456789abcdef") != 64)
        BAD(".id: %s (expected the 64 hexadecimal digits of the SHA-256 of the partial's data; "
            "partials without one are from an older effekt: write them again)", shown(v, tmp, sizeof tmp));
    memcpy(out->id, v->valuestring, 65);
    v = cJSON_GetObjectItemCaseSensitive(json, "n");
    if (get_count(v, &out->n))
        BAD(".n: %s (expected a count: a whole number from 0 to 2^53)", shown(v, tmp, sizeof tmp));
    v = cJSON_GetObjectItemCaseSensitive(json, "missing");
    if (get_count(v, &out->missing))
        BAD(".missing: %s (expected a count: a whole number from 0 to 2^53)", shown(v, tmp, sizeof tmp));
    if (out->n) {
        const cJSON *mn = cJSON_GetObjectItemCaseSensitive(json, "min"), *mx = cJSON_GetObjectItemCaseSensitive(json, "max");
        if (!cJSON_IsNumber(mn) || !isfinite(mn->valuedouble))
            BAD(".min: %s (expected a number)", shown(mn, tmp, sizeof tmp));
        if (!cJSON_IsNumber(mx) || !isfinite(mx->valuedouble))
            BAD(".max: %s (expected a number)", shown(mx, tmp, sizeof tmp));
        if (mx->valuedouble < mn->valuedouble)
            BAD(".max: %s is below min, %s", num(mx->valuedouble, a1), num(mn->valuedouble, a2));
        out->min = mn->valuedouble;
        out->max = mx->valuedouble;
    }
    if ((v = cJSON_GetObjectItemCaseSensitive(json, "decimals"))) {
        if (!cJSON_IsNumber(v) || !(v->valuedouble >= 0 && v->valuedouble <= 15) || v->valuedouble != floor(v->valuedouble))
            BAD(".decimals: %s (expected a whole number from 0 to 15)", shown(v, tmp, sizeof tmp));
        int d = (int)v->valuedouble;
        const cJSON *a = cJSON_GetObjectItemCaseSensitive(json, "sum_scaled");
        const cJSON *b = cJSON_GetObjectItemCaseSensitive(json, "sum_squares_scaled");
        int128 s1, s2;
        if (!cJSON_IsString(a) || int128_parse(a->valuestring, &s1))
            BAD(".sum_scaled: %s (expected a whole number as a string)", shown(a, tmp, sizeof tmp));
        if (!cJSON_IsString(b) || int128_parse(b->valuestring, &s2))
            BAD(".sum_squares_scaled: %s (expected a whole number as a string)", shown(b, tmp, sizeof tmp));
        /* the values are whole multiples of 10^-d between min and max:
         * the sum lies in n [min, max], the sum of squares between
         * sum^2 / n and n max(min^2, max^2) */
        double scale = effekt_pow10[d];
        int128 lo = 0, hi = 0;
        if (out->n) {
            double kmin = out->min * scale, kmax = out->max * scale;
            if (!(fabs(kmin) < exact_limit(d)) || nearbyint(kmin) / scale != out->min)
                BAD(".min: %s is not a whole multiple of 10^-%d (decimals is %d)", num(out->min, a1), d, d);
            if (!(fabs(kmax) < exact_limit(d)) || nearbyint(kmax) / scale != out->max)
                BAD(".max: %s is not a whole multiple of 10^-%d (decimals is %d)", num(out->max, a1), d, d);
            lo = (int128)out->n * (int128)(int64_t)nearbyint(kmin);
            hi = (int128)out->n * (int128)(int64_t)nearbyint(kmax);
        }
        if (s1 < lo || s1 > hi) {
            char t1[48], t2[48];
            int128_text(lo, t1);
            int128_text(hi, t2);
            snprintf(tmp, sizeof tmp, " (in units of 10^-%d)", d);
            BAD(".sum_scaled: %s is outside n·[min, max] = [%s, %s]%s", a->valuestring, t1, t2, d ? tmp : "");
        }
        /* n s2 >= s1^2 (Cauchy-Schwarz); in long double, with room for
         * its rounding, where 128 bits overflow */
        int128 ns2, s1s1;
        int below;
        if (!__builtin_mul_overflow((int128)out->n, s2, &ns2) && !__builtin_mul_overflow(s1, s1, &s1s1))
            below = ns2 < s1s1;
        else
            below = (long double)out->n * (long double)s2 < (long double)s1 * (long double)s1 * (1 - 1e-15L);
        if (s2 < 0 || below || (out->n == 0 && s2 != 0)) {
            char t1[48];
            int128_text(s2, t1);
            BAD(".sum_squares_scaled: %s is below sum_scaled^2 / n = %.17Lg (no sum of squares is)", t1,
                out->n ? (long double)s1 * (long double)s1 / (long double)out->n : 0.0L);
        }
        if (out->n) {
            long double big = fmaxl(fabsl((long double)out->min * scale), fabsl((long double)out->max * scale));
            if ((long double)s2 > (long double)out->n * big * big * (1 + 1e-15L)) {
                char t1[48];
                int128_text(s2, t1);
                BAD(".sum_squares_scaled: %s is above n·max(min^2, max^2) = %.17Lg", t1, (long double)out->n * big * big);
            }
        }
        out->decimals = d;
        split(s1, &out->s1_hi, &out->s1_lo);
        split(s2, &out->s2_hi, &out->s2_lo);
    } else {
        const cJSON *a = cJSON_GetObjectItemCaseSensitive(json, "mean"), *b = cJSON_GetObjectItemCaseSensitive(json, "m2");
        char *e1 = NULL, *e2 = NULL;
        if (cJSON_IsString(a))
            out->mean = strtold(a->valuestring, &e1);
        if (!cJSON_IsString(a) || !*a->valuestring || *e1 || !isfinite((double)out->mean))
            BAD(".mean: %s (expected a number as a string, or decimals with exact sums)", shown(a, tmp, sizeof tmp));
        if (cJSON_IsString(b))
            out->m2 = strtold(b->valuestring, &e2);
        if (!cJSON_IsString(b) || !*b->valuestring || *e2 || !isfinite((double)out->m2))
            BAD(".m2: %s (expected a number as a string)", shown(b, tmp, sizeof tmp));
        /* the mean lies in [min, max] and the sum of squared deviations
         * between 0 and n (max - min)^2 / 4 (Popoviciu); the room, 1e-15
         * of the magnitude, is for the rounding of long double sums */
        long double mag = out->n ? fmaxl(fabsl((long double)out->min), fabsl((long double)out->max)) : 0;
        long double room = mag * 1e-15L;
        if (out->n ? (out->mean < out->min - room || out->mean > out->max + room) : out->mean != 0)
            BAD(".mean: %s is outside [min, max] = [%s, %s]", a->valuestring, out->n ? num(out->min, a1) : "0",
                out->n ? num(out->max, a2) : "0");
        long double span = out->n ? (long double)out->max - (long double)out->min : 0;
        if (out->m2 < 0 || out->m2 > (long double)out->n * span * span / 4 * (1 + 1e-12L) + room * room)
            BAD(".m2: %s is outside [0, n·(max - min)^2 / 4] = [0, %.17Lg] (a sum of squared deviations "
                "cannot be)", b->valuestring, (long double)out->n * span * span / 4);
    }
    const cJSON *pts = cJSON_GetObjectItemCaseSensitive(json, "sketch_values");
    const cJSON *rks = cJSON_GetObjectItemCaseSensitive(json, "sketch_ranks");
    const cJSON *re = cJSON_GetObjectItemCaseSensitive(json, "rank_error");
    if (!cJSON_IsArray(pts))
        BAD(".sketch_values: %s (expected an array of numbers)", shown(pts, tmp, sizeof tmp));
    size_t m = (size_t)cJSON_GetArraySize(pts);
    if (rks && !cJSON_IsArray(rks))
        BAD(".sketch_ranks: %s (expected an array of numbers)", shown(rks, tmp, sizeof tmp));
    if (rks && (size_t)cJSON_GetArraySize(rks) != m)
        BAD(".sketch_ranks: %d ranks for %zu values (expected one per value)", cJSON_GetArraySize(rks), m);
    if (!rks && m != out->n)
        BAD(".sketch_values: %zu values for n = %zu (without sketch_ranks the sketch holds every value)", m, out->n);
    if (rks && (m > EFFEKT_SKETCH_POINTS || (out->n && m == 0)))
        BAD(".sketch_values: %zu values (expected 1 to %d with sketch_ranks)", m, EFFEKT_SKETCH_POINTS);
    if (!rks && m > EFFEKT_SKETCH_EXACT)
        BAD(".sketch_values: %zu values (expected at most %d without sketch_ranks)", m, EFFEKT_SKETCH_EXACT);
    if (!cJSON_IsNumber(re) || !(re->valuedouble >= 0 && re->valuedouble <= 1))
        BAD(".rank_error: %s (expected a fraction from 0 to 1)", shown(re, tmp, sizeof tmp));
    if (!rks && re->valuedouble != 0)
        BAD(".rank_error: %s (expected 0: without sketch_ranks the sketch holds every value)", num(re->valuedouble, a1));
    out->points = effekt_malloc((m ? m : 1) * sizeof *out->points);
    out->ranks = effekt_malloc((m ? m : 1) * sizeof *out->ranks);
    if (!out->points || !out->ranks) {
        effekt_partial_clear(out);
        return EFFEKT_ENOMEM;
    }
    out->n_points = m;
    out->rank_error = re->valuedouble;
    size_t j = 0;
    for (const cJSON *p = pts->child, *r = rks ? rks->child : NULL; p; p = p->next, r = r ? r->next : NULL, j++) {
        if (!cJSON_IsNumber(p) || !isfinite(p->valuedouble))
            BAD(".sketch_values[%zu]: %s (expected a number)", j, shown(p, tmp, sizeof tmp));
        double x = p->valuedouble;
        if (j && x < out->points[j - 1])
            BAD(".sketch_values[%zu]: %s is below the value before it, %s (expected sorted values)", j, num(x, a1),
                num(out->points[j - 1], a2));
        if (x < out->min || x > out->max)
            BAD(".sketch_values[%zu]: %s is outside [min, max] = [%s, %s]", j, num(x, a1), num(out->min, a2),
                num(out->max, a3));
        double rank = (double)j;
        if (r) {
            if (!cJSON_IsNumber(r) || !isfinite(r->valuedouble))
                BAD(".sketch_ranks[%zu]: %s (expected a number)", j, shown(r, tmp, sizeof tmp));
            rank = r->valuedouble;
            if (!(rank >= 0 && rank <= (double)(out->n - 1)))
                BAD(".sketch_ranks[%zu]: %s is outside 0 to n - 1 = %zu", j, num(rank, a1), out->n - 1);
            if (j && rank < out->ranks[j - 1])
                BAD(".sketch_ranks[%zu]: %s is below the rank before it, %s (expected ranks in order)", j, num(rank, a1),
                    num(out->ranks[j - 1], a2));
        }
        out->points[j] = x;
        out->ranks[j] = rank;
    }
    if (rks && out->n) {
        /* a sketch cannot be surer than its own steps */
        double gap = sketch_gap(out->ranks, m, out->n) / (double)out->n;
        if (out->rank_error < gap)
            BAD(".rank_error: %s is below the sketch's largest step between ranks, %s", num(out->rank_error, a1),
                num(gap, a2));
    } else if (m) {
        /* the sketch holds every value: its ends are min and max, and its
         * sums are the moments */
        if (out->points[0] != out->min)
            BAD(".sketch_values[0]: %s is not min, %s (the sketch holds every value)", num(out->points[0], a1),
                num(out->min, a2));
        if (out->points[m - 1] != out->max)
            BAD(".sketch_values[%zu]: %s is not max, %s (the sketch holds every value)", m - 1,
                num(out->points[m - 1], a1), num(out->max, a2));
        if (out->decimals >= 0) {
            double scale = effekt_pow10[out->decimals];
            int128 s1 = 0, s2 = 0;
            for (size_t k = 0; k < m; k++) {
                double y = out->points[k] * scale;
                if (!(fabs(y) < exact_limit(out->decimals)) || nearbyint(y) / scale != out->points[k])
                    BAD(".sketch_values[%zu]: %s is not a whole multiple of 10^-%d (decimals is %d)", k,
                        num(out->points[k], a1), out->decimals, out->decimals);
                int64_t kk = (int64_t)nearbyint(y);
                s1 += kk;
                if (__builtin_add_overflow(s2, (int128)kk * kk, &s2))
                    break;
            }
            char t1[48], t2[48];
            if (s1 != join(out->s1_hi, out->s1_lo)) {
                int128_text(join(out->s1_hi, out->s1_lo), t1);
                int128_text(s1, t2);
                BAD(".sum_scaled: %s is not the sum of sketch_values, %s (the sketch holds every value)", t1, t2);
            }
            if (s2 != join(out->s2_hi, out->s2_lo)) {
                int128_text(join(out->s2_hi, out->s2_lo), t1);
                int128_text(s2, t2);
                BAD(".sum_squares_scaled: %s is not the sum of the squares of sketch_values, %s", t1, t2);
            }
        }
    }
    return EFFEKT_OK;
bad:
    effekt_partial_clear(out);
    return EFFEKT_EPARSE;
}

void effekt_partial_clear(effekt_partial *p)
{
    free(p->points);
    free(p->ranks);
    p->points = p->ranks = NULL;
    p->n_points = 0;
}
