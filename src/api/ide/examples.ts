/**
 * The IDE's opening tabs: the questions analysts ask, written against the seed graph so each answers on a fresh
 * start. A test runs every one of them; keep them answering when the seed changes. Operations are anonymous: GraphiQL
 * 3 keeps the first tab's operation name when another tab opened from defaults runs.
 */
export const IDE_EXAMPLES: readonly { title: string; query: string; variables?: Record<string, unknown> }[] = [
  {
    title: 'Whom did Bekirov meet',
    query: `# Whom did Subhan Bekirov meet, when, where, in what capacity and about what?
{
  counterparts(personId: "person-subhan-bekirov") {
    person { name }
    meetingCount
    encounters {
      meeting { date { value } place { ... on Place { name } ... on Country { name } } topics { label } summary }
      role
      counterpartRole
      counterpartPost { title }
    }
  }
}`,
  },
  {
    title: 'Who held a post',
    query: `# Who held the post of Chief of the Naval Staff of Pakistan in June 2021, and says who?
query ($post: ID!, $asOf: String!) {
  postHolders(postId: $post, asOf: $asOf) {
    person { name }
    start { value }
    attested { value }
    evidence { source { title } paragraph note }
  }
}`,
    variables: { post: 'post-pk-chief-of-naval-staff', asOf: '2021-06' },
  },
  {
    title: 'Hasanov to Bajwa',
    query: `# How are Zakir Hasanov and Qamar Javed Bajwa connected? Each hop in words, with its sources.
{
  connections(from: "person-zakir-hasanov", to: "person-qamar-javed-bajwa", maxHops: 4) {
    length
    hops { explanation evidence { source { title } paragraph } }
  }
}`,
  },
  {
    title: 'Country facts',
    query: `# Pakistan's relations with other countries, and Azerbaijan's trade figures.
{
  pakistan: country(id: "PK") {
    name
    relations { kind towards { name } date { value } summary }
  }
  azerbaijan: country(id: "AZ") {
    tradeFigures { flow partner { name } period { value } amount currency evidence { paragraph note } }
  }
}`,
  },
  {
    title: 'Text search',
    query: `# Everything that mentions demining: meetings, statements, evidence notes.
{
  search(text: "demining") {
    kind
    field
    fragment
    entity { ... on Meeting { id date { value } } ... on Statement { id kind } ... on Person { name } }
  }
}`,
  },
];
