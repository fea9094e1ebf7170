import type { GarbleChannel } from './channel.js';
import type { LanguageModel, TrigramModel } from './lm/model.js';
import { modelWord, writtenCase, type TokenCase } from './lm/tokens.js';
import { parseSyllable } from './syllable.js';
import { applyCase, fold, hasVietnameseMark, normaliseTonePlacement } from './tone.js';
import { GARBLE_SYMBOLS, tokenizeLine, type Piece } from './tokenize.js';

/** What kind of damage a text shows, which decides the candidates each word gets. */
export type DamageMode = 'clean' | 'stripped' | 'garbled';

/**
 * How one line is treated: a damage mode, or `ocr` for the text of an OCR engine that knows Vietnamese
 * (tesseract vie): its words are kept unless the engine doubted them (`suspects`) or their marks make
 * an impossible syllable; those get the readings with the same letters and other marks.
 */
export type LineMode = DamageMode | 'ocr';

/**
 * Spans (UTF-16 offsets, end exclusive) of a line's words that the OCR engine was unsure of; `letters`
 * when it was so unsure that the letters themselves, not only their marks, may be wrong.
 */
export type SuspectSpans = readonly { start: number; end: number; letters?: boolean }[];

/** How far an OCR word is doubted: not at all, its marks, or its letters too. */
type Doubt = 'none' | 'marks' | 'letters';

/** Options of diacritics restoration. */
export interface RestoreOptions {
  /** Damage to repair; `auto` judges it from the text. @defaultValue 'auto' */
  mode?: DamageMode | 'auto';
  /** Edits whose confidence is under this are flagged `lowConfidence` (by restoreText / repairDocument). @defaultValue 0.6 */
  lowConfidenceThreshold?: number;
  /** Move tones to one placement ("hoà" → "hòa"). @defaultValue true */
  normaliseTones?: boolean;
  /** Hypotheses kept per position by the decoder. @defaultValue 20 */
  beamWidth?: number;
}

/** One changed word of a line (columns 1-based, UTF-16). */
export interface WordEdit {
  line: number;
  column: number;
  original: string;
  restored: string;
  confidence: number;
  alternatives: string[];
  reason: 'diacritics' | 'ocr-garble' | 'normalisation';
}

interface Candidate {
  word: string;
  id: number;
  channel: number;
  /** The word as written (chosen → left unchanged but for tone placement). */
  keep?: boolean;
}

interface Slot {
  line: number;
  piece: Piece | null;
  candidates: Candidate[];
  garbled: boolean;
  /** The second boundary token of a pair: certain, so it adds no score. */
  certain?: boolean;
}

const GARBLE_CHARS = new RegExp(`[\\d${GARBLE_SYMBOLS.replace(/[$|]/g, '\\$&')}]`, 'u');
const SENTENCE_END = /[.!?;:]/;
/**
 * Readings this far (nats) behind the best on the left (max-marginal) are left out of an edit's
 * confidence: the right context would have to favour them by e^8 ≈ 3000× to matter.
 */
const POSTERIOR_MARGIN = 8;
/** Hypotheses this far (nats) behind the best are dropped from the beam. */
const BEAM_MARGIN = 8;
/**
 * Hypotheses kept per position. Chosen on held-out literary and Wikipedia paragraphs (docs/vietnamese.md):
 * 10 → 20 gives 3 % fewer errors there at ~1–5 % of the speed; wider gains little more.
 */
const DEFAULT_BEAM_WIDTH = 20;
/** Readings of a garbled word kept for the decoder. */
const MAX_GARBLE_CANDIDATES = 24;
/** Score weight of the garble channel against the language model. */
const CHANNEL_WEIGHT = 0.7;
/** log-probability of leaving a word as it is when it has no good Vietnamese reading. */
const KEEP_LOGP = -9;
/**
 * Score (nats) of an OCR engine's own reading of a doubted word over the other marks on the same
 * letters: the engine is still right more often than not, so the context must clearly prefer another.
 */
const OCR_READING_BONUS = 2;
/**
 * Score (nats) of a reading one letter away from an OCR word whose letters are doubted ("viện" read for
 * "việc", "tàt" for "tài"): with the engine's bonus, the context must prefer it by e^6 ≈ 400×.
 */
const OCR_LETTER_EDIT = -4;
/** Readings one letter away that a letter-doubted OCR word gets at most, the most frequent first. */
const MAX_OCR_LETTER_READINGS = 16;
/** Letters of Vietnamese words (the marks an OCR engine that knows Vietnamese writes). */
const VIETNAMESE_LETTERS = /^[a-zàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]+$/u;

/** True when `a` and `b` differ by at most one substitution, insertion or deletion. */
function levenshteinAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** True when a word looks damaged by OCR (digits or symbols among letters, or impossible marked letters). */
export function looksGarbled(word: string): boolean {
  if (!/\p{L}/u.test(word)) return false;
  if (GARBLE_CHARS.test(word)) return true;
  return /[^a-z]/iu.test(word) && parseSyllable(word) === null;
}

/** The fold-key index: plain spelling → known syllables with that spelling, most frequent first. */
export class SyllableIndex {
  readonly byFold = new Map<string, number[]>();
  /** One-deletion neighbours of each fold key, for edit-distance candidates. */
  readonly deletions = new Map<string, string[]>();

  constructor(model: TrigramModel, minCount = 2) {
    const { words, frequency } = model;
    for (let id = 0; id < words.length; id++) {
      const w = words[id]!;
      if (frequency[id]! < minCount || !parseSyllable(w) || normaliseTonePlacement(w) !== w) continue;
      const key = fold(w);
      const list = this.byFold.get(key) ?? [];
      list.push(id);
      this.byFold.set(key, list);
    }
    for (const list of this.byFold.values()) list.sort((a, b) => frequency[b]! - frequency[a]!);
    for (const key of this.byFold.keys()) {
      const once = deletionsOf(key);
      const all = new Set([...once, ...once.flatMap(deletionsOf)]);
      for (const del of all) {
        const list = this.deletions.get(del) ?? [];
        list.push(key);
        this.deletions.set(del, list);
      }
    }
  }

  /**
   * Fold keys that share a form with `key` after deleting up to `depth` letters from each side: every key
   * within `depth` edits, and a few more, which the channel then scores.
   */
  near(key: string, depth = 1): string[] {
    const out = new Set<string>();
    const forms = new Set([key]);
    let frontier = [key];
    for (let d = 0; d < depth; d++) {
      const next: string[] = [];
      for (const f of frontier) {
        for (const del of deletionsOf(f)) {
          if (forms.has(del)) continue;
          forms.add(del);
          next.push(del);
        }
      }
      frontier = next;
    }
    for (const f of forms) {
      if (this.byFold.has(f)) out.add(f);
      for (const k of this.deletions.get(f) ?? []) out.add(k);
    }
    return [...out];
  }
}

/** Weight (pseudo-count) of the overall Title-case rate in each word's own rate. */
const CASE_PRIOR = 2;

function caseLogProbabilities(model: TrigramModel): { title: Float32Array; lower: Float32Array } | null {
  const { caseTitle, caseLower } = model;
  if (!caseTitle || !caseLower) return null;
  let titles = 0;
  let all = 0;
  for (let i = 0; i < caseTitle.length; i++) {
    titles += caseTitle[i]!;
    all += caseTitle[i]! + caseLower[i]!;
  }
  const rate = (titles + 1) / (all + 2);
  const title = new Float32Array(caseTitle.length);
  const lower = new Float32Array(caseTitle.length);
  for (let i = 0; i < caseTitle.length; i++) {
    const n = caseTitle[i]! + caseLower[i]! + CASE_PRIOR;
    title[i] = Math.log((caseTitle[i]! + CASE_PRIOR * rate) / n);
    lower[i] = Math.log((caseLower[i]! + CASE_PRIOR * (1 - rate)) / n);
  }
  return { title, lower };
}

function deletionsOf(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
}

/** Judges a text's damage from its words. */
export function judgeDamage(lines: string[]): DamageMode {
  let words = 0;
  let marked = 0;
  let garbled = 0;
  for (const line of lines) {
    for (const piece of tokenizeLine(line)) {
      if (piece.kind !== 'word') continue;
      words++;
      if (looksGarbled(piece.text)) garbled++;
      else if (hasVietnameseMark(piece.text)) marked++;
    }
  }
  if (words === 0) return 'clean';
  if (garbled / words >= 0.03) return 'garbled';
  if (marked / words >= 0.2) return 'clean';
  return 'stripped';
}

/**
 * Judges an OCR page: text with Vietnamese marks and few symbol-garbled words came from an engine that
 * knows Vietnamese (`ocr`); otherwise as `judgeDamage` (e.g. an English model's garbling).
 */
export function judgeOcrDamage(lines: string[]): LineMode {
  let words = 0;
  let marked = 0;
  let symbols = 0;
  for (const line of lines) {
    for (const piece of tokenizeLine(line)) {
      if (piece.kind !== 'word') continue;
      words++;
      if (GARBLE_CHARS.test(piece.text)) symbols++;
      else if (hasVietnameseMark(piece.text)) marked++;
    }
  }
  if (words > 0 && marked / words >= 0.2 && symbols / words < 0.03) return 'ocr';
  return judgeDamage(lines);
}

/** Diacritics restoration: candidates per word, a trigram language model, and beam decoding. */
export class Restorer {
  constructor(
    readonly model: TrigramModel,
    readonly lm: LanguageModel,
    readonly index: SyllableIndex,
    readonly channel: GarbleChannel,
  ) {
    this.caseLogp = caseLogProbabilities(model);
    this.boundaryCandidates = [{ word: '', id: model.boundary, channel: 0 }];
    this.commaCandidates = [{ word: ',', id: model.comma, channel: 0 }];
  }

  /**
   * log P(written Title-case | word) and log P(written lower-case | word) inside a sentence, from the
   * model's counts smoothed towards the overall rate: a capital is evidence for names and "Quý", and
   * lower case against them. Null when the model has no case counts.
   */
  private readonly caseLogp: { title: Float32Array; lower: Float32Array } | null;

  private readonly foldCache = new Map<string, Candidate[]>();
  private readonly boundaryCandidates: Candidate[];
  private readonly commaCandidates: Candidate[];

  /** Known syllables written `key` without marks (very rare ones left out). */
  private foldCandidates(key: string): Candidate[] {
    const cached = this.foldCache.get(key);
    if (cached) return cached;
    const ids = this.index.byFold.get(key) ?? [];
    const top = ids.length ? this.model.frequency[ids[0]!]! : 0;
    const out = ids
      .filter((id, i) => i < 2 || this.model.frequency[id]! * 2000 >= top)
      .map((id) => ({ word: this.model.words[id]!, id, channel: 0 }));
    this.foldCache.set(key, out);
    return out;
  }

  /** Known syllables whose plain spelling is one edit from `key` (not `key` itself), most frequent first. */
  private oneLetterAway(key: string): Candidate[] {
    const ids = this.index
      .near(key, 1)
      .filter((near) => near !== key && levenshteinAtMostOne(near, key))
      .flatMap((near) => this.index.byFold.get(near)?.slice(0, 3) ?? []);
    return ids
      .sort((a, b) => this.model.frequency[b]! - this.model.frequency[a]!)
      .slice(0, MAX_OCR_LETTER_READINGS)
      .map((id) => ({ word: this.model.words[id]!, id, channel: OCR_LETTER_EDIT }));
  }

  private readonly garbleCache = new Map<string, Candidate[]>();

  /** Readings of a garbled word: known syllables near its plain skeleton, scored by the channel. */
  private garbleCandidates(lower: string): Candidate[] {
    let cached = this.garbleCache.get(lower);
    if (!cached) {
      cached = this.scoreGarbled(lower);
      if (this.garbleCache.size > 50_000) this.garbleCache.clear();
      this.garbleCache.set(lower, cached);
    }
    return cached;
  }

  private scoreGarbled(lower: string): Candidate[] {
    const skeleton = this.channel.skeletonOf(lower);
    const keys = skeleton.length >= 1 ? this.index.near(skeleton, skeleton.length >= 3 ? 2 : 1) : [];
    const scored: (Candidate & { rank: number })[] = [];
    for (const key of keys) {
      for (const id of this.index.byFold.get(key) ?? []) {
        const word = this.model.words[id]!;
        const channel = CHANNEL_WEIGHT * this.channel.score(word, lower);
        scored.push({ word, id, channel, rank: channel + 0.5 * Math.log(this.model.frequency[id]! + 1) });
      }
    }
    scored.sort((a, b) => b.rank - a.rank);
    const best = scored[0]?.rank ?? -Infinity;
    return scored
      .filter((c, i) => i < MAX_GARBLE_CANDIDATES && c.rank >= best - 14)
      .map(({ word, id, channel }) => ({ word, id, channel }));
  }

  /** Candidates of a word by mode, so repeated words cost one lookup (bounded). */
  private readonly slotCache = new Map<string, { candidates: Candidate[]; garbled: boolean }>();

  private slotFor(piece: Piece, line: number, mode: LineMode, doubt: Doubt, sentenceStart: boolean): Slot {
    if (piece.kind !== 'word') return this.slotForUncached(piece, line, mode, doubt);
    const written = sentenceStart ? null : writtenCase(piece.text);
    const key = mode[0]! + doubt[0]! + (written?.[0] ?? '-') + piece.text;
    let hit = this.slotCache.get(key);
    if (!hit) {
      const slot = this.slotForUncached(piece, line, mode, doubt);
      hit = { candidates: this.withCase(slot.candidates, written), garbled: slot.garbled };
      if (this.slotCache.size > 100_000) this.slotCache.clear();
      this.slotCache.set(key, hit);
    }
    return { line, piece, candidates: hit.candidates, garbled: hit.garbled };
  }

  /** Adds the evidence of how the word was written (Title or lower case inside a sentence). */
  private withCase(candidates: Candidate[], written: TokenCase): Candidate[] {
    // Lower case is left out: most words are written so, and names frequent in one register
    // ("Hội", "Xã" in plans) would otherwise be penalised where they are ordinary words.
    const table = written === 'title' ? this.caseLogp?.title : null;
    if (!table || candidates.length < 2) return candidates;
    return candidates.map((c) => ({ ...c, channel: c.channel + table[c.id]! }));
  }

  private slotForUncached(piece: Piece, line: number, mode: LineMode, doubt: Doubt): Slot {
    const text = piece.text;
    const fixed = (id: number): Slot => ({
      line,
      piece,
      candidates: [{ word: text, id, channel: 0 }],
      garbled: false,
    });
    if (piece.kind === 'number') return fixed(this.model.number);
    // A document symbol starting with its number ("3520/KH-SYT") reads in training as <num> + letters.
    if (piece.kind === 'protected') return fixed(/^\d/.test(text) ? this.model.number : this.model.unk);
    const lower = text.normalize('NFC').toLowerCase();
    const self = this.lm.id(modelWord(lower));
    const garbled = looksGarbled(text);
    const ascii = /^[a-z]+$/.test(lower);
    if (mode === 'clean' && !garbled) return fixed(self);
    if (mode === 'ocr' && !GARBLE_CHARS.test(text)) {
      if (doubt === 'none' && !garbled) return fixed(self);
      // Doubted or impossible: the same letters with other marks, the engine's own reading favoured;
      // when the engine doubted the letters of a possible syllable, also readings one letter away (an
      // impossible one goes to the garble channel below, which knows which letters OCR confuses).
      if (VIETNAMESE_LETTERS.test(lower)) {
        const key = fold(lower);
        const readings =
          doubt === 'letters' && !garbled
            ? [...this.foldCandidates(key), ...this.oneLetterAway(key)]
            : this.foldCandidates(key);
        if (readings.length) {
          const written = normaliseTonePlacement(lower);
          const own = readings.findIndex((c) => c.word === written);
          const candidates = readings.map((c, i) =>
            i === own ? { ...c, channel: OCR_READING_BONUS, keep: true } : c,
          );
          if (own < 0 && !garbled)
            candidates.push({ word: text, id: self, channel: OCR_READING_BONUS, keep: true });
          return { line, piece, candidates, garbled: false };
        }
      }
      if (!garbled) return fixed(self);
    }
    if (mode === 'stripped' && !garbled) {
      if (!ascii) return fixed(self);
      const c = this.foldCandidates(lower);
      return c.length ? { line, piece, candidates: c, garbled: false } : fixed(self);
    }
    // Garbled text, or a garbled word: the channel proposes readings; keeping the word stays possible.
    const c = this.garbleCandidates(lower);
    if (c.length === 0) return fixed(self);
    const keep = parseSyllable(lower) ? null : { word: text, id: self, channel: KEEP_LOGP, keep: true };
    return { line, piece, candidates: keep ? [...c, keep] : c, garbled: true };
  }

  /**
   * Restores the words of `lines` (line N out = line N in) and lists what changed. The damage is judged
   * on all lines unless `options.mode` says it, or `lineModes` gives it line by line (e.g. per page).
   */
  restoreLines(
    lines: string[],
    options: RestoreOptions = {},
    lineModes?: LineMode[],
    suspects?: (SuspectSpans | undefined)[],
  ): { lines: string[]; edits: WordEdit[]; mode: DamageMode } {
    const mode = !options.mode || options.mode === 'auto' ? judgeDamage(lines) : options.mode;
    const modeOf = (line: number): LineMode =>
      (!options.mode || options.mode === 'auto' ? lineModes?.[line] : undefined) ?? mode;
    const beam = options.beamWidth ?? DEFAULT_BEAM_WIDTH;
    const normalise = options.normaliseTones ?? true;
    const boundary = this.model.boundary;
    const boundarySlot = (line: number): Slot => ({
      line,
      piece: null,
      candidates: this.boundaryCandidates,
      garbled: false,
    });

    // A sentence boundary is order − 1 boundary tokens, as in training: the next sentence starts
    // after boundaries alone, independent of the last one; all but the first are certain.
    const run = this.model.order - 1;
    const slots: Slot[] = [];
    const pushBoundary = (line: number): void => {
      if (slots.length && slots[slots.length - 1]!.candidates[0]!.id === boundary) return;
      slots.push(boundarySlot(line));
      for (let k = 1; k < run; k++) slots.push({ ...boundarySlot(line), certain: true });
    };
    pushBoundary(0);
    let prevEndedSentence = true;
    lines.forEach((text, lineIndex) => {
      const pieces = tokenizeLine(text);
      const first = pieces[0];
      if (!prevEndedSentence && first && /^[\p{Lu}\d•\-–*+]/u.test(first.text)) pushBoundary(lineIndex);
      if (pieces.length) prevEndedSentence = false;
      for (const piece of pieces) {
        if (piece.kind === 'punct') {
          if (SENTENCE_END.test(piece.text)) {
            pushBoundary(lineIndex);
            prevEndedSentence = true;
          } else if (piece.text.includes(',')) {
            slots.push({
              line: lineIndex,
              piece: null,
              candidates: this.commaCandidates,
              garbled: false,
            });
          }
          continue;
        }
        prevEndedSentence = false;
        const span = suspects?.[lineIndex]?.find(
          (s) => piece.start < s.end && piece.start + piece.text.length > s.start,
        );
        const doubt: Doubt = span ? (span.letters ? 'letters' : 'marks') : 'none';
        const sentenceStart = slots[slots.length - 1]!.candidates[0]!.id === boundary;
        slots.push(this.slotFor(piece, lineIndex, modeOf(lineIndex), doubt, sentenceStart));
      }
    });
    pushBoundary(lines.length);

    const offsets = new Int32Array(slots.length + 1);
    for (let i = 0; i < slots.length; i++) offsets[i + 1] = offsets[i]! + slots[i]!.candidates.length;
    const marginals = new Float64Array(offsets[slots.length]!);
    const choice = this.decode(slots, beam, marginals, offsets);
    const out = [...lines];
    const edits: WordEdit[] = [];
    // Changed lines are rebuilt left to right as slots come in reading order (one line at a time).
    let lineAt = -1;
    let built = '';
    let copied = 0;
    const finishLine = (): void => {
      if (lineAt >= 0) out[lineAt] = built + lines[lineAt]!.slice(copied);
    };
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      const piece = slot.piece;
      if (!piece || piece.kind !== 'word') continue;
      const picked = slot.candidates[choice[i]!]!;
      const kept = picked.keep === true || (slot.candidates.length === 1 && picked.word === piece.text);
      let restored = kept ? piece.text : applyCase(picked.word, piece.text);
      // Model words already carry the normalised tone placement; words kept as written may not.
      if (normalise && kept) restored = normaliseTonePlacement(restored);
      if (restored === piece.text) continue;
      const local =
        slot.candidates.length > 1
          ? this.localPosterior(slots, choice, i, marginals, offsets[i]!)
          : [{ word: restored, p: 1 }];
      const confidence = local.find((x) => x.word === picked.word)?.p ?? 1;
      const alternatives = local
        .filter((x) => x.word !== picked.word && x.p >= 0.01)
        .slice(0, 3)
        .map((x) => (x.word === piece.text ? x.word : applyCase(x.word, piece.text)));
      const reason = kept ? 'normalisation' : slot.garbled ? 'ocr-garble' : 'diacritics';
      edits.push({
        line: slot.line + 1,
        column: piece.start + 1,
        original: piece.text,
        restored,
        confidence: Math.round(confidence * 1000) / 1000,
        alternatives,
        reason,
      });
      if (slot.line !== lineAt) {
        finishLine();
        lineAt = slot.line;
        built = '';
        copied = 0;
      }
      built += lines[lineAt]!.slice(copied, piece.start) + restored;
      copied = piece.start + piece.text.length;
    }
    finishLine();
    return { lines: out, edits, mode };
  }

  /**
   * Beam search over states of the last words (two for a trigram model, three for a 4-gram model);
   * returns the chosen candidate index per slot.
   */
  private decode(slots: Slot[], beam: number, marginals: Float64Array, offsets: Int32Array): number[] {
    const lm = this.lm;
    const fast = lm === this.model ? this.model : null;
    const four = this.model.order === 4;
    const B = this.model.boundary;
    let p3 = new Int32Array(beam).fill(B);
    let p2 = new Int32Array(beam).fill(B);
    let p1 = new Int32Array(beam).fill(B);
    let score = new Float64Array(beam);
    let states = 1;
    let nP3 = new Int32Array(beam);
    let nP2 = new Int32Array(beam);
    let nP1 = new Int32Array(beam);
    let nScore = new Float64Array(beam);
    const backs = new Int32Array(slots.length * beam);
    const cands = new Int32Array(slots.length * beam);
    const groupOf = new Int32Array(beam);
    const lmGroup = new Int32Array(beam);
    const mergeP1 = new Int32Array(beam);
    const uniP1 = new Int32Array(beam);
    const p1Of = new Int32Array(beam);
    const bigramOf = new Float64Array(beam);
    const groupP1 = new Int32Array(beam);
    const groupP2 = new Int32Array(beam);
    const groupCtx = new Int32Array(beam);
    const groupBow = new Float64Array(beam);
    // Each state carries the index of its last three words as a stored trigram (-1: none), found
    // when the state was made, so a 4-gram model needs no lookup to use it as a context.
    let tri = new Int32Array(beam).fill(-1);
    let nTri = new Int32Array(beam);
    const triBow = new Float64Array(beam);
    const lower = new Float64Array(beam);
    const triOfGroup = new Int32Array(beam).fill(-1);
    let cap = 64;
    let tScore = new Float64Array(cap);
    let tP3 = new Int32Array(cap);
    let tP2 = new Int32Array(cap);
    let tBack = new Int32Array(cap);
    let tCand = new Int32Array(cap);
    let tTri = new Int32Array(cap);
    let live = new Int32Array(cap);
    for (let slotIndex = 0; slotIndex < slots.length; slotIndex++) {
      const candidates = slots[slotIndex]!.candidates;
      const certain = slots[slotIndex]!.certain === true;
      // Words read through the garble channel are scored at the trigram level: the channel's weight
      // was calibrated against it, and a 4-gram's sharper context overrules its evidence ("v4i" → về).
      const useFour = four && !slots[slotIndex]!.garbled;
      // lmGroup: states with the same last two words share trigram-level probabilities.
      // mergeGroup: states the model can no longer tell apart after the next word merge.
      let L = 0;
      let G = 0;
      let U = 0;
      for (let si = 0; si < states; si++) {
        let l = 0;
        while (l < L && !(groupP1[l] === p1[si] && groupP2[l] === p2[si])) l++;
        if (l === L) {
          groupP1[L] = p1[si]!;
          groupP2[L] = p2[si]!;
          if (fast) {
            groupCtx[L] = fast.context(p2[si]!, p1[si]!);
            groupBow[L] = fast.contextBackoff(groupCtx[L]!);
          }
          let u = 0;
          while (u < U && uniP1[u] !== p1[si]) u++;
          if (u === U) uniP1[U++] = p1[si]!;
          p1Of[L] = u;
          L++;
        }
        lmGroup[si] = l;
        if (four) {
          groupOf[si] = l;
          if (fast && useFour) triBow[si] = fast.trigramBackoff(tri[si]!);
        } else {
          let g = 0;
          while (g < G && mergeP1[g] !== p1[si]) g++;
          if (g === G) mergeP1[G++] = p1[si]!;
          groupOf[si] = g;
        }
      }
      if (four) G = L;
      const size = candidates.length * G;
      if (size > cap) {
        cap = size * 2;
        tScore = new Float64Array(cap);
        tP3 = new Int32Array(cap);
        tP2 = new Int32Array(cap);
        tBack = new Int32Array(cap);
        tCand = new Int32Array(cap);
        tTri = new Int32Array(cap);
        live = new Int32Array(cap);
      }
      tScore.fill(-Infinity, 0, size);
      for (let ci = 0; ci < candidates.length; ci++) {
        const c = candidates[ci]!;
        const id = c.id;
        if (fast) {
          // The trigram-level probability depends only on the group (p2, p1) and the word.
          bigramOf.fill(NaN, 0, U);
          for (let l = 0; l < L; l++) {
            const index = fast.trigramIndex(groupCtx[l]!, id);
            triOfGroup[l] = index;
            let lp = index < 0 ? NaN : fast.trigramLogp(index);
            if (lp !== lp) {
              const u = p1Of[l]!;
              if (bigramOf[u] !== bigramOf[u]) bigramOf[u] = fast.bigramProb(uniP1[u]!, id);
              lp = groupBow[l]! + bigramOf[u]!;
            }
            lower[l] = lp;
          }
        }
        for (let si = 0; si < states; si++) {
          const g = groupOf[si]!;
          let lp: number;
          if (certain) lp = 0;
          else if (fast) {
            // A stored 4-gram always has its last three words stored as a trigram (see lm/build.ts).
            lp = useFour && triOfGroup[lmGroup[si]!]! >= 0 ? fast.quadgram(tri[si]!, id) : NaN;
            if (lp !== lp) lp = (useFour ? triBow[si]! : 0) + lower[lmGroup[si]!]!;
          } else if (useFour && lm.logProb4) lp = lm.logProb4(p3[si]!, p2[si]!, p1[si]!, id);
          else lp = lm.logProb(p2[si]!, p1[si]!, id);
          const value = score[si]! + lp + c.channel;
          const k = ci * G + g;
          if (tScore[k]! < value) {
            tScore[k] = value;
            tP3[k] = p2[si]!;
            tP2[k] = p1[si]!;
            tBack[k] = si;
            tCand[k] = ci;
            tTri[k] = triOfGroup[lmGroup[si]!]!;
          }
        }
      }
      // Best score of each candidate over all states (the left max-marginal), for edit confidence.
      const off = offsets[slotIndex]!;
      let top = -Infinity;
      for (let ci = 0; ci < candidates.length; ci++) {
        let m = -Infinity;
        for (let g = 0, k = ci * G; g < G; g++, k++) if (tScore[k]! > m) m = tScore[k]!;
        marginals[off + ci] = m;
        if (m > top) top = m;
      }
      // Keep the best `beam` new states within the margin: the survivors of the margin are listed
      // first; only when they are more than `beam` are the best chosen (by repeated max; beam is small).
      const floor = top - BEAM_MARGIN;
      let alive = 0;
      for (let k = 0; k < size; k++) if (tScore[k]! >= floor) live[alive++] = k;
      let kept = 0;
      const base = slotIndex * beam;
      while (kept < beam && kept < alive) {
        let best = -1;
        if (alive <= beam) best = live[kept]!;
        else {
          let bestScore = -Infinity;
          for (let a = 0; a < alive; a++) {
            const k = live[a]!;
            if (tScore[k]! > bestScore) {
              bestScore = tScore[k]!;
              best = k;
            }
          }
        }
        nP3[kept] = tP3[best]!;
        nP2[kept] = tP2[best]!;
        nP1[kept] = candidates[tCand[best]!]!.id;
        nTri[kept] = tTri[best]!;
        nScore[kept] = tScore[best]!;
        backs[base + kept] = tBack[best]!;
        cands[base + kept] = tCand[best]!;
        tScore[best] = -Infinity;
        kept++;
      }
      [p3, nP3] = [nP3, p3];
      [p2, nP2] = [nP2, p2];
      [p1, nP1] = [nP1, p1];
      [tri, nTri] = [nTri, tri];
      [score, nScore] = [nScore, score];
      states = kept;
    }
    let best = 0;
    for (let i = 1; i < states; i++) if (score[i]! > score[best]!) best = i;
    const choice = new Array<number>(slots.length);
    for (let i = slots.length - 1; i >= 0; i--) {
      choice[i] = cands[i * beam + best]!;
      best = backs[i * beam + best]!;
    }
    return choice;
  }

  /** log P(c | b w) + log P(d | w c): how the next two chosen words follow a reading w. */
  private rightContext(b: number, w: number, c: number, d: number): number {
    const B = this.model.boundary;
    if (this.lm !== this.model)
      return this.lm.logProb(b, w, c) + (c === B && d === B ? 0 : this.lm.logProb(w, c, d));
    // The bigram (w, c) is the backoff of the first and the context of the second: found once.
    const m = this.model;
    const wc = m.context(w, c);
    const bw = m.context(b, w);
    let first = m.trigram(bw, c);
    if (first !== first) first = m.contextBackoff(bw) + m.bigramAt(wc, w, c);
    if (c === B && d === B) return first;
    let second = m.trigram(wc, d);
    if (second !== second) second = m.contextBackoff(wc) + m.bigramProb(c, d);
    return first + second;
  }

  /** Scratch scores of `localPosterior`. */
  private scores = new Float64Array(64);

  /**
   * Posterior of each candidate at slot i, best first: the decoder's best score of the candidate over
   * all left contexts (its max-marginal) plus the next two chosen words as right context.
   */
  private localPosterior(
    slots: Slot[],
    choice: number[],
    i: number,
    marginals: Float64Array,
    off: number,
  ): { word: string; p: number }[] {
    const B = this.model.boundary;
    const b = i >= 1 ? slots[i - 1]!.candidates[choice[i - 1]!]!.id : B;
    const c = i + 1 < slots.length ? slots[i + 1]!.candidates[choice[i + 1]!]!.id : B;
    const d = i + 2 < slots.length ? slots[i + 2]!.candidates[choice[i + 2]!]!.id : B;
    const candidates = slots[i]!.candidates;
    const chosen = choice[i]!;
    let leftMax = -Infinity;
    for (let k = 0; k < candidates.length; k++)
      if (marginals[off + k]! > leftMax) leftMax = marginals[off + k]!;
    // Readings already far behind on the left keep (almost) no mass: skip their right context.
    let rivals = 0;
    for (let k = 0; k < candidates.length; k++)
      if (k !== chosen && marginals[off + k]! >= leftMax - POSTERIOR_MARGIN) rivals++;
    if (rivals === 0) return [{ word: candidates[chosen]!.word, p: 1 }];
    if (this.scores.length < candidates.length) this.scores = new Float64Array(candidates.length * 2);
    const scores = this.scores;
    let max = -Infinity;
    for (let k = 0; k < candidates.length; k++) {
      const m = marginals[off + k]!;
      if (m < leftMax - POSTERIOR_MARGIN && k !== chosen) {
        scores[k] = -Infinity;
        continue;
      }
      const w = candidates[k]!.id;
      scores[k] = m + this.rightContext(b, w, c, d);
      if (scores[k]! > max) max = scores[k]!;
    }
    let total = 0;
    for (let k = 0; k < candidates.length; k++) total += Math.exp(scores[k]! - max);
    const out: { word: string; p: number }[] = [];
    for (let k = 0; k < candidates.length; k++) {
      const p = Math.exp(scores[k]! - max) / total;
      if (p >= 0.01 || k === chosen) out.push({ word: candidates[k]!.word, p });
    }
    return out.sort((x, y) => y.p - x.p);
  }
}
