/* effekt/export.h — which names libeffekt.so exports.
 *
 * The library is compiled with -fvisibility=hidden: a function is visible
 * to programs only when its public declaration carries EFFEKT_API.  So
 * libeffekt.so exports exactly the effekt_* functions of include/effekt/
 * and nothing of the helpers its modules share (tests/symbols.sh checks
 * it).  Every function declared in a public header starts with
 * EFFEKT_API; internal ones, in src/lib private headers, never do.
 * A program that includes the header gets the same attribute, which is
 * harmless there. */
#ifndef EFFEKT_EXPORT_H
#define EFFEKT_EXPORT_H

#if defined(__GNUC__) || defined(__clang__)
#define EFFEKT_API __attribute__((visibility("default")))
#else
#define EFFEKT_API
#endif

#endif
