/** What the shared code needs to know of a product to speak of it in its messages. */
export interface JvmServer {
  /** The server as the messages name it: "the local Neo4j". */
  name: string;
  /** Its name where the first message about Java introduces it: "the NLP server (CoreNLP)". */
  fullName: string;
  /** What Maven downloads once, and where to: "Neo4j from Maven Central into .neo4j/". */
  download: string;
  /** The way out besides installing what is missing, which ends the sentence: "or set NEO4J_URI to a server of your own". */
  otherwise: string;
  /** The same way out where the sentence has already said enough: "or set NEO4J_URI". */
  otherwiseBriefly: string;
  /** The product's own error, one the user can fix (the CLI prints its message alone, without a stack). */
  error: (message: string) => Error;
}

export type Log = (line: string) => void;
