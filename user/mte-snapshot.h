/* Snapshots of an address space's MTE allocation tags (user/mte.c), for
 * user/snapshot.c: a copy of every tagged page's tags, put back on
 * restore. An address space without tagged pages has none (NULL). */
#ifndef BACKSTEP_USER_MTE_SNAPSHOT_H
#define BACKSTEP_USER_MTE_SNAPSHOT_H

#include <stddef.h>

struct pagestore;
struct user_mte_tags;

struct user_mte_tags *user_mte_tags_save(const struct pagestore *store);
/* saved NULL: the space had no tagged pages then. Flush the CPUs' TLBs
 * afterwards (they may hold pointers to the replaced tags). */
void user_mte_tags_restore(const struct pagestore *store,
                           const struct user_mte_tags *saved);
void user_mte_tags_free(struct user_mte_tags *saved);
size_t user_mte_tags_size(const struct user_mte_tags *saved);

#endif
