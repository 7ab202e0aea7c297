// CMarkGFMShim: cmark-gfm (CommonMark + GFM extensions) behind a plain-C interface.
//
// The only code that includes cmark-gfm's headers. It parses a UTF-8 buffer with source
// positions and returns the tree as a flat, pre-order array of plain structs, so no cmark type
// ever reaches Swift. Positions are cmark's own: 1-based lines, 1-based columns counted in bytes
// (a UTF-8 BOM on line 1 counts). cmark's quirks are passed through unchanged and documented
// here; the Swift side (StructureBuilder) corrects them:
//   - an end column of 0 means "the end of the line before end_line" (setext headings, indented
//     code, lists and items that are followed by blank lines);
//   - indented code blocks report trailing blank lines as part of the block;
//   - an HTML block of kinds 2-5 (<!-- -->, <? ?>, <!X >, <![CDATA[ ]]>) closed on its first line
//     can report an end line *before* its start line;
//   - a paragraph that begins with link reference definitions starts at the first definition
//     (the definitions are not nodes);
//   - inline positions (MJ_OPT_INLINES) are approximate: lines after a lazy continuation or after
//     removed reference definitions are wrong, GFM autolinks and soft breaks report 0:0.
#ifndef CMARK_GFM_SHIM_H
#define CMARK_GFM_SHIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Node kinds (our own small enum; cmark's values never leave the shim).
typedef enum {
    MJ_NODE_OTHER = 0,
    MJ_NODE_DOCUMENT = 1,
    MJ_NODE_BLOCK_QUOTE = 2,
    MJ_NODE_LIST = 3,
    MJ_NODE_ITEM = 4,
    MJ_NODE_CODE_BLOCK = 5,
    MJ_NODE_HTML_BLOCK = 6,
    MJ_NODE_CUSTOM_BLOCK = 7,
    MJ_NODE_PARAGRAPH = 8,
    MJ_NODE_HEADING = 9,
    MJ_NODE_THEMATIC_BREAK = 10,
    MJ_NODE_FOOTNOTE_DEFINITION = 11,
    MJ_NODE_TABLE = 12,
    MJ_NODE_TABLE_ROW = 13,       // header row included (flag MJ_FLAG_HEADER_ROW)
    MJ_NODE_TABLE_CELL = 14,
    // Inlines: reported only with MJ_OPT_INLINES.
    MJ_NODE_TEXT = 32,
    MJ_NODE_SOFTBREAK = 33,
    MJ_NODE_LINEBREAK = 34,
    MJ_NODE_CODE = 35,
    MJ_NODE_HTML_INLINE = 36,
    MJ_NODE_EMPH = 37,
    MJ_NODE_STRONG = 38,
    MJ_NODE_LINK = 39,
    MJ_NODE_IMAGE = 40,
    MJ_NODE_STRIKETHROUGH = 41,
    MJ_NODE_FOOTNOTE_REFERENCE = 42,
    MJ_NODE_CUSTOM_INLINE = 43,
} mj_node_kind;

/// Bits of `mj_node.flags`.
enum {
    MJ_FLAG_ORDERED = 1 << 0,     // list / item: ordered list
    MJ_FLAG_FENCED = 1 << 1,      // code block: fenced (else indented)
    MJ_FLAG_SETEXT = 1 << 2,      // heading: setext (else ATX), inferred from the source
    MJ_FLAG_TIGHT = 1 << 3,       // list: tight
    MJ_FLAG_HEADER_ROW = 1 << 4,  // table row: the header row
    MJ_FLAG_PAREN_DELIM = 1 << 5, // ordered list: `1)` rather than `1.`
    MJ_FLAG_TASK = 1 << 6,        // item: a GFM task-list item
};

typedef struct {
    int32_t kind;          // mj_node_kind
    int32_t parent;        // index of the parent in the array, -1 for the document
    int32_t depth;         // 0 for the document
    int32_t start_line;    // as cmark reports them (see the header comment)
    int32_t start_column;
    int32_t end_line;
    int32_t end_column;
    int32_t flags;         // MJ_FLAG_*
    int32_t level;         // heading: 1-6; list: start number; otherwise 0
    int32_t fence_length;  // fenced code: length of the opening fence
    int32_t fence_offset;  // fenced code: indentation of the opening fence
    int32_t fence_char;    // fenced code: '`' or '~'
    int32_t text_length;   // link/image: URL length in bytes; code/html inline: literal length
} mj_node;

typedef struct {
    mj_node *nodes;        // pre-order (parents before children); free with mj_tree_free
    int32_t count;
    int32_t capacity;
} mj_tree;

/// Options for `mj_parse`.
enum {
    MJ_OPT_INLINES = 1 << 0,    // also report inline nodes (tests and diagnostics)
    MJ_OPT_FOOTNOTES = 1 << 1,  // enable GFM/kramdown footnotes (`[^1]`, `[^1]: ...`)
    MJ_OPT_NO_AUTOLINK = 1 << 2, // do not attach the autolink extension: its links carry no source
                                 // positions and it costs ~20% of the parse; callers that find
                                 // bare URLs themselves (StructureBuilder) skip it
};

/// Parses `length` bytes of UTF-8 Markdown with CMARK_OPT_SOURCEPOS (no smart punctuation) and
/// the GFM core extensions table, strikethrough, autolink (unless MJ_OPT_NO_AUTOLINK), tagfilter
/// and tasklist.
/// The input is not modified; the shim parses a copy in which NUL bytes become `?` and a CR not
/// followed by LF becomes LF, so cmark's lines and byte columns stay those of the input (cmark
/// would otherwise widen NUL to U+FFFD; a lone CR ends a line either way).
/// Returns 0 on success (fill `*out`, free it with `mj_tree_free`), -1 on allocation failure
/// (then `*out` is empty).
int mj_parse(const uint8_t *bytes, size_t length, int options, mj_tree *out);

/// Renders `length` bytes of Markdown to HTML as GitHub does (GFM extensions table,
/// strikethrough, autolink, tagfilter, tasklist; footnotes; raw HTML kept: CMARK_OPT_UNSAFE).
/// Returns a NUL-terminated malloc'd string (free it with `free`), NULL on failure. For the
/// differential tests that compare renderings before and after normalising.
char *mj_render_html(const uint8_t *bytes, size_t length);

/// Frees the node array of `tree` (safe on an empty or already freed tree).
void mj_tree_free(mj_tree *tree);

/// cmark-gfm's version as 0xMMmmpp.
int mj_cmark_version(void);

#ifdef __cplusplus
}
#endif

#endif
