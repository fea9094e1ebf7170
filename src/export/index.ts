export { toNd30, type Nd30Record } from './nd30.js';
