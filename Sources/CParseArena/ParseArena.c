#include "ParseArena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/// A slab: its header, then the blocks. Each block is its size (in a 16-byte header, so that
/// blocks stay 16-byte aligned), then its bytes.
typedef struct Slab {
    struct Slab *previous;
    size_t capacity;
    size_t used;
    size_t padding;
} Slab;

enum { blockHeader = 16, firstSlab = 256 * 1024, keptSlab = 1024 * 1024 };

static _Thread_local Slab *top;
/// The block handed out last, which `arena_realloc` grows in place while nothing follows it.
static _Thread_local char *last;

static void out_of_memory(size_t size) {
    fprintf(stderr, "notelint: out of memory parsing Markdown (%zu bytes asked)\n", size);
    abort();
}

static size_t rounded(size_t size) { return (size + 15) & ~(size_t)15; }

static char *slab_bytes(Slab *slab) { return (char *)(slab + 1); }

/// Slabs double, so that a long note takes few of them.
static Slab *new_slab(size_t needed) {
    size_t capacity = top && top->capacity < SIZE_MAX / 4 ? top->capacity * 2 : firstSlab;
    if (capacity < needed) capacity = needed;
    Slab *slab = malloc(sizeof(Slab) + capacity);
    if (!slab) out_of_memory(needed);
    slab->previous = top;
    slab->capacity = capacity;
    slab->used = 0;
    top = slab;
    return slab;
}

static void *allocate(size_t size) {
    if (size > SIZE_MAX / 2) out_of_memory(size);
    size_t needed = blockHeader + rounded(size);
    Slab *slab = top;
    if (!slab || slab->capacity - slab->used < needed) slab = new_slab(needed);
    char *block = slab_bytes(slab) + slab->used;
    slab->used += needed;
    *(size_t *)block = size;
    last = block + blockHeader;
    return last;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) out_of_memory(SIZE_MAX);
    void *block = allocate(count * size);
    memset(block, 0, count * size);
    return block;
}

static void *arena_realloc(void *pointer, size_t size) {
    if (!pointer) return allocate(size);
    char *block = pointer;
    size_t old = *(size_t *)(block - blockHeader);
    if (block == last && size <= SIZE_MAX / 2) {
        // The slab's last block: it grows into the slab's free bytes.
        size_t start = (size_t)(block - slab_bytes(top));
        if (start + rounded(size) <= top->capacity) {
            top->used = start + rounded(size);
            *(size_t *)(block - blockHeader) = size;
            return pointer;
        }
    }
    if (size <= old) return pointer;
    void *moved = allocate(size);
    memcpy(moved, pointer, old);
    return moved;
}

static void arena_free(void *pointer) { (void)pointer; }

static ParseArenaAllocator allocator = {arena_calloc, arena_realloc, arena_free};

ParseArenaAllocator *parse_arena_allocator(void) { return &allocator; }

void parse_arena_reset(void) {
    while (top && (top->previous || top->capacity > keptSlab)) {
        Slab *previous = top->previous;
        free(top);
        top = previous;
    }
    if (top) top->used = 0;
    last = NULL;
}

size_t parse_arena_reserved(void) {
    size_t reserved = 0;
    for (Slab *slab = top; slab; slab = slab->previous) reserved += slab->capacity;
    return reserved;
}
