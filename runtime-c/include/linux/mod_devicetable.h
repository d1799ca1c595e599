#ifndef _FGFT_LINUX_MOD_DEVICETABLE_H
#define _FGFT_LINUX_MOD_DEVICETABLE_H

#include <linux/types.h>

#define PCI_ANY_ID (~0u)

struct pci_device_id {
	__u32 vendor, device;
	__u32 subvendor, subdevice;
	__u32 class, class_mask;
	unsigned long driver_data;
	__u32 override_only;
};

#endif
