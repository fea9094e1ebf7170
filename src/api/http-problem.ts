import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { describeIssue } from './api-params.js';

/** An HTTP answer other than 200 that is not a catalogue error: bad parameters, no token, no such thing. */
export class HttpProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

/** Parses a request part with its zod schema; a 400 with the first problem otherwise. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new HttpProblem(400, 'VNPLAN_E_USAGE', describeIssue(result.error));
  return result.data;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '');
  const expected = Buffer.from(token);
  return (
    header !== undefined &&
    /^Bearer\s+/i.test(header) &&
    given.length === expected.length &&
    timingSafeEqual(given, expected)
  );
}

/** Every write route checks the bearer token first. */
export function requireToken(request: FastifyRequest, token: string): void {
  if (!tokenMatches(request.headers.authorization, token))
    throw new HttpProblem(401, 'UNAUTHORIZED', 'a valid bearer token is required to write');
}
