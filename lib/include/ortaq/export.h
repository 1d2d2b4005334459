/* Symbol visibility for ortaq's public API, usable from C and C++.
 *
 * The library is built with hidden visibility: only declarations marked ORTAQ_API are
 * exported from libortaq.so. Users never define anything; a static build needs nothing either. */
#ifndef ORTAQ_EXPORT_H_
#define ORTAQ_EXPORT_H_

#if defined(_WIN32) || defined(__CYGWIN__)
#  if defined(ORTAQ_BUILDING_SHARED)
#    define ORTAQ_API __declspec(dllexport)
#  elif defined(ORTAQ_USING_SHARED)
#    define ORTAQ_API __declspec(dllimport)
#  else
#    define ORTAQ_API
#  endif
#elif defined(__GNUC__) || defined(__clang__)
#  define ORTAQ_API __attribute__((visibility("default")))
#else
#  define ORTAQ_API
#endif

#endif /* ORTAQ_EXPORT_H_ */
