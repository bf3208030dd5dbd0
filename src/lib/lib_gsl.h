/* lib_gsl.h — GSL reports errors to the library by status, never by
 * aborting (status.c). */
#ifndef EFFEKT_LIB_GSL_H
#define EFFEKT_LIB_GSL_H

/* GSL's default error handler prints and aborts the process (a singular
 * matrix in a log-rank test, a domain error in a distribution function).
 * The library checks GSL's return codes and NaN results instead, so it
 * turns the handler off, once for the process (pthread_once), before its
 * first GSL call: every public function that calls GSL calls this first.
 * The handler is one process-wide variable of GSL's: swapping it around
 * each call, as the library once did, raced between two threads, and
 * restored a handler another thread had just replaced.  A program that
 * uses GSL itself finds the handler off after its first effekt call (as
 * GSL advises for production code); if it sets its own afterwards, that
 * one also sees the library's GSL errors, which the library still
 * handles by their return codes. */
void effekt_gsl_errors_off(void);

#endif
