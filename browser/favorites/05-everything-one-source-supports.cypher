// Everything one source supports: each node with the paragraph and note that back it.
MATCH (n)-[e:SUPPORTED_BY]->(s:Source {id: 'azernews-2021-06-09-az-pk-military-talks'})
RETURN n, e, s;
