import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived the last full collection, in percent. With
 * V8's own factor (~1.9 on the ~25 MB heap of loaded modules) a worker ran a full collection about twice a
 * page, started well below the heap's limit: what fills the room is the page bitmaps and OCR images outside
 * the heap (3–12 MB each, several a page), and each collection marks the whole heap. A factor of 4 cut that
 * to one every two pages and the CPU a page costs outside OCR by about a tenth (docs/pipeline.md); the price
 * is that buffers already dropped wait longer to be freed (peak RSS +70–80 MiB in the pipeline bench).
 */
export const HEAP_GROWING_PERCENT = 300;

/**
 * Sets the heap growth of this process (see HEAP_GROWING_PERCENT). V8 reads this flag whenever it sets a
 * new limit, so setting it after start-up takes effect from the next full collection; worker threads
 * started later share it.
 */
export function tuneHeapForPageBuffers(percent = HEAP_GROWING_PERCENT): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
