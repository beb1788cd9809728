/* Where a guest path is on the host: the guest root (-L / --sysroot).
 *
 * Like qemu-aarch64 -L, an absolute path is looked up under the guest
 * root first and used from there when something exists there; otherwise
 * the host's own file at that path is used. So the guest finds its
 * interpreter and libraries in the cross root (/lib/libc.so.6 is
 * /usr/aarch64-linux-gnu/lib/libc.so.6) and everything else (/etc, /tmp,
 * /dev, the program's own files) where it is on the host. Relative paths
 * are the host's, from the host's working directory.
 *
 * /proc/self/exe and /proc/PID/exe name the program, not backstep; the
 * links to a guest's open files (/proc/self/fd/N, /proc/PID/fd/N of a
 * guest process, /dev/fd/N, /dev/stdin...) name the host file behind the
 * guest's fd N, never backstep's own descriptor N.
 *
 * Every path-taking system call and the debugger's vFile requests resolve
 * through here, so the guest and its debugger always agree on which file
 * a name means. */
#include "config.h"

#include "user/user-internal.h"

#include <string.h>
#include <sys/stat.h>

char *user_path_under_root(const char *root, const char *path)
{
    if (root && root[0] && path[0] == '/') {
        char *inside = g_build_filename(root, path, NULL);
        struct stat st;
        /* lstat: a symbolic link in the root counts, even a dangling
         * one, so the guest sees the root's own view of that name. */
        if (lstat(inside, &st) == 0)
            return inside;
        g_free(inside);
    }
    return g_strdup(path);
}

bool user_path_is_self_exe(int64_t pid, const char *path)
{
    if (strcmp(path, "/proc/self/exe") == 0)
        return true;
    char own[64];
    g_snprintf(own, sizeof(own), "/proc/%" G_GINT64_FORMAT "/exe", pid);
    return strcmp(path, own) == 0;
}

/* The guest fd a path names through /proc or /dev, with the process it
 * belongs to; -1 when the path is no such name. */
static int guest_fd_named(const struct user_process *p, const char *path,
                          const struct user_process **owner)
{
    static const char *const std_names[] = { "/dev/stdin", "/dev/stdout",
                                             "/dev/stderr" };
    const char *rest = NULL;
    char *end;

    *owner = p;
    for (int i = 0; i < 3; i++)
        if (strcmp(path, std_names[i]) == 0)
            return i;
    if (g_str_has_prefix(path, "/dev/fd/"))
        rest = path + strlen("/dev/fd/");
    else if (g_str_has_prefix(path, "/proc/self/fd/"))
        rest = path + strlen("/proc/self/fd/");
    else if (g_str_has_prefix(path, "/proc/thread-self/fd/"))
        rest = path + strlen("/proc/thread-self/fd/");
    else if (g_str_has_prefix(path, "/proc/") && g_ascii_isdigit(path[6])) {
        int64_t pid = g_ascii_strtoll(path + 6, &end, 10);
        if (!g_str_has_prefix(end, "/fd/") || !p->kernel)
            return -1;
        *owner = user_proc_find(p->kernel, pid);
        if (!*owner)
            return -1;   /* not a guest process: the host's own */
        rest = end + strlen("/fd/");
    }
    if (!rest || !g_ascii_isdigit(rest[0]))
        return -1;
    int64_t fd = g_ascii_strtoll(rest, &end, 10);
    if (*end != '\0' || fd >= USER_FD_MAX)
        return USER_FD_MAX;      /* a name, but of no open fd */
    return (int)fd;
}

char *user_path_resolve(const struct user_process *p, const char *path)
{
    const struct user_process *owner;
    int fd;

    if (user_path_is_self_exe(p->pid, path))
        return g_strdup(p->exe);
    fd = guest_fd_named(p, path, &owner);
    if (fd >= 0) {
        int host = fd < USER_FD_MAX ? owner->fds[fd].host : -1;
        /* A closed fd: a name that does not exist (ENOENT). */
        return host >= 0 ? g_strdup_printf("/proc/self/fd/%d", host)
                         : g_strdup("/proc/self/fd/-1");
    }
    return user_path_under_root(p->sysroot, path);
}

char *user_process_host_path(const struct user_process *p, const char *path)
{
    return user_path_resolve(p, path);
}
