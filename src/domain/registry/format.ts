/** The format tag every source document carries; a change to the format gets a new version. */
export const DOCUMENT_FORMAT = 'officials-graph/source-document@1';
