/*
 * Where the bridge finds Java and lio-smis: the broker's provider parameters (SFCB's
 * "parameters:" line, as "name=value" words), else the environment, else lio-smis.jar
 * beside the library and the JDK the bridge was built with.
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef LIO_SETTINGS_H
#define LIO_SETTINGS_H

#include <stddef.h>

#define SETTING_LENGTH 4096

typedef struct {
    char classpath[SETTING_LENGTH];   /* parameter classpath, or LIO_SMIS_CLASSPATH, or the jar beside */
    char java_home[SETTING_LENGTH];   /* parameter java_home, or LIO_SMIS_JAVA_HOME, or the build's JDK */
    char config[SETTING_LENGTH];      /* parameter config: the provider.conf for this provider; else Java's default */
    char jvm_options[SETTING_LENGTH]; /* LIO_SMIS_JVM_OPTIONS: more JVM options, separated by spaces */
} bridge_settings;

/*
 * Fills the settings from parameters (NULL when the broker has none) and the environment.
 * Returns 0, or -1 with a message for the administrator in problem.
 */
int read_settings(const char *parameters, bridge_settings *settings, char *problem, size_t problem_size);

#endif
