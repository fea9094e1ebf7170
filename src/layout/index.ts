export {
  orderLines,
  DEFAULT_READING_ORDER,
  type RawLine,
  type ReadingOrderOptions,
} from './reading-order.js';
