#include <linux/byteorder.h>
