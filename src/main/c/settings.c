/* SPDX-License-Identifier: Apache-2.0 */
#include "settings.h"

#include <ctype.h>
#include <dlfcn.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef LIO_SMIS_BUILD_JAVA_HOME
#define LIO_SMIS_BUILD_JAVA_HOME ""
#endif

static int copy_setting(char *into, const char *value, size_t value_length, const char *name, char *problem,
                        size_t problem_size) {
    if (value_length >= SETTING_LENGTH) {
        snprintf(problem, problem_size, "the lio-smis provider setting %s is longer than %d characters", name,
                 SETTING_LENGTH - 1);
        return -1;
    }
    memcpy(into, value, value_length);
    into[value_length] = '\0';
    return 0;
}

static char *setting_named(bridge_settings *settings, const char *name, size_t name_length) {
    if (name_length == 9 && strncmp(name, "classpath", 9) == 0) {
        return settings->classpath;
    }
    if (name_length == 9 && strncmp(name, "java_home", 9) == 0) {
        return settings->java_home;
    }
    if (name_length == 6 && strncmp(name, "config", 6) == 0) {
        return settings->config;
    }
    return NULL;
}

static int read_parameters(const char *parameters, bridge_settings *settings, char *problem, size_t problem_size) {
    const char *at = parameters;
    for (;;) {
        while (isspace((unsigned char) *at)) {
            at++;
        }
        if (*at == '\0') {
            return 0;
        }
        const char *word = at;
        while (*at != '\0' && !isspace((unsigned char) *at)) {
            at++;
        }
        const char *eq = memchr(word, '=', (size_t) (at - word));
        char *setting = eq == NULL ? NULL : setting_named(settings, word, (size_t) (eq - word));
        if (setting == NULL) {
            snprintf(problem, problem_size, "the lio-smis provider parameters take classpath=, java_home= and"
                     " config=, not \"%.*s\"", (int) (at - word), word);
            return -1;
        }
        if (copy_setting(setting, eq + 1, (size_t) (at - eq - 1), "in the parameters", problem, problem_size) != 0) {
            return -1;
        }
    }
}

static int from_environment(char *setting, const char *variable, char *problem, size_t problem_size) {
    const char *value = getenv(variable);
    if (setting[0] != '\0' || value == NULL || value[0] == '\0') {
        return 0;
    }
    return copy_setting(setting, value, strlen(value), variable, problem, problem_size);
}

/* lio-smis.jar beside this library, where the install scripts put both */
static void jar_beside_library(char *classpath) {
    static const char in_this_library = 0;
    Dl_info self;
    if (dladdr(&in_this_library, &self) == 0 || self.dli_fname == NULL) {
        return;
    }
    char library[SETTING_LENGTH - 16];
    snprintf(library, sizeof library, "%s", self.dli_fname);
    char jar[SETTING_LENGTH];
    snprintf(jar, sizeof jar, "%s/lio-smis.jar", dirname(library));
    FILE *found = fopen(jar, "r");
    if (found != NULL) {
        fclose(found);
        memcpy(classpath, jar, sizeof jar);
    }
}

int read_settings(const char *parameters, bridge_settings *settings, char *problem, size_t problem_size) {
    memset(settings, 0, sizeof *settings);
    if (parameters != NULL && read_parameters(parameters, settings, problem, problem_size) != 0) {
        return -1;
    }
    if (from_environment(settings->classpath, "LIO_SMIS_CLASSPATH", problem, problem_size) != 0
        || from_environment(settings->java_home, "LIO_SMIS_JAVA_HOME", problem, problem_size) != 0
        || from_environment(settings->jvm_options, "LIO_SMIS_JVM_OPTIONS", problem, problem_size) != 0) {
        return -1;
    }
    if (settings->java_home[0] == '\0') {
        copy_setting(settings->java_home, LIO_SMIS_BUILD_JAVA_HOME, strlen(LIO_SMIS_BUILD_JAVA_HOME), "java_home",
                     problem, problem_size);
    }
    if (settings->classpath[0] == '\0') {
        jar_beside_library(settings->classpath);
    }
    if (settings->classpath[0] == '\0') {
        snprintf(problem, problem_size, "lio-smis does not know where its jar is: put lio-smis.jar beside"
                 " libLioSmisCmpi.so, give classpath= in the provider's parameters, or set LIO_SMIS_CLASSPATH in"
                 " the broker's environment");
        return -1;
    }
    if (settings->java_home[0] == '\0') {
        snprintf(problem, problem_size, "lio-smis does not know which Java to run: give java_home= in the provider's"
                 " parameters, or set LIO_SMIS_JAVA_HOME in the broker's environment");
        return -1;
    }
    return 0;
}
