// The shortest paths between two officials, through meetings and statements (sources left out).
MATCH p = SHORTEST 3 (a:Person {id: 'person-zakir-hasanov'})-[:ATTENDED|MADE|MADE_AT|ON_BEHALF_OF|ADDRESSED_TO]-{1,4}(b:Person {id: 'person-qamar-javed-bajwa'})
RETURN p;
