import { describe, expect, it } from 'vitest';
import { parsePromotionTag, parseVersionTag, promotionTag, versionTag } from '../../src/registry/names.ts';
import { championOf, parsePromotionMessage, renderPromotionMessage } from '../../src/registry/promotion-record.ts';
import type { Promotion } from '../../src/registry/types.ts';

describe('tags', () => {
  it.each([
    ['churn', 'churn@v1', 1],
    ['churn', 'churn@v12', 12],
    ['churn', 'churn@v0', null],
    ['churn', 'churn@v01', null],
    ['churn', 'churn-x@v1', null],
    ['a.b', 'axb@v1', null],
    ['a.b', 'a.b@v2', 2],
  ])('model %s, tag %s: version %s', (model, tag, version) => {
    expect(parseVersionTag(model, tag)).toBe(version);
  });

  it.each([
    ['churn', 'churn#production#3', { environment: 'production', sequence: 3 }],
    ['churn', 'churn#staging-eu#10', { environment: 'staging-eu', sequence: 10 }],
    ['churn', 'churn#production', null],
    ['churn', 'churn@v1', null],
  ])('model %s, tag %s: promotion %j', (model, tag, expected) => {
    expect(parsePromotionTag(model, tag)).toEqual(expected);
  });

  it('builds the tags it parses', () => {
    expect(parseVersionTag('m', versionTag('m', 7))).toBe(7);
    expect(parsePromotionTag('m', promotionTag('m', 'prod', 2))).toEqual({ environment: 'prod', sequence: 2 });
  });
});

const record: Promotion = { model: 'churn', environment: 'production', sequence: 2, version: 5, decision: 'approved', approvers: ['bob'], gate: { passed: true, summary: 'auc ok' }, reason: 'weekly: retrain', runUrl: null, actor: 'alice', at: '2026-01-02T03:04:05.000Z' };

describe('promotion records', () => {
  it('round-trip through a tag message that starts with a sentence', () => {
    const message = renderPromotionMessage(record);
    expect(message.split('\n')[0]).toBe('Promote churn v5 to production');
    expect(parsePromotionMessage(message)).toEqual(record);
  });

  it('name the champion: the highest approved sequence of the environment', () => {
    const history = [record, { ...record, sequence: 3, version: 6, decision: 'rejected' as const }, { ...record, sequence: 1, version: 4 }, { ...record, environment: 'staging', sequence: 9, version: 7 }];
    expect(championOf(history, 'production')?.version).toBe(5);
    expect(championOf(history, 'qa')).toBeNull();
  });
});
