/* Output files that appear whole or not at all: write to a temporary
 * file beside the target, fsync, then rename. */
#include "config.h"

#include "lib_alloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "effekt/output.h"

/* Whether writing `output` would replace the file `input`: the same
 * device and inode (another spelling, a symbolic or a hard link).  A
 * character device (/dev/null, a terminal) is written, never replaced. */
static int would_replace(const char *input, const char *output)
{
    struct stat si, so;
    if (stat(input, &si) != 0 || stat(output, &so) != 0 || S_ISCHR(so.st_mode))
        return 0;
    return si.st_dev == so.st_dev && si.st_ino == so.st_ino;
}

effekt_status effekt_output_open(effekt_output *o, const char *path,
                                 const char *const *inputs, size_t n_inputs,
                                 effekt_diag *diag)
{
    memset(o, 0, sizeof *o);
    if (!path || strcmp(path, "-") == 0) {
        o->stream = stdout;
        return EFFEKT_OK;
    }
    for (size_t i = 0; i < n_inputs; i++)
        if (inputs[i] && would_replace(inputs[i], path)) {
            effekt_diag_add(diag, EFFEKT_ERROR, path, 0, 0, NULL, NULL,
                            "the output is an input ('%s'); refusing to overwrite it", inputs[i]);
            return EFFEKT_EINVAL;
        }
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path + 1) : 0;
    const char *base = slash ? slash + 1 : path;
    struct stat st;
    int exists = stat(path, &st) == 0;
    if (!*path) {
        effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL,
                        "the output path is empty (expected a file name, or - for standard output)");
        return EFFEKT_EINVAL;
    }
    if (!*base || (exists && S_ISDIR(st.st_mode))) {
        effekt_diag_add(diag, EFFEKT_ERROR, path, 0, 0, NULL, NULL, "the output path names a folder");
        return EFFEKT_EINVAL;
    }
    if (exists && !S_ISREG(st.st_mode)) {
        o->path = effekt_strdup(path);
        if (!o->path)
            return EFFEKT_ENOMEM;
        o->stream = fopen(path, "wb");
        if (!o->stream) {
            effekt_diag_add(diag, EFFEKT_ERROR, path, 0, 0, NULL, NULL, "cannot open the output: %s",
                            strerror(errno));
            free(o->path);
            memset(o, 0, sizeof *o);
            return EFFEKT_EIO;
        }
        o->direct = 1;
        return EFFEKT_OK;
    }
    /* a symbolic link: the file it names is replaced, not the link (so
     * /dev/stdout redirected to a file writes that file) */
    struct stat lst;
    char *real = lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode) ? realpath(path, NULL) : NULL;
    if (real) {
        effekt_status rs = effekt_output_open(o, real, inputs, n_inputs, diag);
        free(real);
        return rs;
    }
    size_t n = strlen(path) + 16;
    o->temp = effekt_malloc(n);
    o->path = effekt_strdup(path);
    if (!o->temp || !o->path) {
        free(o->temp);
        free(o->path);
        memset(o, 0, sizeof *o);
        return EFFEKT_ENOMEM;
    }
    snprintf(o->temp, n, "%.*s.%s.XXXXXX", (int)dir_len, path, base);
    int fd = mkstemp(o->temp);
    if (fd < 0) {
        effekt_diag_add(diag, EFFEKT_ERROR, path, 0, 0, NULL, NULL, "cannot create the output: %s",
                        strerror(errno));
        free(o->temp);
        free(o->path);
        memset(o, 0, sizeof *o);
        return EFFEKT_EIO;
    }
    /* mkstemp makes 0600; an output is an ordinary file */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    o->stream = fdopen(fd, "wb");
    if (!o->stream) {
        close(fd);
        unlink(o->temp);
        free(o->temp);
        free(o->path);
        memset(o, 0, sizeof *o);
        return EFFEKT_ENOMEM;
    }
    return EFFEKT_OK;
}

effekt_status effekt_output_commit(effekt_output *o, effekt_diag *diag)
{
    if (!o->stream)
        return EFFEKT_OK;
    if (o->direct) {
        int err = 0;
        if (fflush(o->stream) != 0 || ferror(o->stream))
            err = errno ? errno : EIO;
        if (fclose(o->stream) != 0 && !err)
            err = errno ? errno : EIO;
        o->stream = NULL;
        if (err)
            effekt_diag_add(diag, EFFEKT_ERROR, o->path, 0, 0, NULL, NULL, "cannot write: %s", strerror(err));
        free(o->path);
        memset(o, 0, sizeof *o);
        return err ? EFFEKT_EIO : EFFEKT_OK;
    }
    if (!o->temp) {
        int bad = fflush(o->stream) != 0 || ferror(o->stream);
        o->stream = NULL;
        if (bad) {
            effekt_diag_add(diag, EFFEKT_ERROR, "<stdout>", 0, 0, NULL, NULL, "cannot write: %s",
                            strerror(errno ? errno : EIO));
            return EFFEKT_EIO;
        }
        return EFFEKT_OK;
    }
    int err = 0;
    if (fflush(o->stream) != 0 || ferror(o->stream))
        err = errno ? errno : EIO;
    if (!err && fsync(fileno(o->stream)) != 0 && errno != EINVAL)
        err = errno;
    if (fclose(o->stream) != 0 && !err)
        err = errno ? errno : EIO;
    o->stream = NULL;
    if (!err && rename(o->temp, o->path) != 0)
        err = errno;
    if (err) {
        effekt_diag_add(diag, EFFEKT_ERROR, o->path, 0, 0, NULL, NULL, "cannot write: %s",
                        strerror(err));
        unlink(o->temp);
    }
    free(o->temp);
    free(o->path);
    o->temp = o->path = NULL;
    return err ? EFFEKT_EIO : EFFEKT_OK;
}

void effekt_output_abort(effekt_output *o)
{
    if (o->direct && o->stream)
        fclose(o->stream);
    if (o->temp) {
        if (o->stream)
            fclose(o->stream);
        unlink(o->temp);
    }
    free(o->temp);
    free(o->path);
    memset(o, 0, sizeof *o);
}
