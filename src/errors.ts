import { GraphQLError } from 'graphql';

/** The codes a client may branch on; they are part of the API contract (extensions.code). */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** The operation's estimated size is over a limit (depth, aliases, cost): refused before anything runs. */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** The answer turned out larger than a request may read (list items) or receive (bytes): narrow the query. */
  RESULT_TOO_LARGE = 'RESULT_TOO_LARGE',
  INVALID_DOCUMENT = 'INVALID_DOCUMENT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
  /** A draft ran past its time limit and was stopped. */
  DRAFT_TIMEOUT = 'DRAFT_TIMEOUT',
  /** The NLP server (CoreNLP) could not be reached or started, or answered with an error: nothing was annotated. */
  NLP_UNAVAILABLE = 'NLP_UNAVAILABLE',
  /** The NLP server took longer than the annotation's time limit. */
  NLP_TIMEOUT = 'NLP_TIMEOUT',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** An error whose message is meant for the user; everything else is masked before it leaves the server. */
export class AppError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
    this.code = code;
    this.name = 'AppError';
  }
}
