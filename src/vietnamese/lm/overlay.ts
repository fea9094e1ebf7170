import type { LanguageModel, TrigramModel } from './model.js';

/**
 * The base model mixed with a small local model of an archive's own clean documents:
 * P = (1 − λ)·P_base + λ·P_overlay. Word ids are the base model's, then overlay-only words.
 */
export class OverlayModel implements LanguageModel {
  private readonly toOverlay: Int32Array;
  private readonly extra = new Map<string, number>();
  private readonly extraToOverlay: number[] = [];
  private readonly logBase: number;
  private readonly logOverlay: number;

  constructor(
    private readonly base: TrigramModel,
    private readonly overlay: TrigramModel,
    weight = 0.25,
  ) {
    this.toOverlay = new Int32Array(base.words.length);
    base.words.forEach((w, i) => (this.toOverlay[i] = overlay.id(w)));
    overlay.words.forEach((w, i) => {
      if (base.id(w) === base.unk && w !== base.words[base.unk]) {
        this.extra.set(w, base.words.length + this.extraToOverlay.length);
        this.extraToOverlay.push(i);
      }
    });
    this.logBase = Math.log(1 - weight);
    this.logOverlay = Math.log(weight);
  }

  id(word: string): number {
    return this.extra.get(word) ?? this.base.id(word);
  }

  private overlayId(id: number): number {
    return id < this.toOverlay.length
      ? this.toOverlay[id]!
      : this.extraToOverlay[id - this.toOverlay.length]!;
  }

  private baseId(id: number): number {
    return id < this.toOverlay.length ? id : this.base.unk;
  }

  logProb(w1: number, w2: number, w3: number): number {
    return this.mix(this.base.logProb(this.baseId(w1), this.baseId(w2), this.baseId(w3)), w1, w2, w3);
  }

  /** A 4-gram base model's own 4-gram probability, mixed with the overlay's trigram. */
  logProb4(w0: number, w1: number, w2: number, w3: number): number {
    const base =
      this.base.order === 4
        ? this.base.logProb4(this.baseId(w0), this.baseId(w1), this.baseId(w2), this.baseId(w3))
        : this.base.logProb(this.baseId(w1), this.baseId(w2), this.baseId(w3));
    return this.mix(base, w1, w2, w3);
  }

  private mix(baseLogp: number, w1: number, w2: number, w3: number): number {
    const a = this.logBase + baseLogp;
    const b =
      this.logOverlay + this.overlay.logProb(this.overlayId(w1), this.overlayId(w2), this.overlayId(w3));
    const max = Math.max(a, b);
    return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
  }
}
