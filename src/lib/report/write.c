/* Writing a finished report: every file into a new folder beside
 * OUT_DIR, then moved into place.  A run that fails leaves nothing: no
 * OUT_DIR it made, no temporary folder.  When OUT_DIR exists (it may hold
 * the spec), the files are moved into it one by one, each by rename. */
#define _GNU_SOURCE
#include "config.h"

#include "lib_alloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report_int.h"

/* Make the parents of path (not path itself). */
static int make_parents(const char *path)
{
    char *buf = strdup(path);
    if (!buf)
        return -1;
    for (char *p = buf + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            if (mkdir(buf, 0777) != 0 && errno != EEXIST) {
                free(buf);
                return -1;
            }
            *p = '/';
        }
    free(buf);
    return 0;
}

/* The folders of the report's files (data, charts, tables…): each file's
 * path up to its last '/', once, in the order first met.  Returns how
 * many are in sub (at most max); the strings point into r's paths with
 * their lengths in len. */
static size_t folders(const effekt_report *r, const char **sub, size_t *len, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n_files; i++) {
        const char *slash = strrchr(r->files[i].path, '/');
        if (!slash)
            continue;
        size_t l = (size_t)(slash - r->files[i].path), k = 0;
        while (k < n && !(len[k] == l && strncmp(sub[k], r->files[i].path, l) == 0))
            k++;
        if (k == n && n < max) {
            sub[n] = r->files[i].path;
            len[n++] = l;
        }
    }
    return n;
}

/* Remove the files of r under dir, its subfolders, and dir. */
static void remove_tree(const effekt_report *r, const char *dir)
{
    char path[8192];
    for (size_t i = 0; i < r->n_files; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, r->files[i].path);
        unlink(path);
    }
    const char *sub[16];
    size_t len[16], n = folders(r, sub, len, 16);
    for (size_t k = 0; k < n; k++) {
        snprintf(path, sizeof path, "%s/%.*s", dir, (int)len[k], sub[k]);
        rmdir(path);
    }
    rmdir(dir);
}

static effekt_status fail(effekt_diag *diag, const char *where, const char *what)
{
    effekt_diag_add(diag, EFFEKT_ERROR, where, 0, 0, NULL, NULL, "%s: %s", what, strerror(errno));
    return EFFEKT_EIO;
}

effekt_status effekt_report_write(const effekt_report *r, const char *out_dir, effekt_diag *diag)
{
    size_t len = strlen(out_dir);
    while (len > 1 && out_dir[len - 1] == '/')
        len--;
    char *tmp = effekt_malloc(len + 16), path[8192], dest[8192];
    if (!tmp)
        return EFFEKT_ENOMEM;
    snprintf(tmp, len + 16, "%.*s.tmp-XXXXXX", (int)len, out_dir);
    if (make_parents(tmp) != 0 || !mkdtemp(tmp)) {
        free(tmp);
        return fail(diag, out_dir, "cannot create the folder");
    }
    effekt_status st = EFFEKT_OK;
    const char *sub[16];
    size_t sub_len[16], n_sub = folders(r, sub, sub_len, 16);
    for (size_t k = 0; k < n_sub && st == EFFEKT_OK; k++) {
        snprintf(path, sizeof path, "%s/%.*s", tmp, (int)sub_len[k], sub[k]);
        if (mkdir(path, 0777) != 0)
            st = fail(diag, out_dir, "cannot create the folder");
    }
    for (size_t i = 0; i < r->n_files && st == EFFEKT_OK; i++) {
        snprintf(path, sizeof path, "%s/%s", tmp, r->files[i].path);
        FILE *f = fopen(path, "wb");
        int ok = f && fwrite(r->files[i].data, 1, r->files[i].len, f) == r->files[i].len;
        ok = f ? (fclose(f) == 0 && ok) : 0;
        if (!ok)
            st = fail(diag, path, "cannot write");
    }
    /* into place: the whole folder when OUT_DIR is new, else file by file */
    struct stat sb;
    if (st == EFFEKT_OK && stat(out_dir, &sb) != 0) {
        if (rename(tmp, out_dir) != 0)
            st = fail(diag, out_dir, "cannot create the folder");
        else {
            chmod(out_dir, 0777 & ~(mode_t)umask(umask(0)));
            free(tmp);
            return EFFEKT_OK;
        }
    } else if (st == EFFEKT_OK) {
        for (size_t k = 0; k < n_sub && st == EFFEKT_OK; k++) {
            snprintf(dest, sizeof dest, "%s/%.*s", out_dir, (int)sub_len[k], sub[k]);
            if (mkdir(dest, 0777) != 0 && errno != EEXIST)
                st = fail(diag, out_dir, "cannot create the folder");
        }
        for (size_t i = 0; i < r->n_files && st == EFFEKT_OK; i++) {
            snprintf(path, sizeof path, "%s/%s", tmp, r->files[i].path);
            snprintf(dest, sizeof dest, "%s/%s", out_dir, r->files[i].path);
            if (rename(path, dest) != 0)
                st = fail(diag, dest, "cannot write");
        }
    }
    remove_tree(r, tmp);
    free(tmp);
    return st;
}
