// Families of kernel calls the resource operators look for. Names follow the
// Linux kernel API (and libc, for user-space targets).

export const ALLOC_CALLS = new Set([
  'kmalloc', 'kzalloc', 'kcalloc', 'kmalloc_array', 'krealloc', 'kmalloc_node', 'kzalloc_node',
  'kvmalloc', 'kvzalloc', 'vmalloc', 'vzalloc', 'devm_kzalloc', 'devm_kmalloc', 'kmem_cache_alloc',
  'kmem_cache_zalloc', 'kstrdup', 'kmemdup', 'dma_alloc_coherent', 'dma_zalloc_coherent',
  'pci_alloc_consistent', 'dma_pool_alloc', 'alloc_skb', '__alloc_skb', 'dev_alloc_skb',
  'netdev_alloc_skb', '__netdev_alloc_skb', 'netdev_alloc_skb_ip_align', 'napi_alloc_skb',
  'alloc_etherdev', 'alloc_netdev', 'alloc_page', 'alloc_pages', '__get_free_page', '__get_free_pages',
  'get_zeroed_page', 'ioremap', 'ioremap_nocache', 'pci_iomap', 'malloc', 'calloc', 'realloc', 'strdup',
]);

export const FREE_CALLS = new Set([
  'kfree', 'kvfree', 'vfree', 'kfree_sensitive', 'kzfree', 'kmem_cache_free', 'dma_free_coherent',
  'pci_free_consistent', 'dma_pool_free', 'kfree_skb', 'dev_kfree_skb', 'dev_kfree_skb_any',
  'dev_kfree_skb_irq', 'consume_skb', 'free_netdev', 'free_page', 'free_pages', '__free_page',
  '__free_pages', 'iounmap', 'pci_iounmap', 'free',
]);

/** Unlocks (lockleak). spin_unlock_irqrestore & co. are both an unlock and an irq restore. */
export function isUnlock(name: string): boolean {
  return /(^|_)unlock(_|$)/.test(name) || /^(up|up_read|up_write|rtnl_unlock|pthread_mutex_unlock)$/.test(name);
}

/** Interrupt-state restores (irqleak). */
export function isIrqRestore(name: string): boolean {
  return /irqrestore$|_unlock_irq$|^local_irq_(restore|enable)$|^enable_irq$|^local_bh_enable$|^spin_unlock_bh$/.test(name);
}
