import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder } from '../../../../knowledge/embedders/create-embedder.ts';
import { TransformersEmbedder } from '../../../../knowledge/embedders/transformers-embedder.ts';
import { expectedTinyEmbedding, writeTinyModel, type TinyModel } from '../../../helpers/onnx-tiny-model.ts';

let parent: string;
let model: TinyModel;

beforeAll(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'daoban-model-'));
  model = await writeTinyModel(parent);
});

afterAll(async () => {
  await rm(parent, { recursive: true, force: true });
});

describe('TransformersEmbedder with a generated ONNX model', () => {
  it('reads its dimensions from config.json without loading the model', () => {
    const embedder = new TransformersEmbedder({ modelPath: model.folder });
    expect(embedder.dimensions).toBe(model.hiddenSize);
    expect(embedder.id).toBe('transformers:tiny-zh-embedder');
  });

  it('mean-pools and normalises token vectors, ignoring padding and unknown characters alike', async () => {
    const embedder = await createEmbedder({ kind: 'transformers', modelPath: model.folder });
    // Texts of different lengths are padded in one batch; the mask must keep padding out of the mean.
    const texts = ['社保卡', '结婚登记办理', '护照x'];
    const vectors = await embedder.embedDocuments(texts);
    vectors.forEach((vector, index) => {
      const expected = expectedTinyEmbedding(model, texts[index]);
      vector.forEach((value, dimension) => expect(value).toBeCloseTo(expected[dimension], 5));
    });
    const query = await embedder.embedQuery('社保卡');
    query.forEach((value, dimension) => expect(value).toBeCloseTo(vectors[0][dimension], 6));
  });

  it('names the folder when the model folder is missing', () => {
    const missing = path.join(parent, 'no-such-model');
    expect(() => new TransformersEmbedder({ modelPath: missing })).toThrow(
      expect.objectContaining({ code: 'EMBEDDER_MODEL_MISSING', message: expect.stringContaining(missing) }),
    );
  });

  it('names the missing weights file on first use, without reaching for a model hub', async () => {
    const incomplete = await writeTinyModel(parent, 'incomplete');
    await rm(path.join(incomplete.folder, 'onnx'), { recursive: true });
    const embedder = new TransformersEmbedder({ modelPath: incomplete.folder });
    await expect(embedder.embedQuery('社保卡')).rejects.toMatchObject({
      code: 'EMBEDDER_MODEL_MISSING',
      message: expect.stringContaining(path.join('onnx', 'model.onnx')),
    });
  });
});
