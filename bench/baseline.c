/* Parse-only baseline: reads every file named in a list (one path per line) and parses it
 * with cmark-gfm, footnotes on, the table, tagfilter and tasklist extensions attached, on one
 * thread. Nothing is rendered. Prints the number of files and bytes parsed. */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_file(const char *path, size_t *length) {
    FILE *file = fopen(path, "rb");
    if (!file) return NULL;
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *buffer = malloc((size_t)size + 1);
    *length = fread(buffer, 1, (size_t)size, file);
    fclose(file);
    return buffer;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: baseline FILE-LIST\n");
        return 2;
    }
    cmark_gfm_core_extensions_ensure_registered();
    const char *extensions[] = {"table", "tagfilter", "tasklist"};
    FILE *list = fopen(argv[1], "r");
    if (!list) return 2;
    char path[4096];
    long files = 0, bytes = 0;
    while (fgets(path, sizeof path, list)) {
        path[strcspn(path, "\n")] = 0;
        size_t length = 0;
        char *text = read_file(path, &length);
        if (!text) continue;
        cmark_parser *parser = cmark_parser_new(CMARK_OPT_FOOTNOTES);
        for (size_t i = 0; i < 3; i++) {
            cmark_syntax_extension *extension = cmark_find_syntax_extension(extensions[i]);
            if (extension) cmark_parser_attach_syntax_extension(parser, extension);
        }
        cmark_parser_feed(parser, text, length);
        cmark_node *document = cmark_parser_finish(parser);
        cmark_node_free(document);
        cmark_parser_free(parser);
        free(text);
        files++;
        bytes += (long)length;
    }
    fclose(list);
    printf("%ld files, %ld bytes\n", files, bytes);
    return 0;
}
