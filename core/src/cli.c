/* cli.c — `webcare`: the command-line front end. Every command builds a JSON
 * request and goes through webcare_engine_call, the same path as the WASM
 * binding. Only this file prints. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cJSON.h"
#include "webcare.h"

enum { EXIT_OK = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2 };

static const char USAGE[] =
    "webcare — Webcare Lens core: classify mentions, lint webcare replies (Dutch).\n"
    "\n"
    "Usage:\n"
    "  webcare classify [--json] TEXT          classify one mention\n"
    "  webcare classify --jsonl                JSON Lines on stdin: {\"id\",\"text\"} per line\n"
    "  webcare lint [options] [--json] REPLY   lint one reply\n"
    "  webcare lint --jsonl                    JSON Lines on stdin: {\"id\",\"text\",\"platform\",\n"
    "                                          \"mention\":{\"text\",\"type\"},\"agent\",\"config\"}\n"
    "  webcare length [--platform P] TEXT      platform length and limit\n"
    "  webcare tokens TEXT                     the tokens with UTF-16 offsets (JSON)\n"
    "  webcare check-pack FILE                 validate a team rule pack\n"
    "  webcare call                            raw JSON requests on stdin, one per line\n"
    "  webcare --version | --help\n"
    "\n"
    "Lint options:\n"
    "  --platform x|facebook|linkedin   (default x)\n"
    "  --mention TEXT                   the mention being answered (its type is classified)\n"
    "  --mention-type happy|neutral|angry|question\n"
    "  --agent NAME                     agent name expected in the sign-off\n"
    "  --style je|u                     house style (informal or formal)\n"
    "  --pack FILE                      team rule pack to apply\n"
    "  --disable RULE                   disable a rule (repeatable)\n"
    "\n"
    "Exit status: 0 ok; 1 an error-level finding was reported (lint);\n"
    "2 usage error, unreadable input or a request the core rejected.\n";

/* ---- helpers ---------------------------------------------------------- */

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap) break;
        cap *= 2;
        char *nb = realloc(buf, cap + 1);
        if (!nb) { free(buf); buf = NULL; }
        else buf = nb;
    }
    int bad = ferror(f);
    fclose(f);
    if (!buf || bad) { free(buf); return NULL; }
    buf[n] = 0;
    *len = n;
    return buf;
}

/* Sends a request object (consumed) and returns the parsed response. */
static cJSON *call(webcare_engine *eng, cJSON *req)
{
    char *json = cJSON_PrintUnformatted(req);
    cJSON_Delete(req);
    if (!json) return NULL;
    char *out = webcare_engine_call(eng, json, strlen(json));
    free(json);
    if (!out) return NULL;
    cJSON *resp = cJSON_Parse(out);
    webcare_free(out);
    return resp;
}

static int report_error(const cJSON *resp)
{
    const cJSON *err = cJSON_GetObjectItemCaseSensitive(resp, "error");
    if (!err) return 0;
    const cJSON *msg = cJSON_GetObjectItemCaseSensitive(err, "message");
    const cJSON *code = cJSON_GetObjectItemCaseSensitive(err, "code");
    fprintf(stderr, "webcare: %s (%s)\n", cJSON_IsString(msg) ? msg->valuestring : "error",
            cJSON_IsString(code) ? code->valuestring : "?");
    return 1;
}

static const char *str_field(const cJSON *o, const char *k, const char *dflt)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) ? v->valuestring : dflt;
}

static double num_field(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

static int has_error_finding(const cJSON *result)
{
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(result, "findings"))
    {
        if (strcmp(str_field(f, "severity", ""), "error") == 0) return 1;
    }
    return 0;
}

static void print_json(const cJSON *o)
{
    char *s = cJSON_PrintUnformatted(o);
    if (s) {
        puts(s);
        free(s);
    }
}

/* ---- readable reports ------------------------------------------------- */

static void print_classify(const cJSON *r)
{
    printf("type:       %s (confidence %.2f)\n", str_field(r, "type", "?"), num_field(r, "confidence"));
    printf("intensity:  %d   priority: %d   language: %s\n", (int)num_field(r, "intensity"),
           (int)num_field(r, "priority"), str_field(r, "language", "?"));
    const cJSON *p = cJSON_GetObjectItemCaseSensitive(r, "profanity");
    const cJSON *s = cJSON_GetObjectItemCaseSensitive(r, "sarcasm");
    printf("profanity:  %s   sarcasm: %s\n", cJSON_IsTrue(p) ? "yes" : "no",
           cJSON_IsTrue(s) ? "yes" : "no");
    if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r, "placeholder")))
        printf("(placeholder result: the classifier is not built yet)\n");
    const cJSON *ev = cJSON_GetObjectItemCaseSensitive(r, "evidence"), *it;
    if (cJSON_GetArraySize(ev) > 0) printf("evidence:\n");
    cJSON_ArrayForEach(it, ev)
    {
        printf("  [%d-%d] %-22s %s\n", (int)num_field(it, "start"), (int)num_field(it, "end"),
               str_field(it, "cue", ""), str_field(it, "label", ""));
    }
}

static void print_lint(const cJSON *r)
{
    const cJSON *len = cJSON_GetObjectItemCaseSensitive(r, "length");
    printf("score:  %d/100\n", (int)num_field(r, "score"));
    printf("length: %d/%d (%s)%s\n", (int)num_field(len, "used"), (int)num_field(len, "limit"),
           str_field(len, "platform", "?"),
           num_field(len, "used") > num_field(len, "limit") ? "  TE LANG" : "");
    if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r, "placeholder")))
        printf("(placeholder result: the linter is not built yet)\n");
    const cJSON *findings = cJSON_GetObjectItemCaseSensitive(r, "findings"), *f;
    if (cJSON_GetArraySize(findings) == 0) printf("findings: geen\n");
    cJSON_ArrayForEach(f, findings)
    {
        printf("%-7s %-18s [%d-%d] %s\n", str_field(f, "severity", "?"), str_field(f, "rule", "?"),
               (int)num_field(f, "start"), (int)num_field(f, "end"), str_field(f, "message", ""));
        if (cJSON_GetObjectItemCaseSensitive(f, "why")) printf("        waarom: %s\n", str_field(f, "why", ""));
        const cJSON *sug;
        cJSON_ArrayForEach(sug, cJSON_GetObjectItemCaseSensitive(f, "suggestions"))
        {
            if (cJSON_IsString(sug)) printf("        -> %s\n", sug->valuestring);
            else if (cJSON_IsObject(sug)) /* {kind: replace|advice, text} */
                printf("        %s %s\n", strcmp(str_field(sug, "kind", ""), "replace") == 0 ? "=>" : "->",
                       str_field(sug, "text", ""));
        }
    }
    const cJSON *cl = cJSON_GetObjectItemCaseSensitive(r, "checklist"), *c;
    if (cJSON_GetArraySize(cl) > 0) printf("checklist:\n");
    cJSON_ArrayForEach(c, cl)
    {
        const cJSON *done = cJSON_GetObjectItemCaseSensitive(c, "done");
        printf("  [%s] %s\n", cJSON_IsTrue(done) ? "x" : (cJSON_IsNull(done) ? "-" : " "),
               str_field(c, "step", "?"));
    }
}

/* ---- JSON Lines -------------------------------------------------------- */

/* Reads JSON objects per line from stdin; for each, sets "op" and forwards
 * it. Returns the exit status. */
static int run_jsonl(webcare_engine *eng, const char *op)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int status = EXIT_OK;
    long lineno = 0;
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
        if (n == 0) continue;
        char *out = NULL;
        if (op) {
            cJSON *req = cJSON_ParseWithLength(line, (size_t)n);
            if (!cJSON_IsObject(req)) {
                cJSON_Delete(req);
                fprintf(stderr, "webcare: line %ld is not a JSON object\n", lineno);
                printf("{\"v\":1,\"error\":{\"code\":\"bad-json\",\"message\":\"line %ld is not a "
                       "JSON object\"}}\n",
                       lineno);
                status = EXIT_USAGE;
                continue;
            }
            cJSON_DeleteItemFromObjectCaseSensitive(req, "op");
            cJSON_AddStringToObject(req, "op", op);
            char *json = cJSON_PrintUnformatted(req);
            cJSON_Delete(req);
            if (json) out = webcare_engine_call(eng, json, strlen(json));
            free(json);
        } else {
            out = webcare_engine_call(eng, line, (size_t)n);
        }
        if (!out) {
            fprintf(stderr, "webcare: out of memory\n");
            free(line);
            return EXIT_USAGE;
        }
        puts(out);
        cJSON *resp = cJSON_Parse(out);
        webcare_free(out);
        if (cJSON_GetObjectItemCaseSensitive(resp, "error")) {
            status = EXIT_USAGE;
        } else if (status == EXIT_OK &&
                   has_error_finding(cJSON_GetObjectItemCaseSensitive(resp, "result"))) {
            status = EXIT_FINDINGS;
        }
        cJSON_Delete(resp);
    }
    free(line);
    return status;
}

/* ---- commands ---------------------------------------------------------- */

typedef struct args {
    int json, jsonl;
    const char *platform, *mention, *mention_type, *agent, *style, *pack;
    cJSON *disabled;
    const char *positional;
    int n_positional;
} args;

static int parse_args(int argc, char **argv, args *a)
{
    memset(a, 0, sizeof *a);
    for (int i = 2; i < argc; i++) {
        const char *s = argv[i];
        const char **slot = NULL;
        if (strcmp(s, "--json") == 0) { a->json = 1; continue; }
        if (strcmp(s, "--jsonl") == 0) { a->jsonl = 1; continue; }
        if (strcmp(s, "--platform") == 0) slot = &a->platform;
        else if (strcmp(s, "--mention") == 0) slot = &a->mention;
        else if (strcmp(s, "--mention-type") == 0) slot = &a->mention_type;
        else if (strcmp(s, "--agent") == 0) slot = &a->agent;
        else if (strcmp(s, "--style") == 0) slot = &a->style;
        else if (strcmp(s, "--pack") == 0) slot = &a->pack;
        else if (strcmp(s, "--disable") == 0) {
            if (i + 1 >= argc) { fprintf(stderr, "webcare: --disable needs a rule id\n"); return -1; }
            if (!a->disabled) a->disabled = cJSON_CreateArray();
            cJSON_AddItemToArray(a->disabled, cJSON_CreateString(argv[++i]));
            continue;
        } else if (strcmp(s, "--") == 0) {
            if (i + 1 < argc) { a->positional = argv[i + 1]; a->n_positional += argc - i - 1; }
            break;
        } else if (s[0] == '-' && s[1] == '-') {
            fprintf(stderr, "webcare: unknown option %s (see --help)\n", s);
            return -1;
        } else {
            a->positional = s;
            a->n_positional++;
            continue;
        }
        if (i + 1 >= argc) { fprintf(stderr, "webcare: %s needs a value\n", s); return -1; }
        *slot = argv[++i];
    }
    return 0;
}

static int load_pack(webcare_engine *eng, const char *path)
{
    size_t len;
    char *text = read_file(path, &len);
    if (!text) {
        fprintf(stderr, "webcare: cannot read %s: %s\n", path, strerror(errno));
        return -1;
    }
    cJSON *req = cJSON_CreateObject();
    cJSON_AddStringToObject(req, "op", "load-pack");
    cJSON_AddStringToObject(req, "pack", text);
    free(text);
    cJSON *resp = call(eng, req);
    int bad = !resp || report_error(resp);
    cJSON_Delete(resp);
    return bad ? -1 : 0;
}

static int cmd_check_pack(webcare_engine *eng, const args *a)
{
    if (a->n_positional != 1) { fprintf(stderr, "webcare: check-pack needs one FILE\n"); return EXIT_USAGE; }
    size_t len;
    char *text = read_file(a->positional, &len);
    if (!text) {
        fprintf(stderr, "webcare: cannot read %s: %s\n", a->positional, strerror(errno));
        return EXIT_USAGE;
    }
    cJSON *req = cJSON_CreateObject();
    cJSON_AddStringToObject(req, "op", "check-pack");
    cJSON_AddStringToObject(req, "pack", text);
    free(text);
    cJSON *resp = call(eng, req);
    if (!resp) return EXIT_USAGE;
    int status = EXIT_OK;
    if (a->json) print_json(resp);
    const cJSON *err = cJSON_GetObjectItemCaseSensitive(resp, "error");
    if (err) {
        /* the core reports "line L, column C: what"; print it as FILE:L:C: what */
        const char *msg = str_field(err, "message", "invalid pack");
        int line = 0, col = 0, used = 0;
        if (sscanf(msg, "line %d, column %d: %n", &line, &col, &used) == 2 && used > 0)
            msg += used;
        if (!a->json) {
            if (line > 0) fprintf(stderr, "%s:%d:%d: %s\n", a->positional, line, col, msg);
            else fprintf(stderr, "%s: %s\n", a->positional, msg);
        }
        status = EXIT_USAGE;
    } else if (!a->json) {
        const cJSON *r = cJSON_GetObjectItemCaseSensitive(resp, "result");
        printf("%s: ok, %d rules\n", a->positional, (int)num_field(r, "rules"));
    }
    cJSON_Delete(resp);
    return status;
}

static int cmd_simple(webcare_engine *eng, const char *op, const args *a)
{
    if (a->n_positional != 1) {
        fprintf(stderr, "webcare: %s needs one TEXT argument (quote it)\n", op);
        return EXIT_USAGE;
    }
    cJSON *req = cJSON_CreateObject();
    cJSON_AddStringToObject(req, "op", op);
    cJSON_AddStringToObject(req, "text", a->positional);
    if (a->platform) cJSON_AddStringToObject(req, "platform", a->platform);
    if (strcmp(op, "lint") == 0) {
        if (a->mention || a->mention_type) {
            cJSON *m = cJSON_AddObjectToObject(req, "mention");
            if (a->mention) cJSON_AddStringToObject(m, "text", a->mention);
            if (a->mention_type) cJSON_AddStringToObject(m, "type", a->mention_type);
        }
        if (a->agent) cJSON_AddStringToObject(req, "agent", a->agent);
        cJSON *cfg = cJSON_AddObjectToObject(req, "config");
        if (a->style) cJSON_AddStringToObject(cfg, "style", a->style);
        if (a->disabled) cJSON_AddItemReferenceToObject(cfg, "disabled", a->disabled);
    }
    cJSON *resp = call(eng, req);
    if (!resp) { fprintf(stderr, "webcare: out of memory\n"); return EXIT_USAGE; }
    int status = EXIT_OK;
    const cJSON *result = cJSON_GetObjectItemCaseSensitive(resp, "result");
    if (report_error(resp)) {
        if (a->json) print_json(resp);
        status = EXIT_USAGE;
    } else if (a->json || strcmp(op, "tokens") == 0 || strcmp(op, "length") == 0) {
        print_json(a->json ? resp : result);
    } else if (strcmp(op, "classify") == 0) {
        print_classify(result);
    } else {
        print_lint(result);
    }
    if (status == EXIT_OK && strcmp(op, "lint") == 0 && has_error_finding(result)) status = EXIT_FINDINGS;
    cJSON_Delete(resp);
    return status;
}

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        fputs(USAGE, argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("webcare %s (JSON API v%d)\n", webcare_version(), WEBCARE_API_VERSION);
        return EXIT_OK;
    }
    const char *cmd = argv[1];
    args a;
    if (parse_args(argc, argv, &a) < 0) return EXIT_USAGE;
    webcare_engine *eng = webcare_engine_new();
    if (!eng) { cJSON_Delete(a.disabled); return EXIT_USAGE; }
    int status;
    if (a.pack && load_pack(eng, a.pack) < 0) {
        status = EXIT_USAGE;
    } else if (strcmp(cmd, "classify") == 0 || strcmp(cmd, "lint") == 0) {
        status = a.jsonl ? run_jsonl(eng, cmd) : cmd_simple(eng, cmd, &a);
    } else if (strcmp(cmd, "length") == 0 || strcmp(cmd, "tokens") == 0) {
        status = cmd_simple(eng, cmd, &a);
    } else if (strcmp(cmd, "check-pack") == 0) {
        status = cmd_check_pack(eng, &a);
    } else if (strcmp(cmd, "call") == 0) {
        status = run_jsonl(eng, NULL);
    } else {
        fprintf(stderr, "webcare: unknown command \"%s\" (see --help)\n", cmd);
        status = EXIT_USAGE;
    }
    webcare_engine_free(eng);
    cJSON_Delete(a.disabled);
    return status;
}
