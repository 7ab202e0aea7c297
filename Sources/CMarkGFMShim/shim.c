// cmark-gfm behind plain C types; see include/CMarkGFMShim.h.
#include "CMarkGFMShim.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

// cmark_gfm_core_extensions_ensure_registered() is not thread-safe in 0.29.0.gfm.6 (a plain
// static flag), and the registry lookup walks a global list: do both exactly once.
static pthread_once_t mj_once = PTHREAD_ONCE_INIT;
static const char *const mj_extension_names[5] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};
static cmark_syntax_extension *mj_extensions[5];

static void mj_register(void) {
    cmark_gfm_core_extensions_ensure_registered();
    for (int i = 0; i < 5; i++) mj_extensions[i] = cmark_find_syntax_extension(mj_extension_names[i]);
}

int mj_cmark_version(void) { return cmark_version(); }

char *mj_render_html(const uint8_t *bytes, size_t length) {
    pthread_once(&mj_once, mj_register);
    int options = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES;
    cmark_parser *parser = cmark_parser_new(options);
    if (!parser) return NULL;
    for (int i = 0; i < 5; i++) if (mj_extensions[i]) cmark_parser_attach_syntax_extension(parser, mj_extensions[i]);
    cmark_parser_feed(parser, (const char *)bytes, length);
    cmark_node *document = cmark_parser_finish(parser);
    char *html = document ? cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) : NULL;
    if (document) cmark_node_free(document);
    cmark_parser_free(parser);
    return html;
}

void mj_tree_free(mj_tree *tree) {
    if (!tree) return;
    free(tree->nodes);
    tree->nodes = NULL;
    tree->count = 0;
    tree->capacity = 0;
}

static int mj_push(mj_tree *tree, const mj_node *node) {
    if (tree->count == tree->capacity) {
        int32_t capacity = tree->capacity ? tree->capacity * 2 : 256;
        mj_node *grown = realloc(tree->nodes, (size_t)capacity * sizeof(mj_node));
        if (!grown) return -1;
        tree->nodes = grown;
        tree->capacity = capacity;
    }
    tree->nodes[tree->count++] = *node;
    return 0;
}

// Extension node types are assigned at registration time; recognise them by their names.
static int32_t mj_kind_of(cmark_node *node) {
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_DOCUMENT: return MJ_NODE_DOCUMENT;
    case CMARK_NODE_BLOCK_QUOTE: return MJ_NODE_BLOCK_QUOTE;
    case CMARK_NODE_LIST: return MJ_NODE_LIST;
    case CMARK_NODE_ITEM: return MJ_NODE_ITEM; // task-list items stay ITEM nodes
    case CMARK_NODE_CODE_BLOCK: return MJ_NODE_CODE_BLOCK;
    case CMARK_NODE_HTML_BLOCK: return MJ_NODE_HTML_BLOCK;
    case CMARK_NODE_CUSTOM_BLOCK: return MJ_NODE_CUSTOM_BLOCK;
    case CMARK_NODE_PARAGRAPH: return MJ_NODE_PARAGRAPH;
    case CMARK_NODE_HEADING: return MJ_NODE_HEADING;
    case CMARK_NODE_THEMATIC_BREAK: return MJ_NODE_THEMATIC_BREAK;
    case CMARK_NODE_FOOTNOTE_DEFINITION: return MJ_NODE_FOOTNOTE_DEFINITION;
    case CMARK_NODE_TEXT: return MJ_NODE_TEXT;
    case CMARK_NODE_SOFTBREAK: return MJ_NODE_SOFTBREAK;
    case CMARK_NODE_LINEBREAK: return MJ_NODE_LINEBREAK;
    case CMARK_NODE_CODE: return MJ_NODE_CODE;
    case CMARK_NODE_HTML_INLINE: return MJ_NODE_HTML_INLINE;
    case CMARK_NODE_CUSTOM_INLINE: return MJ_NODE_CUSTOM_INLINE;
    case CMARK_NODE_EMPH: return MJ_NODE_EMPH;
    case CMARK_NODE_STRONG: return MJ_NODE_STRONG;
    case CMARK_NODE_LINK: return MJ_NODE_LINK;
    case CMARK_NODE_IMAGE: return MJ_NODE_IMAGE;
    case CMARK_NODE_FOOTNOTE_REFERENCE: return MJ_NODE_FOOTNOTE_REFERENCE;
    default: break;
    }
    const char *name = cmark_node_get_type_string(node);
    if (!name) return MJ_NODE_OTHER;
    if (strcmp(name, "table") == 0) return MJ_NODE_TABLE;
    if (strcmp(name, "table_row") == 0 || strcmp(name, "table_header") == 0) return MJ_NODE_TABLE_ROW;
    if (strcmp(name, "table_cell") == 0) return MJ_NODE_TABLE_CELL;
    if (strcmp(name, "strikethrough") == 0) return MJ_NODE_STRIKETHROUGH;
    return MJ_NODE_OTHER;
}

// A forward-only line cursor over the parsed buffer: nodes come in document order, so finding
// the start of each heading's line costs O(document) in total.
typedef struct {
    const uint8_t *src;
    size_t len;
    int32_t line;  // 1-based line number of `pos`
    size_t pos;    // offset of the start of `line`
} mj_cursor;

static size_t mj_line_start(mj_cursor *cursor, int32_t line) {
    if (line < cursor->line) { cursor->line = 1; cursor->pos = 0; }
    while (cursor->line < line && cursor->pos < cursor->len) {
        const uint8_t *nl = memchr(cursor->src + cursor->pos, '\n', cursor->len - cursor->pos);
        if (!nl) { cursor->pos = cursor->len; break; }
        cursor->pos = (size_t)(nl - cursor->src) + 1;
        cursor->line++;
    }
    return cursor->pos;
}

// Fills `out` for one node.
static void mj_describe(cmark_node *node, int32_t kind, mj_node *out, mj_cursor *cursor) {
    memset(out, 0, sizeof *out);
    out->kind = kind;
    out->start_line = cmark_node_get_start_line(node);
    out->start_column = cmark_node_get_start_column(node);
    out->end_line = cmark_node_get_end_line(node);
    out->end_column = cmark_node_get_end_column(node);
    switch (kind) {
    case MJ_NODE_HEADING: {
        out->level = cmark_node_get_heading_level(node);
        // Setext headings span their text line(s) and the underline; ATX ones start with `#`.
        int32_t end_line = out->end_line;
        if (out->end_column == 0) end_line -= 1;
        int setext = end_line > out->start_line;
        if (!setext && out->start_line >= 1 && out->start_column >= 1) {
            // One line: ATX unless it does not start with `#` (cmark never does that; belt and braces).
            size_t pos = mj_line_start(cursor, out->start_line) + (size_t)(out->start_column - 1);
            setext = pos < cursor->len && cursor->src[pos] != '#';
        }
        if (setext) out->flags |= MJ_FLAG_SETEXT;
        break;
    }
    case MJ_NODE_LIST:
    case MJ_NODE_ITEM: {
        cmark_node *list = kind == MJ_NODE_LIST ? node : cmark_node_parent(node);
        if (list && cmark_node_get_list_type(list) == CMARK_ORDERED_LIST) out->flags |= MJ_FLAG_ORDERED;
        if (list && cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM) out->flags |= MJ_FLAG_PAREN_DELIM;
        if (kind == MJ_NODE_LIST) {
            out->level = cmark_node_get_list_start(node);
            if (cmark_node_get_list_tight(node)) out->flags |= MJ_FLAG_TIGHT;
        } else {
            const char *name = cmark_node_get_type_string(node);
            if (name && strcmp(name, "tasklist") == 0) out->flags |= MJ_FLAG_TASK;
        }
        break;
    }
    case MJ_NODE_CODE_BLOCK: {
        int length = 0, offset = 0;
        char character = 0;
        if (cmark_node_get_fenced(node, &length, &offset, &character)) {
            out->flags |= MJ_FLAG_FENCED;
            out->fence_length = length;
            out->fence_offset = offset;
            out->fence_char = (unsigned char)character;
        }
        break;
    }
    case MJ_NODE_TABLE_ROW: {
        const char *name = cmark_node_get_type_string(node);
        if (name && strcmp(name, "table_header") == 0) out->flags |= MJ_FLAG_HEADER_ROW;
        break;
    }
    case MJ_NODE_LINK:
    case MJ_NODE_IMAGE: {
        const char *url = cmark_node_get_url(node);
        out->text_length = url ? (int32_t)strlen(url) : 0;
        break;
    }
    case MJ_NODE_CODE:
    case MJ_NODE_HTML_INLINE: {
        const char *literal = cmark_node_get_literal(node);
        out->text_length = literal ? (int32_t)strlen(literal) : 0;
        break;
    }
    default: break;
    }
}

static int mj_is_inline(int32_t kind) { return kind >= MJ_NODE_TEXT; }

/// `[^` somewhere in p[0..<n]: memchr for `[` (memmem is several times slower for two bytes).
static int holds_footnote_mark(const uint8_t *p, size_t n) {
    for (const uint8_t *q = p, *end = p + n; q < end && (q = memchr(q, '[', (size_t)(end - q))); q++)
        if (q + 1 < end && q[1] == '^') return 1;
    return 0;
}

int mj_parse(const uint8_t *bytes, size_t length, int options, mj_tree *out) {
    out->nodes = NULL;
    out->count = 0;
    out->capacity = 0;
    pthread_once(&mj_once, mj_register);

    // A private copy where NUL cannot shift cmark's columns; a lone CR ends a line (as for every
    // renderer) and becomes LF, one byte for one, so line numbers match the Swift line table.
    uint8_t *copy = malloc(length ? length : 1);
    if (!copy) return -1;
    if (length) memcpy(copy, bytes, length);
    for (uint8_t *p = copy, *end = copy + length; p < end && (p = memchr(p, 0, (size_t)(end - p))); p++) *p = '?';
    for (uint8_t *p = copy, *end = copy + length; p < end && (p = memchr(p, '\r', (size_t)(end - p))); p++) {
        if (p + 1 >= end || p[1] != '\n') *p = '\n';
    }

    int cmark_options = CMARK_OPT_SOURCEPOS;
    // A footnote definition starts with `[^`: without one, footnotes change no block (references
    // are inlines, reported only with MJ_OPT_INLINES), and the option costs cmark two walks of the tree.
    if ((options & MJ_OPT_FOOTNOTES) && ((options & MJ_OPT_INLINES) || holds_footnote_mark(copy, length)))
        cmark_options |= CMARK_OPT_FOOTNOTES;
    cmark_parser *parser = cmark_parser_new(cmark_options);
    if (!parser) { free(copy); return -1; }
    for (int i = 0; i < 5; i++) {
        if (!mj_extensions[i]) continue;
        if (i == 2 && (options & MJ_OPT_NO_AUTOLINK)) continue;
        cmark_parser_attach_syntax_extension(parser, mj_extensions[i]);
    }
    cmark_parser_feed(parser, (const char *)copy, length);
    cmark_node *document = cmark_parser_finish(parser);
    if (!document) { cmark_parser_free(parser); free(copy); return -1; }

    // Pre-order walk without recursion (documents can nest deeply): parent indices on a stack.
    int32_t stack_capacity = 64, depth = 0;
    int32_t *stack = malloc((size_t)stack_capacity * sizeof(int32_t));
    int failed = stack == NULL;
    const int want_inlines = (options & MJ_OPT_INLINES) != 0;
    mj_cursor cursor = {copy, length, 1, 0};
    cmark_node *node = document;
    while (node && !failed) {
        int32_t kind = mj_kind_of(node);
        int descend = 0;
        if (!mj_is_inline(kind) || want_inlines) {
            mj_node record;
            mj_describe(node, kind, &record, &cursor);
            record.parent = depth > 0 ? stack[depth - 1] : -1;
            record.depth = depth;
            if (mj_push(out, &record) != 0) { failed = 1; break; }
            cmark_node *child = cmark_node_first_child(node);
            // Skip inline children entirely unless asked for them.
            if (child && (want_inlines || !mj_is_inline(mj_kind_of(child)))) descend = 1;
            if (descend) {
                if (depth == stack_capacity) {
                    stack_capacity *= 2;
                    int32_t *grown = realloc(stack, (size_t)stack_capacity * sizeof(int32_t));
                    if (!grown) { failed = 1; break; }
                    stack = grown;
                }
                stack[depth++] = out->count - 1;
                node = child;
                continue;
            }
        }
        // Next sibling, or climb until one exists.
        while (node) {
            if (node == document) { node = NULL; break; }
            cmark_node *next = cmark_node_next(node);
            if (next) { node = next; break; }
            node = cmark_node_parent(node);
            depth--;
        }
    }

    free(stack);
    cmark_node_free(document);
    cmark_parser_free(parser);
    free(copy);
    if (failed) { mj_tree_free(out); return -1; }
    return 0;
}
