#ifndef INSTROOM_CGLPK_SHIM_H
#define INSTROOM_CGLPK_SHIM_H
#include <glpk.h>
#endif
