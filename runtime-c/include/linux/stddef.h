#include <stddef.h>
#include <stdbool.h>
