#ifndef _FGFT_LINUX_PREFETCH_H
#define _FGFT_LINUX_PREFETCH_H

#define prefetch(x) ((void)(x))
#define prefetchw(x) ((void)(x))

#endif
