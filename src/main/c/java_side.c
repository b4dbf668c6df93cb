/* SPDX-License-Identifier: Apache-2.0 */
#include "java_side.h"

#include <dlfcn.h>
#include <jni.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "from_java.h"
#include "settings.h"
#include "workers.h"

#define BRIDGE_CLASS "org/liosmis/host/cmpi/CmpiBridge"
#define MAX_JVM_OPTIONS 32

typedef jint (*create_vm_fn)(JavaVM **, void **, void *);
typedef jint (*created_vms_fn)(JavaVM **, jsize, jsize *);

static pthread_mutex_t start_lock = PTHREAD_MUTEX_INITIALIZER;
static JavaVM *vm;
static jclass bridge;
static jmethodID call_method;
static jmethodID stop_method;
/* the worker's JNIEnv, attaching it (as a daemon, never detached: workers live as long as the process) */
static JNIEnv *thread_env(void) {
    JNIEnv *env = NULL;
    jint got = (*vm)->GetEnv(vm, (void **) &env, JNI_VERSION_21);
    if (got == JNI_OK) {
        return env;
    }
    if (got != JNI_EDETACHED || (*vm)->AttachCurrentThreadAsDaemon(vm, (void **) &env, NULL) != JNI_OK) {
        return NULL;
    }
    return env;
}

/* the JVM options: -Xrs leaves the broker's signals to the broker, then the settings' */
static int jvm_options(const bridge_settings *settings, char storage[][SETTING_LENGTH + 32], JavaVMOption *options) {
    int count = 0;
    snprintf(storage[count++], SETTING_LENGTH + 32, "-Xrs");
    snprintf(storage[count++], SETTING_LENGTH + 32, "-Djava.class.path=%s", settings->classpath);
    snprintf(storage[count++], SETTING_LENGTH + 32, "--enable-native-access=ALL-UNNAMED");
    if (settings->config[0] != '\0') {
        snprintf(storage[count++], SETTING_LENGTH + 32, "-Dlio-smis.config=%s", settings->config);
    }
    char extra[SETTING_LENGTH];
    snprintf(extra, sizeof extra, "%s", settings->jvm_options);
    char *save = NULL;
    for (char *word = strtok_r(extra, " \t", &save); word != NULL && count < MAX_JVM_OPTIONS;
         word = strtok_r(NULL, " \t", &save)) {
        snprintf(storage[count++], SETTING_LENGTH + 32, "%s", word);
    }
    for (int i = 0; i < count; i++) {
        options[i].optionString = storage[i];
        options[i].extraInfo = NULL;
    }
    return count;
}

/* the process's JVM: one the process already runs, else a new one from the settings */
static int create_vm(const bridge_settings *settings, char *problem, size_t problem_size) {
    char library[SETTING_LENGTH + 32];
    snprintf(library, sizeof library, "%s/lib/server/libjvm.so", settings->java_home);
    void *jvm = dlopen(library, RTLD_NOW | RTLD_GLOBAL);
    if (jvm == NULL) {
        snprintf(problem, problem_size, "lio-smis cannot load Java from %s: java_home must name a JDK or JRE"
                 " directory holding lib/server/libjvm.so", settings->java_home);
        return -1;
    }
    created_vms_fn created_vms = NULL;
    create_vm_fn create = NULL;
    void *symbol = dlsym(jvm, "JNI_GetCreatedJavaVMs");
    memcpy(&created_vms, &symbol, sizeof symbol); /* dlsym's object pointer, as POSIX allows */
    symbol = dlsym(jvm, "JNI_CreateJavaVM");
    memcpy(&create, &symbol, sizeof symbol);
    if (created_vms == NULL || create == NULL) {
        snprintf(problem, problem_size, "%s is no Java virtual machine library", library);
        return -1;
    }
    jsize running = 0;
    if (created_vms(&vm, 1, &running) == JNI_OK && running == 1) {
        return 0;
    }
    static char storage[MAX_JVM_OPTIONS][SETTING_LENGTH + 32];
    JavaVMOption options[MAX_JVM_OPTIONS];
    JavaVMInitArgs args;
    args.version = JNI_VERSION_21;
    args.options = options;
    args.nOptions = jvm_options(settings, storage, options);
    args.ignoreUnrecognized = JNI_FALSE;
    JNIEnv *env = NULL;
    jint created = create(&vm, (void **) &env, &args);
    if (created != JNI_OK) {
        vm = NULL;
        snprintf(problem, problem_size, "lio-smis cannot start Java from %s (JNI error %d): check java_home and"
                 " LIO_SMIS_JVM_OPTIONS; the broker's output has the JVM's own message", settings->java_home,
                 (int) created);
        return -1;
    }
    return 0; /* the creating worker is attached */
}

static int find_bridge(JNIEnv *env, const bridge_settings *settings, char *problem, size_t problem_size) {
    jclass found = (*env)->FindClass(env, BRIDGE_CLASS);
    if (found != NULL) {
        call_method = (*env)->GetStaticMethodID(env, found, "call", "([B)[B");
        stop_method = call_method == NULL ? NULL : (*env)->GetStaticMethodID(env, found, "stop", "()V");
    }
    if (found == NULL || stop_method == NULL) {
        (*env)->ExceptionClear(env);
        snprintf(problem, problem_size, "lio-smis' classes are not on the class path %s: classpath must name"
                 " lio-smis.jar", settings->classpath);
        return -1;
    }
    bridge = (*env)->NewGlobalRef(env, found);
    (*env)->DeleteLocalRef(env, found);
    return bridge == NULL ? -1 : 0;
}

/* the provider's parameters, kept from the first context that carries them: SFCB passes them
   when it makes the management interfaces and to method calls, not to every operation */
static char parameters[SETTING_LENGTH];
static int have_parameters;

static const char *context_parameters(const CMPIContext *context) {
    if (context == NULL || context->ft == NULL) {
        return NULL;
    }
    CMPIStatus status = {CMPI_RC_OK, NULL};
    CMPIData entry = context->ft->getEntry(context, "sfcbProviderParameters", &status);
    if (status.rc != CMPI_RC_OK || (entry.state & CMPI_nullValue)) {
        return NULL;
    }
    if (entry.type == CMPI_chars) {
        return entry.value.chars;
    }
    if (entry.type == CMPI_string && entry.value.string != NULL) {
        return entry.value.string->ft->getCharPtr(entry.value.string, NULL);
    }
    return NULL;
}

void java_keep_parameters(const CMPIContext *context) {
    pthread_mutex_lock(&start_lock);
    const char *given = have_parameters ? NULL : context_parameters(context);
    if (given != NULL) {
        snprintf(parameters, sizeof parameters, "%s", given);
        have_parameters = 1;
    }
    pthread_mutex_unlock(&start_lock);
}

/* on a worker: the JVM and the bridge class, started once; a failed start is tried again by the next call */
static JNIEnv *started(char *problem, size_t problem_size) {
    pthread_mutex_lock(&start_lock);
    int failed = 0;
    if (bridge == NULL) {
        bridge_settings settings;
        failed = read_settings(have_parameters ? parameters : NULL, &settings, problem, problem_size) != 0
                 || (vm == NULL && create_vm(&settings, problem, problem_size) != 0);
        JNIEnv *env = failed ? NULL : thread_env();
        failed = failed || env == NULL || find_bridge(env, &settings, problem, problem_size) != 0;
    }
    pthread_mutex_unlock(&start_lock);
    if (failed) {
        return NULL;
    }
    JNIEnv *env = thread_env();
    if (env == NULL) {
        snprintf(problem, problem_size, "lio-smis cannot attach a thread to Java");
    }
    return env;
}

/* one call into Java, run on a worker: the request, then the answer's bytes or what went wrong */
typedef struct {
    const wire_out *request;
    unsigned char *answer;
    size_t answer_length;
    char problem[SETTING_LENGTH + 512];
} java_request;

static void answer_of(JNIEnv *env, jbyteArray answer, java_request *call) {
    jsize length = (*env)->GetArrayLength(env, answer);
    call->answer = malloc(length > 0 ? (size_t) length : 1);
    if (call->answer == NULL) {
        snprintf(call->problem, sizeof call->problem, "lio-smis ran out of memory reading its answer");
        return;
    }
    (*env)->GetByteArrayRegion(env, answer, 0, length, (jbyte *) call->answer);
    call->answer_length = (size_t) length;
}

static void call_in_java(void *argument) {
    java_request *call = argument;
    JNIEnv *env = started(call->problem, sizeof call->problem);
    if (env == NULL) {
        return;
    }
    if ((*env)->PushLocalFrame(env, 4) != JNI_OK) {
        (*env)->ExceptionClear(env);
        snprintf(call->problem, sizeof call->problem, "lio-smis ran out of memory in Java");
        return;
    }
    jbyteArray bytes = (*env)->NewByteArray(env, (jsize) call->request->length);
    jbyteArray answer = NULL;
    if (bytes != NULL) {
        (*env)->SetByteArrayRegion(env, bytes, 0, (jsize) call->request->length,
                                   (const jbyte *) call->request->bytes);
        answer = (jbyteArray) (*env)->CallStaticObjectMethod(env, bridge, call_method, bytes);
    }
    if ((*env)->ExceptionCheck(env) || answer == NULL) {
        (*env)->ExceptionClear(env);
        snprintf(call->problem, sizeof call->problem, "lio-smis failed unexpectedly; its log says why");
    } else {
        answer_of(env, answer, call);
    }
    (*env)->PopLocalFrame(env, NULL);
}

CMPIStatus java_call(const CMPIBroker *broker, const CMPIContext *context, const wire_out *request,
                     const answer_sink *sink) {
    if (request->failed || request->length > INT32_MAX) {
        return failure(broker, CMPI_RC_ERR_FAILED, "lio-smis ran out of memory reading the request");
    }
    java_keep_parameters(context);
    java_request call = {request, NULL, 0, "lio-smis cannot start its Java side"};
    if (run_on_worker(call_in_java, &call) != 0) {
        return failure(broker, CMPI_RC_ERR_FAILED, "lio-smis cannot start a thread for Java");
    }
    if (call.answer == NULL) {
        return failure(broker, CMPI_RC_ERR_FAILED, call.problem);
    }
    CMPIStatus status = deliver_answer(broker, call.answer, call.answer_length, sink);
    free(call.answer);
    return status;
}

static void stop_in_java(void *unused) {
    (void) unused;
    JNIEnv *env = thread_env();
    if (env != NULL) {
        (*env)->CallStaticVoidMethod(env, bridge, stop_method);
        (*env)->ExceptionClear(env);
    }
}

void java_stop(void) {
    pthread_mutex_lock(&start_lock);
    int running = bridge != NULL;
    pthread_mutex_unlock(&start_lock);
    if (running) { /* a provider that never served has no Java to stop */
        run_on_worker(stop_in_java, NULL);
    }
}
