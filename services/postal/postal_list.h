/*  postal_list — the slips' components and the shipments' originals and
    items are kept as one text per row, items joined by the unit separator
    (0x1F, which no typed text contains); these two turn one into the other
    for both postal stores.                                                  */
#ifndef POSTAL_LIST_H
#define POSTAL_LIST_H
#include <stddef.h>

#define POSTAL_SEPARATOR '\x1f'         //  joins list items in SQL text

//  Split joined (in place) at the separator into at most max items (which
//  point into joined). The count.
size_t   postal_split (char *joined, char **items, size_t max);
//  Join items with the separator (caller frees; "" for none).
char    *postal_join (char **items, size_t count);

#endif
