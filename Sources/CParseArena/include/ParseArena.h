#ifndef NOTELINT_PARSE_ARENA_H
#define NOTELINT_PARSE_ARENA_H

#include <stddef.h>

/// The functions of cmark-gfm's `cmark_mem`, drawing from the calling thread's arena: blocks
/// are handed out from large slabs and never freed one by one. One parse at a time per thread
/// (cmark-gfm's own arena allocator is one for the whole process, unsafe for parallel parses).
typedef struct {
    void *(*calloc)(size_t, size_t);
    void *(*realloc)(void *, size_t);
    void (*free)(void *);
} ParseArenaAllocator;

/// The allocator to give `cmark_parser_new_with_mem`, cast to `cmark_mem *`.
ParseArenaAllocator *parse_arena_allocator(void);

/// Takes back everything the calling thread's arena handed out, at once: call it when the
/// parse's tree (and parser) are no longer used. Keeps one small slab for the next parse.
void parse_arena_reset(void);

/// Bytes of the slabs the calling thread's arena holds now, for tests and measurements.
size_t parse_arena_reserved(void);

#endif
