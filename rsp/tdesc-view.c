/* Lookups in the register table, using only the fields of struct tdesc so
 * that rsp/ does not need the XML loader linked in (the unit tests build
 * a table by hand). */
#include "rsp/conn-private.h"
#include "xml-features/tdesc.h"

#include <string.h>

const struct tdesc *rsp_conn_tdesc(struct rsp_conn *conn)
{
    if (!conn->target->ops->tdesc)
        return NULL;
    return conn->target->ops->tdesc(conn->target);
}

unsigned rsp_tdesc_reg_count(const struct tdesc *td)
{
    return td && td->regs ? td->regs->len : 0;
}

const struct tdesc_reg *rsp_tdesc_reg(const struct tdesc *td, unsigned regnum)
{
    if (regnum >= rsp_tdesc_reg_count(td))
        return NULL;
    return g_ptr_array_index(td->regs, regnum);
}

const struct tdesc_reg *rsp_tdesc_reg_by_name(const struct tdesc *td,
                                              const char *name)
{
    for (unsigned i = 0; i < rsp_tdesc_reg_count(td); i++) {
        const struct tdesc_reg *reg = g_ptr_array_index(td->regs, i);
        if (reg && reg->name && strcmp(reg->name, name) == 0)
            return reg;
    }
    return NULL;
}

const char *rsp_tdesc_annex(const struct tdesc *td, const char *annex)
{
    if (!td)
        return NULL;
    if (strcmp(annex, "target.xml") == 0)
        return td->target_xml;
    for (guint i = 0; td->features && i < td->features->len; i++) {
        const struct tdesc_feature *f = g_ptr_array_index(td->features, i);
        if (f && f->file && strcmp(f->file, annex) == 0)
            return f->xml;
    }
    return NULL;
}
