import type { z } from 'zod';
import type { FieldIssue } from '../../shared/errors';

/**
 * Maps zod's issues to the keys of the `validation` namespace. Our schemas name their own keys
 * (`v:<key>`); anything else (wrong types sent through the API) gets a generic key by issue code.
 */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.message.startsWith('v:')) {
      const key = issue.message.slice(2);
      const max = 'maximum' in issue ? Number(issue.maximum) : undefined;
      return max !== undefined && Number.isFinite(max) ? { path, key, params: { max } } : { path, key };
    }
    switch (issue.code) {
      case 'invalid_type':
        // zod does not keep the input on issues; its message says what was received.
        return { path, key: /received undefined/.test(issue.message) ? 'required' : 'invalidType' };
      case 'too_big':
        return { path, key: issue.origin === 'array' ? 'tooMany' : 'tooLong', params: { max: Number(issue.maximum) } };
      case 'too_small':
        return { path, key: issue.origin === 'string' && Number(issue.minimum) === 1 ? 'required' : 'tooShort' };
      case 'invalid_value':
      case 'invalid_union':
        return { path, key: 'invalidChoice' };
      case 'unrecognized_keys':
        return { path: [...path, ...(issue.keys[0] !== undefined ? [issue.keys[0]] : [])], key: 'unknownField' };
      case 'invalid_format':
        return { path, key: issue.format === 'email' ? 'email' : 'invalid' };
      default:
        return { path, key: 'invalid' };
    }
  });
}
