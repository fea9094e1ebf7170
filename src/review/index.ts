export { CorrectionInput, CorrectionAction, FieldPath, type Correction } from './correction.js';
export { readTextField, writeTextField } from './field-path.js';
export { applyFieldCorrections, correctLine, correctedText, latestCorrections } from './apply-corrections.js';
