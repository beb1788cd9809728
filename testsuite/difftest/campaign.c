/* One class's differential run (see campaign.h). */
#include <glib/gstdio.h>
#include <inttypes.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "campaign.h"
#include "run.h"
#include "sve-unpredictable.h"

/* Differences printed per case before "and N more". */
#define MAX_LINES_PER_CASE 6

void dt_disasm(const struct dt_options *opt, uint32_t insn, char *buf,
               size_t size)
{
    g_strlcpy(buf, "?", size);
    if (!opt->objdump)
        return;
    char *path = NULL;
    int fd = g_file_open_tmp("difftest-insn-XXXXXX", &path, NULL);
    if (fd < 0)
        return;
    uint8_t bytes[4] = { insn & 0xff, (insn >> 8) & 0xff, (insn >> 16) & 0xff,
                         insn >> 24 };
    gboolean wrote = write(fd, bytes, 4) == 4;
    close(fd);
    char *text = NULL;
    const char *argv[] = { opt->objdump, "-D", "-b", "binary", "-m",
                           "aarch64", path, NULL };
    if (wrote && g_spawn_sync(NULL, (char **)argv, NULL,
                              G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text,
                              NULL, NULL, NULL)) {
        /* The line "   0:\t8b020020 \tadd\tx0, x1, x2" */
        char *line = strstr(text, "   0:\t");
        if (line) {
            char *end = strchr(line, '\n');
            if (end)
                *end = '\0';
            char *tab = strchr(line + 6, '\t');
            if (tab) {
                for (char *p = tab + 1; *p; p++)
                    if (*p == '\t')
                        *p = ' ';
                g_strlcpy(buf, g_strstrip(tab + 1), size);
            }
        }
    }
    g_free(text);
    g_unlink(path);
    g_free(path);
}

static const char *signame(int sig)
{
    switch (sig) {
    case 0: return "none";
    case SIGILL: return "SIGILL";
    case SIGSEGV: return "SIGSEGV";
    case SIGBUS: return "SIGBUS";
    case SIGFPE: return "SIGFPE";
    case SIGTRAP: return "SIGTRAP";
    default: return "signal";
    }
}

/* The head of every report line: the reproducer and the instructions. */
static GString *case_head(const struct dt_options *opt,
                          const struct dt_class *cls, uint64_t seed,
                          uint64_t index, const struct dt_case *c)
{
    GString *s = g_string_new(opt->prefix);
    g_string_append_printf(s, "difftest --seed %" PRIu64 " --class %s ",
                           seed, cls->name);
    if (cls->sve)
        g_string_append_printf(s, "--sve-vl %u ", opt->sve_vl_bits);
    g_string_append_printf(s, "--case %" PRIu64 "  insn=", index);
    for (unsigned i = 0; i < c->ninsn; i++)
        g_string_append_printf(s, "%s0x%08x", i ? "," : "", c->insn[i]);
    g_string_append(s, " (");
    for (unsigned i = 0; i < c->ninsn; i++) {
        char dis[128];
        dt_disasm(opt, c->insn[i], dis, sizeof dis);
        g_string_append_printf(s, "%s%s", i ? "; " : "", dis);
    }
    g_string_append(s, ") ");
    return s;
}

struct diff_printer {
    const struct dt_options *opt;
    const char *head;
    const char *tag;        /* "" or "known-qemu: " */
    unsigned lines, more;
};

static void diff_line(struct diff_printer *p, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);
static void diff_line(struct diff_printer *p, const char *fmt, ...)
{
    if (p->lines >= MAX_LINES_PER_CASE) {
        p->more++;
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    fprintf(p->opt->out, "%s %s%s\n", p->head, p->tag, msg);
    g_free(msg);
    p->lines++;
}

static void diff_u64(struct diff_printer *p, const char *what, uint64_t q,
                     uint64_t b)
{
    if (q != b)
        diff_line(p, "%s: qemu=0x%016" PRIx64 " backstep=0x%016" PRIx64,
                  what, q, b);
}

/* BYTES bytes of a register as one hex number, most significant first. */
static void hex_bytes(char *buf, const uint8_t *p, unsigned bytes)
{
    for (unsigned i = 0; i < bytes; i++)
        sprintf(buf + 2 * i, "%02x", p[bytes - 1 - i]);
}

/* The SVE registers: Z by 16-byte granule (granule 0 is V as well),
 * P and FFR whole. */
static void diff_sve(struct diff_printer *p, const struct dt_sve *q,
                     const struct dt_sve *b)
{
    char qs[2 * DT_SVE_MAX_VL / 8 + 1], bs[2 * DT_SVE_MAX_VL / 8 + 1];
    unsigned vl = q->vl <= DT_SVE_MAX_VL ? q->vl : DT_SVE_MAX_VL;
    for (unsigned i = 0; i < 32; i++)
        for (unsigned off = 0; off < vl; off += 16) {
            if (memcmp(q->z[i] + off, b->z[i] + off, 16) == 0)
                continue;
            hex_bytes(qs, q->z[i] + off, 16);
            hex_bytes(bs, b->z[i] + off, 16);
            diff_line(p, "reg z%u bytes %u..%u: qemu=0x%s backstep=0x%s", i,
                      off, off + 15, qs, bs);
        }
    for (unsigned i = 0; i < 17; i++) {
        const uint8_t *qp = i < 16 ? q->p[i] : q->ffr;
        const uint8_t *bp = i < 16 ? b->p[i] : b->ffr;
        if (memcmp(qp, bp, vl / 8) == 0)
            continue;
        hex_bytes(qs, qp, vl / 8);
        hex_bytes(bs, bp, vl / 8);
        if (i < 16)
            diff_line(p, "reg p%u: qemu=0x%s backstep=0x%s", i, qs, bs);
        else
            diff_line(p, "reg ffr: qemu=0x%s backstep=0x%s", qs, bs);
    }
}

/* Print the differences of two complete results; returns how many. */
static unsigned diff_results(struct diff_printer *p,
                             const struct dt_result *q,
                             const struct dt_result *b)
{
    unsigned before = p->lines + p->more;
    for (unsigned i = 0; i < 31; i++) {
        char name[8];
        g_snprintf(name, sizeof name, "reg x%u", i);
        diff_u64(p, name, q->regs.x[i], b->regs.x[i]);
    }
    diff_u64(p, "sp delta", q->regs.sp, b->regs.sp);
    diff_u64(p, "nzcv", q->regs.nzcv, b->regs.nzcv);
    diff_u64(p, "fpcr", q->regs.fpcr, b->regs.fpcr);
    diff_u64(p, "fpsr", q->regs.fpsr, b->regs.fpsr);
    for (unsigned i = 0; i < 32; i++) {
        if (memcmp(q->regs.v[i], b->regs.v[i], 16) == 0)
            continue;
        uint64_t qlo, qhi, blo, bhi;
        memcpy(&qlo, q->regs.v[i], 8);
        memcpy(&qhi, q->regs.v[i] + 8, 8);
        memcpy(&blo, b->regs.v[i], 8);
        memcpy(&bhi, b->regs.v[i] + 8, 8);
        diff_line(p, "reg v%u: qemu=0x%016" PRIx64 "_%016" PRIx64
                  " backstep=0x%016" PRIx64 "_%016" PRIx64,
                  i, qhi, qlo, bhi, blo);
    }
    for (unsigned off = 0; off < DT_MEM_SIZE; off += 8) {
        uint64_t qw, bw;
        memcpy(&qw, q->mem + off, 8);
        memcpy(&bw, b->mem + off, 8);
        if (qw != bw)
            diff_line(p, "mem 0x%x (8 bytes LE): qemu=0x%016" PRIx64
                      " backstep=0x%016" PRIx64, DT_SCRATCH_ADDR + off, qw, bw);
    }
    diff_sve(p, &q->sve, &b->sve);
    if (memcmp(&q->sve, &b->sve, sizeof q->sve) != 0
        && p->lines + p->more == before)
        diff_line(p, "SVE state differs outside the vector length");
    return p->lines + p->more - before;
}

static void dump_case(const struct dt_options *opt, uint64_t index,
                      const struct dt_case *c)
{
    FILE *f = opt->out;
    fprintf(f, "%scase %" PRIu64 " inputs: nzcv=0x%08" PRIx64 " fpcr=0x%08"
            PRIx64 " fpsr=0x%08" PRIx64 " sp=0x%" PRIx64 "\n", opt->prefix,
            index, c->regs.nzcv, c->regs.fpcr, c->regs.fpsr, c->regs.sp);
    for (unsigned i = 0; i < 31; i++)
        fprintf(f, "%s  x%-2u = 0x%016" PRIx64 "%s", i % 4 ? "" : opt->prefix,
                i, c->regs.x[i], i % 4 == 3 || i == 30 ? "\n" : "");
    for (unsigned i = 0; i < 32; i++) {
        uint64_t lo, hi;
        memcpy(&lo, c->regs.v[i], 8);
        memcpy(&hi, c->regs.v[i] + 8, 8);
        fprintf(f, "%s  v%-2u = 0x%016" PRIx64 "_%016" PRIx64 "%s",
                i % 2 ? "" : opt->prefix, i, hi, lo, i % 2 ? "\n" : "");
    }
    unsigned vl = c->sve.vl <= DT_SVE_MAX_VL ? c->sve.vl : DT_SVE_MAX_VL;
    char hex[2 * DT_SVE_MAX_VL + 1];
    for (unsigned i = 0; vl && i < 32; i++) {
        hex_bytes(hex, c->sve.z[i], vl);
        fprintf(f, "%s  z%-2u = 0x%s\n", opt->prefix, i, hex);
    }
    for (unsigned i = 0; vl && i < 17; i++) {
        char name[8];
        g_snprintf(name, sizeof name, i < 16 ? "p%u" : "ffr", i);
        hex_bytes(hex, i < 16 ? c->sve.p[i] : c->sve.ffr, vl / 8);
        fprintf(f, "%s  %-3s = 0x%s\n", opt->prefix, name, hex);
    }
}

struct emu_job {
    struct dt_emulator emu;
    const char *harness, *case_file, *workdir;
    unsigned count, timeout_s;
    struct dt_outcome *out;
    GError *error;
    bool ok;
};

static gpointer emu_thread(gpointer data)
{
    struct emu_job *j = data;
    j->ok = dt_run_emulator(&j->emu, j->harness, j->case_file, j->count,
                            j->workdir, j->timeout_s, j->out, &j->error);
    return NULL;
}

static bool write_cases(const char *path, const struct dt_case *cases,
                        unsigned count, GError **error)
{
    return g_file_set_contents(path, (const char *)cases,
                               (gssize)(sizeof cases[0] * count), error);
}

/* Compare one case's outcomes, count it in ST, and report a difference. */
static void judge_case(const struct dt_options *opt,
                       const struct dt_class *cls, uint64_t seed,
                       uint64_t index, uint32_t pos, const struct dt_case *c,
                       struct dt_outcome *q, struct dt_outcome *b,
                       struct dt_class_stats *st)
{
    const char *rule = NULL;
    if (q->kind == DT_DIED && !q->timed_out) {
        /* A rule may give the architectural result where QEMU dies. */
        struct dt_result blank = { .magic = DT_RESULT_MAGIC, .index = pos };
        if ((rule = dt_qemu_correct(c, &blank)) != NULL) {
            q->result = blank;
            q->kind = DT_RAN;
        }
    } else if (q->kind == DT_RAN) {
        rule = dt_qemu_correct(c, &q->result);
    }
    if (q->kind != DT_RAN) {
        /* The oracle itself failed on this case (QEMU aborts on some
         * encodings): there is no verdict. */
        st->qemu_failed++;
        if (st->qemu_failed <= opt->max_reports) {
            GString *head = case_head(opt, cls, seed, index, c);
            fprintf(opt->out, "%s no verdict: qemu %s%s\n", head->str,
                    q->kind == DT_DIED ? "died: " : "did not reach it",
                    q->kind == DT_DIED ? q->note : "");
            g_string_free(head, TRUE);
        }
        return;
    }

    if (cls->sve) {
        dt_sve_normalise(c, &q->result);
        if (b->kind == DT_RAN)
            dt_sve_normalise(c, &b->result);
    }
    bool same;
    if (b->kind == DT_RAN && cls->sve && q->result.signal
        && q->result.signal == b->result.signal) {
        /* An SVE store that faults part-way leaves the memory it would
         * write UNKNOWN (QEMU checks every element first and writes none;
         * an element-by-element store has written those before the
         * fault): a trap compares as the signal alone. */
        same = true;
    } else if (b->kind == DT_RAN) {
        same = memcmp(&q->result, &b->result, sizeof q->result) == 0;
    }
    else if (b->kind == DT_DIED)
        same = q->result.signal != 0 && b->guest_signal == q->result.signal;
    else
        same = false;
    if (opt->verbose) {
        GString *head = case_head(opt, cls, seed, index, c);
        fprintf(opt->out, "%s qemu=%s%s%s%s backstep=%s%s\n", head->str,
                q->kind != DT_RAN ? "died"
                : q->result.signal ? signame(q->result.signal) : "ran",
                rule ? " (by the rule \"" : "", rule ? rule : "",
                rule ? "\")" : "",
                b->kind == DT_RAN ? (b->result.signal
                                     ? signame(b->result.signal) : "ran")
                : b->kind == DT_DIED ? signame(b->guest_signal) : "-",
                same ? "" : "  DIFFERENT");
        g_string_free(head, TRUE);
    }
    if (same) {
        st->same++;
        if (q->result.signal)
            st->both_trapped++;
        return;
    }

    const char *known = dt_known_match(opt->known, c);
    if (known)
        st->known++;
    else
        st->differ++;
    bool undef = q->kind == DT_RAN && q->result.signal == 0
                 && ((b->kind == DT_DIED && b->guest_signal == SIGILL)
                     || (b->kind == DT_RAN && b->result.signal == SIGILL));
    if (undef && !known)
        st->backstep_undef++;
    if (st->differ + st->known > opt->max_reports)
        return;

    GString *head = case_head(opt, cls, seed, index, c);
    struct diff_printer p = { opt, head->str, known ? "known-qemu: " : "",
                              0, 0 };
    if (b->kind == DT_DIED) {
        if (b->guest_signal)
            diff_line(&p, "backstep: %s on 0x%08x where qemu: %s%s%s",
                      signame(b->guest_signal), c->insn[0],
                      q->result.signal ? signame(q->result.signal) : "ran",
                      b->note[0] ? " | " : "", b->note);
        else if (b->host_signal)
            diff_line(&p, "backstep CRASHED (host signal %d) | %s",
                      b->host_signal, b->note);
        else if (b->timed_out)
            diff_line(&p, "backstep timed out after %us", opt->timeout_s);
        else
            diff_line(&p, "backstep exited with status %d | %s",
                      b->exit_status, b->note);
    } else if (b->kind != DT_RAN) {
        diff_line(&p, "backstep did not reach it");
    } else if (q->result.signal != b->result.signal) {
        /* The trapped side has no registers to compare. */
        diff_line(&p, "trap: qemu=%s backstep=%s", signame(q->result.signal),
                  signame(b->result.signal));
    } else {
        diff_results(&p, &q->result, &b->result);
    }
    if (known)
        fprintf(opt->out, "%s known-qemu: %s\n", head->str, known);
    if (p.more)
        fprintf(opt->out, "%s (and %u more differences)\n", head->str, p.more);
    g_string_free(head, TRUE);
}

/* Cases FIRST .. FIRST+COUNT-1, counted into ST (see dt_run_class). */
static bool run_chunk(const struct dt_options *opt, const struct dt_class *cls,
                      uint64_t seed, uint64_t first, unsigned count,
                      struct dt_class_stats *st, GError **error)
{
    unsigned sve_vl = cls->sve ? opt->sve_vl_bits / 8 : 0;
    struct dt_case *cases = g_new0(struct dt_case, count);
    for (unsigned i = 0; i < count; i++) {
        const struct dt_template *t;
        if (!dt_generate(cls, seed, first + i, sve_vl, &cases[i], &t)) {
            g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                        "class %s: no valid encoding for case %" PRIu64
                        " (a template table bug)", cls->name, first + i);
            g_free(cases);
            return false;
        }
        if (opt->insn_override) {
            cases[i].insn[0] = opt->insn_override;
            cases[i].ninsn = 1;
        }
    }

    char *workdir = g_dir_make_tmp("difftest-XXXXXX", error);
    if (!workdir) {
        g_free(cases);
        return false;
    }
    char *case_file = g_build_filename(workdir, "cases.bin", NULL);
    bool ok = write_cases(case_file, cases, count, error);

    struct dt_outcome *qout = g_new0(struct dt_outcome, count);
    struct dt_outcome *bout = g_new0(struct dt_outcome, count);
    /* SVE classes: both at the same maximum vector length, which the
     * harness then selects with prctl(PR_SVE_SET_VL). */
    char *qemu_cpu = sve_vl ? g_strdup_printf("max,sve-max-vq=%u", sve_vl / 16)
                            : g_strdup("max");
    char *vl_bits = g_strdup_printf("%u", sve_vl * 8);
    const char *qemu_argv[] = { opt->qemu, "-cpu", qemu_cpu, NULL };
    const char *backstep_argv[] = { opt->backstep, sve_vl ? "--sve-vl" : NULL,
                                    vl_bits, NULL };
    struct emu_job jobs[2] = {
        { { "qemu", qemu_argv }, opt->harness, case_file, workdir, count,
          opt->timeout_s, qout, NULL, false },
        { { "backstep", opt->backstep_argv ? opt->backstep_argv
                                           : backstep_argv },
          opt->harness, case_file, workdir,
          count, opt->timeout_s, bout, NULL, false },
    };
    if (ok) {
        GThread *t = g_thread_new("qemu", emu_thread, &jobs[0]);
        emu_thread(&jobs[1]);
        g_thread_join(t);
        for (int k = 0; k < 2 && ok; k++)
            if (!jobs[k].ok) {
                g_propagate_error(error, jobs[k].error);
                jobs[k].error = NULL;
                ok = false;
            }
        g_clear_error(&jobs[0].error);
        g_clear_error(&jobs[1].error);
    }
    for (unsigned i = 0; ok && i < count; i++) {
        if (opt->dump_inputs)
            dump_case(opt, first + i, &cases[i]);
        st->cases++;
        judge_case(opt, cls, seed, first + i, i, &cases[i], &qout[i],
                   &bout[i], st);
    }

    const char *files[] = { "cases.bin", "qemu.out", "qemu.err",
                            "backstep.out", "backstep.err" };
    for (size_t k = 0; k < G_N_ELEMENTS(files); k++) {
        char *path = g_build_filename(workdir, files[k], NULL);
        g_unlink(path);
        g_free(path);
    }
    g_rmdir(workdir);
    g_free(workdir);
    g_free(case_file);
    g_free(qout);
    g_free(bout);
    g_free(cases);
    g_free(qemu_cpu);
    g_free(vl_bits);
    return ok;
}

/* Cases per run of the emulators: bounds the memory of a long campaign
 * (an SVE case and its two results take some 40 KiB). */
#define CHUNK 1000

bool dt_run_class(const struct dt_options *opt, const struct dt_class *cls,
                  uint64_t seed, uint64_t first, unsigned count,
                  struct dt_class_stats *st, GError **error)
{
    memset(st, 0, sizeof *st);
    if (cls->sve && (opt->sve_vl_bits < 128 || opt->sve_vl_bits > 2048
                     || opt->sve_vl_bits % 128)) {
        g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                    "class %s: SVE vector length %u bits is not a multiple "
                    "of 128 from 128 to 2048", cls->name, opt->sve_vl_bits);
        return false;
    }
    for (unsigned done = 0; done < count; done += CHUNK) {
        unsigned n = count - done < CHUNK ? count - done : CHUNK;
        if (!run_chunk(opt, cls, seed, first + done, n, st, error))
            return false;
    }
    return true;
}
