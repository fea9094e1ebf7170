export * from './convert.js';
export * from './detect.js';
