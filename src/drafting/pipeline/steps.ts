/**
 * A count of the drafter's elementary steps: a word, a title, a person or a character looked at. The tests that
 * hold every pass linear in the text read it; drafting for real passes none.
 */
export interface Steps {
  count: number;
}
