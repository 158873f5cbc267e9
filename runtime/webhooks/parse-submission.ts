import type { IncomingHttpHeaders } from 'node:http';
import busboy from 'busboy';
import type { SubmittedFields } from '../../nodes/webhook/form/submission-fields.ts';
import { badSubmission, unsupportedMedia } from './webhook-errors.ts';

/** The body formats a form may be sent in. */
export type SubmissionFormat = 'urlencoded' | 'multipart' | 'json';

const FORMATS: Record<string, SubmissionFormat> = {
  'application/x-www-form-urlencoded': 'urlencoded',
  'multipart/form-data': 'multipart',
  'application/json': 'json',
};

/**
 * The format of a request's Content-Type, or a 415 error naming the accepted ones.
 * @example submissionFormat('application/json; charset=utf-8') // 'json'
 */
export function submissionFormat(contentType: string | undefined): SubmissionFormat {
  const format = FORMATS[(contentType ?? '').split(';')[0].trim().toLowerCase()];
  if (format) return format;
  const got = contentType ? `"${contentType.split(';')[0].trim()}"` : 'no content type';
  throw unsupportedMedia(`This form takes application/x-www-form-urlencoded, multipart/form-data or application/json, not ${got}.`);
}

/** Adds a value; a name sent more than once (checkboxes) collects its values in an array. */
function addField(fields: SubmittedFields, name: string, value: string): void {
  const previous = Object.hasOwn(fields, name) ? fields[name] : undefined;
  const next = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  Object.defineProperty(fields, name, { value: next, enumerable: true, writable: true, configurable: true });
}

function parseUrlencoded(body: Buffer): SubmittedFields {
  const fields: SubmittedFields = {};
  for (const [name, value] of new URLSearchParams(body.toString('utf8'))) addField(fields, name, value);
  return fields;
}

function parseJson(body: Buffer): SubmittedFields {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw badSubmission('The body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badSubmission(`Send one JSON object of fields, not ${Array.isArray(value) ? 'an array' : 'a single value'}.`);
  }
  return value as SubmittedFields;
}

function parseMultipart(body: Buffer, headers: IncomingHttpHeaders): Promise<SubmittedFields> {
  return new Promise((resolve, reject) => {
    const fields: SubmittedFields = {};
    const files: string[] = [];
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers, limits: { fieldSize: body.length + 1 } });
    } catch (error) {
      return reject(badSubmission(`The multipart body cannot be read: ${(error as Error).message}.`));
    }
    parser.on('field', (name, value) => addField(fields, name, value));
    parser.on('file', (name, stream, info) => {
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
      // An empty file input still sends a part (no file name, no bytes): that is no file.
      stream.on('end', () => {
        if (info.filename || bytes > 0) files.push(name);
      });
    });
    parser.on('error', (error: Error) => reject(badSubmission(`The multipart body cannot be read: ${error.message}.`)));
    parser.on('close', () => {
      if (files.length === 0) return resolve(fields);
      reject(unsupportedMedia(`This form does not accept files (field ${files.map((name) => `"${name}"`).join(', ')}); send text fields only.`));
    });
    parser.end(body);
  });
}

/**
 * The submitted fields of a body: urlencoded and multipart text fields (a repeated name becomes an array),
 * or the members of a JSON object. Bodies are read as UTF-8. A file part is refused with 415.
 */
export async function parseSubmission(format: SubmissionFormat, body: Buffer, headers: IncomingHttpHeaders): Promise<SubmittedFields> {
  if (format === 'urlencoded') return parseUrlencoded(body);
  if (format === 'json') return parseJson(body);
  return parseMultipart(body, headers);
}
