/* A YAML file as a tree of nodes that remember their line and column. */
#ifndef CRAF_YAMLDOC_H
#define CRAF_YAMLDOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "strbuf.h"

/* Limits on what a document may make craf do; docs/security.md. */
#define YDOC_MAX_BYTES	     ((size_t)64 << 20)
#define YDOC_MAX_DEPTH	     64
#define YDOC_MAX_ALIAS_NODES 100000
#define YDOC_MAX_NODES	     10000000
/* A saved JSON report repeats every requirement text: it may be larger. */
#define YDOC_MAX_REPORT_BYTES ((size_t)1024 << 20)

enum ynode_type {
	YNODE_SCALAR,
	YNODE_SEQUENCE,
	YNODE_MAPPING,
};

/* What a plain scalar would mean to YAML; quoted scalars are strings. */
enum yscalar_kind {
	YSCALAR_STRING,
	YSCALAR_NULL,
	YSCALAR_BOOL,
	YSCALAR_INT,
	YSCALAR_FLOAT,
};

struct ynode;

struct ynode_pair {
	struct ynode *key;
	struct ynode *value;
};

/* Kept small: a large catalogue has millions of nodes. */
struct ynode {
	unsigned char type; /* enum ynode_type */
	unsigned char kind; /* enum yscalar_kind, for scalars */
	bool complete;	    /* internal: closed, so an alias may refer to it */
	int line;	    /* 1-based */
	int col;	    /* 1-based, in characters */
	int span;	    /* characters to underline on the first line */
	uint32_t weight;    /* internal: nodes under it, aliases expanded */
	union {
		uint32_t len; /* scalars: bytes in str */
		uint32_t nr;  /* collections: pairs or items */
	};
	union {
		const char *str;	  /* scalars, NUL-terminated */
		struct ynode_pair *pairs; /* mappings */
		struct ynode **items;	  /* sequences */
	};
};

/* Where an alias was used, and the node it stands for. */
struct ydoc_alias {
	const struct ynode *target;
	int line, col;
};

struct ydoc {
	struct arena arena;
	char *name; /* the path as the user gave it */
	const char *data;
	size_t len;
	struct ynode *root;
	size_t max_bytes; /* 0: YDOC_MAX_BYTES */
	/*
	 * A tree built from a workbook (answers_xlsx.c): sheets names its
	 * sheets, and a node's line and col are its cell's row and column,
	 * span 1 + the index of its sheet (0: the workbook as a whole).
	 * Messages then name the cell: "FILE: Answers!E14: ...".
	 */
	const char *const *sheets;
	size_t nsheets;
	size_t tree_errors; /* problems reported while building the tree that did not stop it */
	bool workbook_ok;   /* reading: accept a zip or compound document, for the caller to open */
	/* private */
	bool yaml_breaks; /* NEL, LS, PS and CR alone end lines too */
	char *owned;
	size_t *lines;
	size_t nlines;
	struct ydoc_alias *aliases; /* each alias to a mapping or list, in file order */
	size_t naliases;
};

void ydoc_init(struct ydoc *doc);
void ydoc_release(struct ydoc *doc);

/*
 * Reads and parses a file. Refuses what is not a regular, readable,
 * non-empty UTF-8 file within YDOC_MAX_BYTES, a YAML syntax error, a
 * duplicate mapping key, nesting deeper than YDOC_MAX_DEPTH, alias
 * expansion beyond YDOC_MAX_ALIAS_NODES and more than one document.
 * Returns 0, or -1 with the reasons added to dl.
 */
int ydoc_load_file(struct ydoc *doc, const char *path, struct diag_list *dl);
/* The same for bytes in memory; data must outlive doc. */
int ydoc_load_buffer(struct ydoc *doc, const char *name, const char *data, size_t len,
		     struct diag_list *dl);

/* The two halves of ydoc_load_file, for callers that decide the format by content. */
int ydoc_read_file(struct ydoc *doc, const char *path, struct diag_list *dl);
/*
 * As ydoc_read_file for an open descriptor of any kind (a pipe: standard
 * input), read to its end; name is what diagnostics call it. fd stays open.
 */
int ydoc_read_fd(struct ydoc *doc, const char *name, int fd, struct diag_list *dl);
/* As ydoc_read_file for bytes in memory (copied): tests and fuzzers. */
int ydoc_read_buffer(struct ydoc *doc, const char *name, const char *data, size_t len,
		     struct diag_list *dl);
int ydoc_parse_yaml(struct ydoc *doc, struct diag_list *dl);
/*
 * Parses doc's bytes as JSON (RFC 8259) into the same kind of tree, with
 * the same refusals: duplicate keys, nesting beyond YDOC_MAX_DEPTH.
 * When doc owns its bytes, strings without escapes are left in them, each
 * ended by a NUL over its closing quote (diagnostics still show the quote):
 * the tree then lives as long as the bytes. Implemented in jsondoc.c.
 */
int ydoc_parse_json(struct ydoc *doc, struct diag_list *dl);
/* Reports duplicate keys in a finished mapping node; returns -1 if any. */
int ydoc_check_duplicates(struct ydoc *doc, struct diag_list *dl, struct ynode *map);

/*
 * Frees the file's bytes once the tree is built and checked: a YAML tree
 * keeps its own copies (a JSON one does not). Later diagnostics on doc have
 * no source line to show.
 */
void ydoc_drop_source(struct ydoc *doc);
/* The size limit in force for doc. */
size_t ydoc_max_bytes(const struct ydoc *doc);

/* Records an error at node (or at 1:1 when node is NULL); returns -1. */
int ydoc_error(struct ydoc *doc, struct diag_list *dl, const struct ynode *node, const char *fmt,
	       ...) __attribute__((format(printf, 4, 5)));
int ydoc_error_at(struct ydoc *doc, struct diag_list *dl, int line, int col, int span,
		  const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Appends where node is, as messages say it: "12:5", or "Answers!E14" in a workbook. */
void ydoc_where(const struct ydoc *doc, const struct ynode *node, struct strbuf *sb);

/* Looks a key up in a mapping node; NULL when absent. */
struct ynode *ynode_get(const struct ynode *map, const char *key);
const char *ynode_type_name(const struct ynode *node);
bool ynode_is_null(const struct ynode *node);

#endif
