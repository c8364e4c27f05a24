/* Names and parsing of maturity levels. */
#include "level.h"

#include <string.h>

#include "names.h"

const char *const level_names[LEVEL_COUNT] = {"baseline", "intermediate", "advanced"};

NAMES_ENUM_FUNCTIONS(level, enum level, level_names, LEVEL_COUNT, "none")
