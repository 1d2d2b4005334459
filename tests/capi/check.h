/* The checks of the C API's tests: each failure prints its file and line and is counted in
 * `failures`; main returns non-zero when there was any. Included by one .c file each. */
#ifndef ORTAQ_TESTS_CAPI_CHECK_H_
#define ORTAQ_TESTS_CAPI_CHECK_H_

#include <stdio.h>

static int failures = 0;

#define CHECK(cond)                                                              \
  do {                                                                           \
    if (!(cond)) {                                                               \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
      ++failures;                                                                \
    }                                                                            \
  } while (0)

#endif /* ORTAQ_TESTS_CAPI_CHECK_H_ */
