/* gen_participants — writes datasets/participants.csv, the SYNTHETIC
 * participant-level records of the demo.  Deterministic: a fixed seed and
 * our own generator (splitmix64), so the file is the same on every
 * machine; `make check` regenerates it and compares.
 *
 * GOVEST (30 candidates) and TPA (50 talents) take their sizes and
 * periods from the seeds; every date, placement and covariate is drawn at
 * random, labelled synthetic in the `synthetic` column.  SYN-* are
 * invented comparison projects of larger size. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>

#include "effekt/date.h"

static uint64_t state = 20261124;

static uint64_t next(void)
{
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static double uniform(void)   /* (0, 1) */
{
    return ((double)(next() >> 11) + 0.5) / 9007199254740992.0;
}

static long pick(long lo, long hi)
{
    return lo + (long)(uniform() * (double)(hi - lo + 1));
}

typedef struct {
    const char *id;
    int n;
    const char *first_enrolment, *last_enrolment, *followup;
    double p_placed;          /* chance of a job before follow-up */
    double days_to_job;       /* mean, exponential */
    double days_in_job;       /* mean, exponential */
    double cost_per_head;     /* mean cost per participant */
} project;

static const project projects[] = {
    { "GOVEST", 30, "2019-09-09", "2022-06-30", "2022-12-31", 0.45, 150, 900, 123022 },
    { "TPA", 50, "2016-01-15", "2017-12-31", "2018-12-31", 0.55, 200, 700, 88000 },
    { "SYN-NORD", 240, "2017-01-01", "2019-12-31", "2020-12-31", 0.50, 120, 600, 60000 },
    { "SYN-MIDT", 400, "2018-01-01", "2020-12-31", "2021-12-31", 0.62, 100, 800, 45000 },
    { "SYN-SYD", 160, "2019-03-01", "2021-06-30", "2022-06-30", 0.38, 180, 500, 70000 },
    { "SYN-OERESUND", 620, "2020-01-01", "2022-12-31", "2023-12-31", 0.58, 90, 1000, 38000 },
};

static long day(const char *iso)
{
    long d = 0;
    effekt_date_parse(iso, 10, &d);
    return d;
}

static void put_date(long d)
{
    char buf[32];
    effekt_date_format(d, buf);
    fputs(buf, stdout);
}

int main(void)
{
    static const char *const genders[] = { "female", "male" };
    static const char *const origins[] = { "EU", "non-EU Europe", "Asia", "Africa", "Americas", "Middle East" };
    static const char *const educations[] = { "bachelor", "master", "phd", "vocational" };
    puts("project_id,participant_id,enrolled_date,placed_date,job_end_date,followup_date,"
         "age,gender,origin,education,cost,synthetic");
    for (size_t p = 0; p < sizeof projects / sizeof *projects; p++) {
        const project *pr = &projects[p];
        long first = day(pr->first_enrolment), last = day(pr->last_enrolment), follow = day(pr->followup);
        for (int i = 1; i <= pr->n; i++) {
            long enrolled = pick(first, last);
            int placed = uniform() < pr->p_placed;
            long placed_day = placed ? enrolled + (long)(-pr->days_to_job * log(uniform())) : 0;
            if (placed && placed_day > follow)
                placed = 0;   /* not placed by follow-up: censored */
            long end = placed ? placed_day + (long)(-pr->days_in_job * log(uniform())) : 0;
            int ended = placed && end <= follow;
            printf("%s,%s-%04d,", pr->id, pr->id, i);
            put_date(enrolled);
            putchar(',');
            if (placed)
                put_date(placed_day);
            putchar(',');
            if (ended)
                put_date(end);
            putchar(',');
            put_date(follow);
            int age = (int)pick(22, 58);
            double cost = pr->cost_per_head * (0.5 + uniform());
            printf(",%d,%s,%s,%s,%.0f,yes\n", age, genders[next() % 2], origins[next() % 6],
                   educations[next() % 4], cost);
        }
    }
    return ferror(stdout) ? 1 : 0;
}
