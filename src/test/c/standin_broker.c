/*
 * A stand-in for a CIM broker (SFCB, OpenPegasus): it loads a CMPI provider library the way a
 * broker does, makes its instance, method and association interfaces through the generic
 * factories, and drives them from commands on stdin, one a line, writing what the provider
 * returned to stdout. The JUnit tests use it to run the bridge library without a broker.
 * Usage: standin-broker /path/to/libLioSmisCmpi.so
 * SPDX-License-Identifier: Apache-2.0
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "standin.h"

#define PROVIDER "LioSmisProvider"
#define MAX_TOKENS 256
#define MAX_THREADS 256

typedef CMPIInstanceMI *(*instance_factory)(const CMPIBroker *, const CMPIContext *, const char *, CMPIStatus *);
typedef CMPIMethodMI *(*method_factory)(const CMPIBroker *, const CMPIContext *, const char *, CMPIStatus *);
typedef CMPIAssociationMI *(*association_factory)(const CMPIBroker *, const CMPIContext *, const char *,
                                                  CMPIStatus *);

static CMPIInstanceMI *instance_mi;
static CMPIMethodMI *method_mi;
static CMPIAssociationMI *association_mi;

/* ---- one command line, split into tokens and checked as it is read ---- */

typedef struct {
    char *tokens[MAX_TOKENS];
    int count;
    const char *error; /* the first problem found; the command is then not run */
    outbuf *out;
} command;

static int bad(command *c, const char *error) {
    if (c->error == NULL) {
        c->error = error;
    }
    return -1;
}

/* "-" is NULL; anything else a percent-encoded text */
static const char *text_arg(command *c, int index) {
    const char *token = c->tokens[index];
    char *text = NULL;
    const char *error = NULL;
    if (strcmp(token, "-") == 0 || c->error != NULL) {
        return NULL;
    }
    if (parse_text(token, &text, &error) != 0) {
        bad(c, error);
    }
    return text; /* leaked with the command's other objects */
}

static const CMPIObjectPath *path_arg(command *c, int index) {
    CMPIObjectPath *path = NULL;
    const char *error = NULL;
    if (strcmp(c->tokens[index], "-") == 0 || c->error != NULL) {
        return NULL;
    }
    if (parse_path(c->tokens[index], &path, &error) != 0) {
        bad(c, error);
    }
    return path;
}

static const CMPIInstance *instance_arg(command *c, int index) {
    CMPIInstance *instance = NULL;
    const char *error = NULL;
    if (strcmp(c->tokens[index], "-") == 0 || c->error != NULL) {
        return NULL;
    }
    if (parse_instance(c->tokens[index], &instance, &error) != 0) {
        bad(c, error);
    }
    return instance;
}

/* "-" is NULL (all properties), "." the empty list, else names separated by commas */
static const char **property_list_arg(command *c, int index) {
    const char *token = c->tokens[index];
    if (strcmp(token, "-") == 0 || c->error != NULL) {
        return NULL;
    }
    size_t count = 0;
    for (const char *at = token; *at != '\0'; at++) {
        count += *at == ',';
    }
    const char **names = calloc(count + 2, sizeof *names);
    if (names == NULL) {
        abort();
    }
    if (strcmp(token, ".") == 0) {
        return names;
    }
    char *list = strdup(token);
    if (list == NULL) {
        abort();
    }
    size_t i = 0;
    for (char *name = list, *next = NULL; name != NULL; name = next, i++) {
        next = strchr(name, ',');
        if (next != NULL) {
            *next++ = '\0';
        }
        char *text = NULL;
        const char *error = NULL;
        if (parse_text(name, &text, &error) != 0) {
            bad(c, error);
            break;
        }
        names[i] = text;
    }
    free(list);
    return names;
}

/* NAME=VALUE tokens from index on, as the method's input arguments */
static CMPIArgs *args_from(command *c, int index) {
    CMPIArgs *args = sb_args();
    for (int i = index; i < c->count && c->error == NULL; i++) {
        char *equals = strchr(c->tokens[i], '=');
        if (equals == NULL) {
            bad(c, "an argument is NAME=VALUE");
            break;
        }
        *equals = '\0';
        char *name = NULL;
        CMPIData data;
        const char *error = NULL;
        if (parse_text(c->tokens[i], &name, &error) != 0 || parse_value(equals + 1, &data, &error) != 0) {
            bad(c, error);
        } else {
            sb_args_put(args, name, data);
        }
        free(name);
    }
    return args;
}

static void print_status(outbuf *out, CMPIStatus status) {
    out_printf(out, "status %d ", (int) status.rc);
    const char *message = text_of(status.msg);
    if (message == NULL) {
        out_text(out, "-");
    } else {
        out_encoded(out, message);
    }
    out_text(out, "\n");
}

/* ---- the commands: each checks its arguments, then calls its interface if all were good ---- */

static int want(command *c, int count, const char *usage) {
    return c->count == count ? 0 : bad(c, usage);
}

static CMPIStatus no_call(void) {
    CMPIStatus status = {CMPI_RC_OK, NULL};
    return status;
}

/* an operation runs only when its arguments parsed and the library made its interface */
#define RUN_IF_READY(c, mi, call)                                                                  \
    ((c)->error != NULL ? no_call()                                                                \
     : (mi) == NULL     ? (bad(c, "the library made no interface for " #mi), no_call())            \
                        : (call))
#define RUN_INSTANCE(c, call) RUN_IF_READY(c, instance_mi, call)
#define RUN_ASSOCIATION(c, call) RUN_IF_READY(c, association_mi, call)

static CMPIStatus run_gi_ei(command *c, int enumerate) {
    want(c, 3, enumerate ? "usage: ei PATH PROPLIST" : "usage: gi PATH PROPLIST");
    if (c->error != NULL) {
        return no_call();
    }
    const CMPIObjectPath *path = path_arg(c, 1);
    const char **properties = property_list_arg(c, 2);
    const CMPIResult *result = standin_result(c->out);
    const CMPIContext *ctx = standin_context();
    return RUN_INSTANCE(c, enumerate ? instance_mi->ft->enumerateInstances(instance_mi, ctx, result, path, properties)
                                     : instance_mi->ft->getInstance(instance_mi, ctx, result, path, properties));
}

static CMPIStatus run_instance(command *c) {
    const char *name = c->tokens[0];
    const CMPIResult *result = standin_result(c->out);
    const CMPIContext *ctx = standin_context();
    if (strcmp(name, "gi") == 0 || strcmp(name, "ei") == 0) {
        return run_gi_ei(c, name[0] == 'e');
    }
    if (strcmp(name, "ein") == 0 || strcmp(name, "di") == 0) {
        int names = name[0] == 'e';
        if (want(c, 2, names ? "usage: ein PATH" : "usage: di PATH") != 0) {
            return no_call();
        }
        const CMPIObjectPath *path = path_arg(c, 1);
        return RUN_INSTANCE(c, names ? instance_mi->ft->enumerateInstanceNames(instance_mi, ctx, result, path)
                                     : instance_mi->ft->deleteInstance(instance_mi, ctx, result, path));
    }
    if (strcmp(name, "ci") == 0) {
        if (want(c, 3, "usage: ci PATH INSTANCE") != 0) {
            return no_call();
        }
        const CMPIObjectPath *path = path_arg(c, 1);
        const CMPIInstance *instance = instance_arg(c, 2);
        return RUN_INSTANCE(c, instance_mi->ft->createInstance(instance_mi, ctx, result, path, instance));
    }
    if (strcmp(name, "mi") == 0) {
        if (want(c, 4, "usage: mi PATH INSTANCE PROPLIST") != 0) {
            return no_call();
        }
        const CMPIObjectPath *path = path_arg(c, 1);
        const CMPIInstance *instance = instance_arg(c, 2);
        const char **properties = property_list_arg(c, 3);
        if (instance != NULL && path != NULL) {
            sb_instance_set_path(instance, (CMPIObjectPath *) path); /* as a broker names the instance it modifies */
        }
        return RUN_INSTANCE(c, instance_mi->ft->modifyInstance(instance_mi, ctx, result, path, instance, properties));
    }
    if (want(c, 4, "usage: eq PATH QUERY LANG") != 0) {
        return no_call();
    }
    const CMPIObjectPath *path = path_arg(c, 1);
    const char *query = text_arg(c, 2);
    const char *language = text_arg(c, 3);
    return RUN_INSTANCE(c, instance_mi->ft->execQuery(instance_mi, ctx, result, path, query, language));
}

static CMPIStatus run_method(command *c, CMPIArgs *out) {
    if (c->count < 3) {
        bad(c, "usage: cm PATH METHOD [NAME=VALUE ...]");
        return no_call();
    }
    const CMPIObjectPath *path = path_arg(c, 1);
    const char *method = text_arg(c, 2);
    const CMPIArgs *in = args_from(c, 3);
    if (c->error == NULL && method_mi == NULL) {
        bad(c, "the library made no method MI");
    }
    if (c->error != NULL) {
        return no_call();
    }
    return method_mi->ft->invokeMethod(method_mi, standin_context(), standin_result(c->out), path, method, in, out);
}

static CMPIStatus run_association(command *c) {
    const char *name = c->tokens[0];
    const CMPIResult *result = standin_result(c->out);
    const CMPIContext *ctx = standin_context();
    const CMPIAssociationMIFT *ft = association_mi == NULL ? NULL : association_mi->ft;
    if (strcmp(name, "ai") == 0 || strcmp(name, "an") == 0) {
        int names = name[1] == 'n';
        if (want(c, names ? 6 : 7, names ? "usage: an PATH ASSOC RESULTCLASS ROLE RESULTROLE"
                                         : "usage: ai PATH ASSOC RESULTCLASS ROLE RESULTROLE PROPLIST") != 0) {
            return no_call();
        }
        const CMPIObjectPath *path = path_arg(c, 1);
        const char *assoc = text_arg(c, 2), *result_class = text_arg(c, 3), *role = text_arg(c, 4);
        const char *result_role = text_arg(c, 5);
        const char **properties = names ? NULL : property_list_arg(c, 6);
        return RUN_ASSOCIATION(c, names ? ft->associatorNames(association_mi, ctx, result, path, assoc, result_class,
                                                              role, result_role)
                                        : ft->associators(association_mi, ctx, result, path, assoc, result_class, role,
                                                          result_role, properties));
    }
    int names = name[1] == 'n';
    if (want(c, names ? 4 : 5, names ? "usage: rn PATH RESULTCLASS ROLE" : "usage: ri PATH RESULTCLASS ROLE PROPLIST")
        != 0) {
        return no_call();
    }
    const CMPIObjectPath *path = path_arg(c, 1);
    const char *result_class = text_arg(c, 2), *role = text_arg(c, 3);
    const char **properties = names ? NULL : property_list_arg(c, 4);
    return RUN_ASSOCIATION(c, names ? ft->referenceNames(association_mi, ctx, result, path, result_class, role)
                                    : ft->references(association_mi, ctx, result, path, result_class, role,
                                                     properties));
}

/* cleanup of each interface the library made, in the order a broker unloads them */
static void run_cleanup(command *c) {
    if (want(c, 2, "usage: cleanup 0|1") != 0 || (strcmp(c->tokens[1], "0") != 0 && strcmp(c->tokens[1], "1") != 0)) {
        bad(c, "usage: cleanup 0|1");
        return;
    }
    CMPIBoolean terminating = c->tokens[1][0] == '1';
    const CMPIContext *ctx = standin_context();
    CMPIStatus none = {CMPI_RC_ERR_FAILED, NULL};
    print_status(c->out, instance_mi == NULL ? none : instance_mi->ft->cleanup(instance_mi, ctx, terminating));
    print_status(c->out, method_mi == NULL ? none : method_mi->ft->cleanup(method_mi, ctx, terminating));
    print_status(c->out, association_mi == NULL ? none
                                                : association_mi->ft->cleanup(association_mi, ctx, terminating));
}

static int is(const char *name, const char *const *names) {
    for (; *names != NULL; names++) {
        if (strcmp(name, *names) == 0) {
            return 1;
        }
    }
    return 0;
}

static void print_out_args(outbuf *out, const CMPIArgs *args) {
    CMPICount count = args->ft->getArgCount(args, NULL);
    for (CMPICount i = 0; i < count; i++) {
        CMPIString *name = NULL;
        CMPIData data = args->ft->getArgAt(args, i, &name, NULL);
        out_text(out, "out ");
        out_encoded(out, text_of(name));
        out_text(out, "=");
        print_value(out, &data);
        out_text(out, "\n");
    }
}

/* one command (not parallel) into out, ending with its "end" line */
static void run_line(char *line, outbuf *out) {
    static const char *const instance_commands[] = {"gi", "ei", "ein", "ci", "mi", "di", "eq", NULL};
    static const char *const association_commands[] = {"ai", "an", "ri", "rn", NULL};
    command c;
    memset(&c, 0, sizeof c);
    c.out = out;
    for (char *token = line, *next = NULL; token != NULL && c.count <= MAX_TOKENS; token = next) {
        next = strchr(token, ' ');
        if (next != NULL) {
            *next++ = '\0';
        }
        if (c.count < MAX_TOKENS) {
            c.tokens[c.count] = token;
        }
        c.count++;
    }
    const char *name = c.tokens[0];
    CMPIStatus status = no_call();
    CMPIArgs *out_args = NULL;
    if (c.count > MAX_TOKENS) {
        bad(&c, "too many tokens");
    } else if (strcmp(name, "cleanup") == 0) {
        run_cleanup(&c);
    } else if (is(name, instance_commands)) {
        status = run_instance(&c);
    } else if (is(name, association_commands)) {
        status = run_association(&c);
    } else if (strcmp(name, "cm") == 0) {
        out_args = sb_args();
        status = run_method(&c, out_args);
    } else {
        bad(&c, "unknown command");
    }
    if (c.error != NULL) {
        out_text(out, "error ");
        out_encoded(out, c.error);
        out_text(out, "\n");
    } else if (strcmp(name, "cleanup") != 0) {
        if (out_args != NULL) {
            print_out_args(out, out_args);
        }
        print_status(out, status);
    }
    out_text(out, "end\n");
}

/* ---- parallel: the same command on N threads at once ---- */

typedef struct {
    pthread_t thread;
    char *line;
    outbuf out;
} worker;

static void *work(void *argument) {
    worker *w = argument;
    run_line(w->line, &w->out);
    return NULL;
}

static void run_parallel(char *rest, outbuf *out) {
    char *end = NULL;
    long threads = rest == NULL ? 0 : strtol(rest, &end, 10);
    const char *command_text = end == NULL || *end != ' ' ? NULL : end + 1;
    if (threads < 1 || threads > MAX_THREADS || command_text == NULL || strncmp(command_text, "parallel ", 9) == 0) {
        out_text(out, "error ");
        out_encoded(out, "usage: parallel N COMMAND (N from 1 to 256, not nested)");
        out_text(out, "\nend\n");
        return;
    }
    worker *workers = calloc((size_t) threads, sizeof *workers);
    if (workers == NULL) {
        abort();
    }
    long started = 0;
    for (; started < threads; started++) {
        worker *w = &workers[started];
        w->line = strdup(command_text); /* each thread parses its own copy */
        if (w->line == NULL || pthread_create(&w->thread, NULL, work, w) != 0) {
            free(w->line);
            break;
        }
    }
    for (long i = 0; i < started; i++) {
        pthread_join(workers[i].thread, NULL);
    }
    for (long i = 0; i < started; i++) {
        for (char *line = workers[i].out.text, *next = NULL; line != NULL && *line != '\0'; line = next) {
            next = strchr(line, '\n');
            if (next != NULL) {
                *next++ = '\0';
            }
            out_printf(out, "[%ld] %s\n", i, line);
        }
        free(workers[i].out.text);
        free(workers[i].line);
    }
    if (started < threads) {
        out_printf(out, "error only%%20%ld%%20threads%%20started\n", started);
    }
    out_text(out, "end\n");
    free(workers);
}

/* ---- loading the library as a broker does ---- */

static void *symbol(void *library, const char *name) {
    void *found = dlsym(library, name);
    if (found == NULL) {
        fprintf(stderr, "standin-broker: the library has no %s\n", name);
    }
    return found;
}

static int load(const char *path) {
    void *library = dlopen(path, RTLD_NOW);
    if (library == NULL) {
        fprintf(stderr, "standin-broker: %s\n", dlerror());
        return -1;
    }
    instance_factory make_instance = NULL;
    method_factory make_method = NULL;
    association_factory make_association = NULL;
    void *found = symbol(library, "_Generic_Create_InstanceMI");
    memcpy(&make_instance, &found, sizeof found); /* dlsym's object pointer, as POSIX allows */
    found = symbol(library, "_Generic_Create_MethodMI");
    memcpy(&make_method, &found, sizeof found);
    found = symbol(library, "_Generic_Create_AssociationMI");
    memcpy(&make_association, &found, sizeof found);
    const CMPIBroker *broker = standin_broker();
    const CMPIContext *ctx = standin_context();
    CMPIStatus rc = {CMPI_RC_OK, NULL};
    instance_mi = make_instance == NULL ? NULL : make_instance(broker, ctx, PROVIDER, &rc);
    method_mi = make_method == NULL ? NULL : make_method(broker, ctx, PROVIDER, &rc);
    association_mi = make_association == NULL ? NULL : make_association(broker, ctx, PROVIDER, &rc);
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: standin-broker /path/to/provider-library.so\n");
        return 2;
    }
    if (load(argv[1]) != 0) {
        return 2;
    }
    char *line = NULL;
    size_t size = 0;
    ssize_t length;
    while ((length = getline(&line, &size, stdin)) >= 0) {
        while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r')) {
            line[--length] = '\0';
        }
        outbuf out = {NULL, 0, 0};
        if (strncmp(line, "parallel ", 9) == 0) {
            run_parallel(line + 9, &out);
        } else {
            run_line(line, &out);
        }
        fputs(out.text, stdout);
        fflush(stdout);
        free(out.text);
    }
    free(line);
    return 0;
}
