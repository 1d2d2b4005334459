// libortaq-ffi: the whole static libortaq as one shared object, for editors that load the C API
// (ortaq.h) at run time through an FFI. Built only when libortaq itself is not shared; it adds no
// code of its own: this file exists because a library needs at least one source.
#include "ortaq.h"
