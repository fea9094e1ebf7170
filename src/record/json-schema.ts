import { z } from 'zod';
import { PlanRecord } from './plan-record.js';

/** The JSON Schema of PlanRecord v1, generated from the zod definition. */
export function planRecordJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PlanRecord, { target: 'draft-2020-12', io: 'output' }) as Record<
    string,
    unknown
  >;
  return {
    $id: 'https://vnplan.invalid/schema/plan-record-v1.json',
    title: 'PlanRecord',
    ...schema,
  };
}
