import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VnplanError } from '../errors/index.js';
import { DICTIONARIES_DIR } from '../paths.js';
import { GarbleChannel, type ChannelCounts } from './channel.js';
import { TrigramModel, type LanguageModel } from './lm/model.js';
import { OverlayModel } from './lm/overlay.js';
import { Restorer, SyllableIndex } from './restorer.js';

export const MODEL_FILE = 'vi-syllable-lm.bin.gz';
export const CHANNEL_FILE = 'ocr-channel.json';
/** The overlay model inside a learn folder. */
export const OVERLAY_MODEL_FILE = 'overlay.lm.gz';

function readDictionary(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new VnplanError('VNPLAN_E_DICTIONARY_MISSING', { detail: path }, { cause: error });
  }
}

/** Loads a restorer from model files (the committed ones by default), optionally with an overlay folder. */
export function loadRestorer(
  options: { modelPath?: string; channelPath?: string; overlayDir?: string } = {},
): Restorer {
  const modelPath = options.modelPath ?? join(DICTIONARIES_DIR, MODEL_FILE);
  const channelPath = options.channelPath ?? join(DICTIONARIES_DIR, CHANNEL_FILE);
  let model: TrigramModel;
  let channel: GarbleChannel;
  try {
    model = new TrigramModel(readDictionary(modelPath));
    channel = new GarbleChannel(JSON.parse(readDictionary(channelPath).toString('utf8')) as ChannelCounts);
  } catch (error) {
    if (error instanceof VnplanError) throw error;
    throw new VnplanError(
      'VNPLAN_E_DICTIONARY_MISSING',
      { detail: `${modelPath}: ${String(error)}` },
      { cause: error },
    );
  }
  let lm: LanguageModel = model;
  const overlayPath = options.overlayDir ? join(options.overlayDir, OVERLAY_MODEL_FILE) : undefined;
  if (overlayPath && existsSync(overlayPath))
    lm = new OverlayModel(model, new TrigramModel(readDictionary(overlayPath)));
  return new Restorer(model, lm, new SyllableIndex(model), channel);
}

const shared = new Map<string, Restorer>();

/** The restorer for an overlay folder (or none), loaded once per process and shared. */
export function sharedRestorer(overlayDir?: string): Restorer {
  const key = overlayDir ?? '';
  let restorer = shared.get(key);
  if (!restorer) {
    restorer = loadRestorer({ overlayDir });
    shared.set(key, restorer);
  }
  return restorer;
}

/** Forgets loaded restorers (after `learn` rebuilt an overlay). */
export function resetSharedRestorers(): void {
  shared.clear();
}
