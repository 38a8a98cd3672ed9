import { AppError, ErrorCode } from '../errors.js';
import { type Annotation, DRAFT_ANNOTATORS } from './annotation.js';

/** How long one report's annotation may take, unless the caller says otherwise. */
export const ANNOTATE_TIMEOUT_MS = 60_000;

export interface AnnotateOptions {
  /** Past this the request is abandoned with NLP_TIMEOUT; the server is told the same limit, so it stops too. */
  timeoutMs?: number;
  /** Further CoreNLP properties for this report (how sentences split, coreference bounds); never the annotators or format. */
  properties?: Record<string, string>;
}

/** A server to send annotations to, and what to tell the user when nothing answers there. */
export interface NlpEndpoint {
  url: string;
  /** The sentence that ends the NLP_UNAVAILABLE message: how to start the server or name another. */
  remedy: string;
}

const PUBLISHED = /^\d{4}-\d{2}-\d{2}$/;

/** Throws BAD_USER_INPUT naming `published` unless it is null or YYYY-MM-DD. */
export function assertPublished(published: string | null): void {
  if (published !== null && !PUBLISHED.test(published)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `published must be a date YYYY-MM-DD, got "${published}"`, { argument: 'published' });
  }
}

/**
 * The request's CoreNLP properties. `date` is the document date SUTime resolves relative dates against ("on
 * Wednesday" in a report published on a Friday is that week's Wednesday); the server sets it on the document before
 * the pipeline runs, and SUTime takes it since nothing else names one (its own search for a date in the text is off
 * by default). Noon, so that no time zone moves the day. Without `date`, a weekday stays unresolved (XXXX-WXX-3).
 * `ner.docdate.*` would also set it, but belongs to the NER annotator's signature: each new date would load NER anew.
 */
export function annotationProperties(
  published: string | null,
  timeoutMs: number,
  properties: Record<string, string> = {},
): Record<string, string> {
  return {
    ...properties,
    annotators: DRAFT_ANNOTATORS,
    outputFormat: 'json',
    ...(published === null ? {} : { date: `${published}T12:00:00` }),
    timeout: String(timeoutMs),
  };
}

/** The annotation request's URL: the server's root (or its URI context) with the properties as JSON. */
export function annotationUrl(
  serverUrl: string,
  published: string | null,
  timeoutMs: number,
  properties: Record<string, string> = {},
): string {
  const url = new URL(serverUrl);
  url.searchParams.set('properties', JSON.stringify(annotationProperties(published, timeoutMs, properties)));
  return url.href;
}

function timedOut(endpoint: NlpEndpoint, timeoutMs: number): AppError {
  return new AppError(ErrorCode.NLP_TIMEOUT, `The NLP server at ${endpoint.url} took longer than ${timeoutMs} ms to annotate the text`, {
    timeoutMs,
  });
}

function unreachable(endpoint: NlpEndpoint, error: unknown): AppError {
  // fetch says "fetch failed"; what failed (ECONNREFUSED, ENOTFOUND, …) is its cause.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const said = cause instanceof Error ? cause.message || (cause as { code?: string }).code || cause.name : String(cause);
  return new AppError(ErrorCode.NLP_UNAVAILABLE, `No NLP server answers at ${endpoint.url} (${said}). ${endpoint.remedy}`);
}

/**
 * Annotates one report with one POST: tokens, sentences, POS, lemmas, entity mentions with SUTime dates (resolved
 * against `published`, YYYY-MM-DD, when given), dependencies and coreference chains. Throws BAD_USER_INPUT for a
 * `published` that is not YYYY-MM-DD, NLP_TIMEOUT past the time limit (the client's or the server's), and
 * NLP_UNAVAILABLE when nothing answers at the endpoint or it answers anything but an annotation (naming the HTTP status).
 */
export async function annotateAt(
  endpoint: NlpEndpoint,
  text: string,
  published: string | null,
  options: AnnotateOptions = {},
): Promise<Annotation> {
  assertPublished(published);
  const timeoutMs = options.timeoutMs ?? ANNOTATE_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  let body: string;
  try {
    response = await fetch(annotationUrl(endpoint.url, published, timeoutMs, options.properties), {
      method: 'POST',
      // Anything but text/plain is URL-decoded by the server: a "%" or "+" in the report would change its text.
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: text,
      signal,
    });
    body = await response.text();
  } catch (error) {
    if (signal.aborted) throw timedOut(endpoint, timeoutMs);
    throw unreachable(endpoint, error);
  }
  if (response.status !== 200) {
    // The server's own time limit answers 500 with this sentence.
    if (body.startsWith('CoreNLP request timed out')) throw timedOut(endpoint, timeoutMs);
    const said = body.split('\n')[0]!.slice(0, 200);
    throw new AppError(ErrorCode.NLP_UNAVAILABLE, `The NLP server at ${endpoint.url} answered HTTP ${response.status}: ${said}`, {
      status: response.status,
    });
  }
  const annotation = parseAnnotation(body);
  if (!annotation)
    throw new AppError(ErrorCode.NLP_UNAVAILABLE, `The server at ${endpoint.url} answered something other than an annotation`);
  return annotation;
}

function parseAnnotation(body: string): Annotation | undefined {
  try {
    const value = JSON.parse(body) as Partial<Annotation> | null;
    return value && Array.isArray(value.sentences) && value.corefs && typeof value.corefs === 'object' ? (value as Annotation) : undefined;
  } catch {
    return undefined;
  }
}
