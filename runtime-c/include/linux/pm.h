#ifndef _FGFT_LINUX_PM_H
#define _FGFT_LINUX_PM_H

struct device;

typedef struct pm_message {
	int event;
} pm_message_t;

#define PM_EVENT_ON 0x0000
#define PM_EVENT_FREEZE 0x0001
#define PM_EVENT_SUSPEND 0x0002
#define PMSG_ON ((struct pm_message){ .event = PM_EVENT_ON })
#define PMSG_SUSPEND ((struct pm_message){ .event = PM_EVENT_SUSPEND })
#define PMSG_FREEZE ((struct pm_message){ .event = PM_EVENT_FREEZE })

struct dev_pm_ops {
	int (*suspend)(struct device *dev);
	int (*resume)(struct device *dev);
	int (*freeze)(struct device *dev);
	int (*thaw)(struct device *dev);
	int (*poweroff)(struct device *dev);
	int (*restore)(struct device *dev);
	int (*runtime_suspend)(struct device *dev);
	int (*runtime_resume)(struct device *dev);
	int (*runtime_idle)(struct device *dev);
};

#define SIMPLE_DEV_PM_OPS(name, suspend_fn, resume_fn) \
	const struct dev_pm_ops name = { .suspend = suspend_fn, .resume = resume_fn, .freeze = suspend_fn, \
					 .thaw = resume_fn, .poweroff = suspend_fn, .restore = resume_fn }
#define DEFINE_SIMPLE_DEV_PM_OPS(name, suspend_fn, resume_fn) SIMPLE_DEV_PM_OPS(name, suspend_fn, resume_fn)
#define pm_sleep_ptr(p) (p)
#define pm_ptr(p) (p)

#endif
