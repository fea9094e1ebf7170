import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived the last full collection, in percent. V8
 * counts memory allocated outside the JS heap since that collection (page bitmaps and OCR images, 3–12 MB
 * each and several a page) against a limit set from the ~25 MB heap of loaded modules, so with its own
 * factor (~1.9) it ran a full collection about twice a page, each marking the whole heap. A factor of 4 cut
 * that to one every two pages and the CPU a page costs outside OCR by about a tenth (docs/pipeline.md); the
 * price is that buffers already dropped wait longer to be freed.
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
